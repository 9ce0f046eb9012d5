import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import {
  EVENT_GROUPINGS,
  type ColdCallsQuery,
  type ColdCallsReport,
  type EventsReport,
  type EventsReportQuery,
} from '../../../shared/api/reports.js';
import * as events from '../events/events.service.js';
import type { Table } from '../../lib/export.js';
import { coldCalls, groupEvents } from './events-report.logic.js';
import { parseList } from './reports.logic.js';

const EVENTS_CAP = 50_000;

const GROUP_LABELS: Record<string, { ru: string; en: string }> = {
  counterparty: { ru: 'Контрагент', en: 'Counterparty' },
  contactPerson: { ru: 'Контактное лицо', en: 'Contact person' },
  kind: { ru: 'Вид события', en: 'Kind' },
  responsible: { ru: 'Ответственный', en: 'Responsible' },
  period: { ru: 'Период', en: 'Period' },
  infoSource: { ru: 'Источник информации', en: 'Information source' },
  importance: { ru: 'Важность', en: 'Importance' },
  state: { ru: 'Состояние', en: 'State' },
};

export const EVENTS_REPORT_TITLE = { ru: 'Отчет по событиям', en: 'Events report' };

export async function eventsReport(deps: Deps, actor: Actor, q: EventsReportQuery): Promise<EventsReport & { lang: 'ru' | 'en' }> {
  const groupBy = q.groupBy === '' ? [] : parseList(q.groupBy, EVENT_GROUPINGS, ['counterparty']);
  const lang = q.lang ?? actor.language;
  const { events: list, truncated } = await events.forReport(deps, actor, q, EVENTS_CAP);
  const rows = groupEvents(list, groupBy, { period: q.period ?? 'month', timeZone: actor.timeZone, lang, details: q.details ?? true });
  const totals = { count: list.length, durationMinutes: list.reduce((s, e) => s + (e.durationMinutes ?? 0), 0) };
  return { groupBy, rows, totals, truncated, lang };
}

export function eventsReportTable(r: EventsReport, lang: 'ru' | 'en', timeZone: string): Table {
  const fmt = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const headers =
    lang === 'ru'
      ? ['Группировка', 'Значение', 'Количество', 'Длительность, мин', 'Дата', 'Контрагент', 'Контактное лицо', 'Вид', 'Состояние']
      : ['Grouping', 'Value', 'Count', 'Duration, min', 'Date', 'Counterparty', 'Contact person', 'Kind', 'State'];
  const rows = r.rows.map((row) => [
    row.grouping ? GROUP_LABELS[row.grouping][lang] : '',
    `${'  '.repeat(row.level)}${row.label}`,
    String(row.count),
    String(row.durationMinutes),
    row.startAt ? fmt.format(new Date(row.startAt)) : '',
    row.counterpartyName ?? '',
    row.contactPersonName ?? '',
    row.kind ?? '',
    row.state ?? '',
  ]);
  rows.push([lang === 'ru' ? 'Итого' : 'Total', '', String(r.totals.count), String(r.totals.durationMinutes), '', '', '', '', '']);
  return { title: EVENTS_REPORT_TITLE[lang], headers, rows };
}

export async function coldCallsReport(deps: Deps, actor: Actor, q: ColdCallsQuery): Promise<ColdCallsReport> {
  const { events: list } = await events.forReport(deps, actor, q, EVENTS_CAP);
  return coldCalls(list, q.period ?? 'month', actor.timeZone, q.lang ?? actor.language);
}
