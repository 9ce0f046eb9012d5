import { DateTime } from 'luxon';
import type { Event } from '../../../shared/api/events.js';
import type { EventGrouping, EventsReportRow } from '../../../shared/api/reports.js';
import { documentTitle } from '../../lib/names.js';

type Lang = 'ru' | 'en';
export type PeriodUnit = 'day' | 'week' | 'month';

const L: Record<string, Record<Lang, string>> = {
  phoneCall: { ru: 'Телефонный звонок', en: 'Phone call' },
  meeting: { ru: 'Встреча', en: 'Meeting' },
  email: { ru: 'Электронное письмо', en: 'E-mail' },
  letter: { ru: 'Письмо', en: 'Letter' },
  other: { ru: 'Прочее', en: 'Other' },
  incoming: { ru: 'Входящее', en: 'Incoming' },
  outgoing: { ru: 'Исходящее', en: 'Outgoing' },
  low: { ru: 'Низкая', en: 'Low' },
  normal: { ru: 'Обычная', en: 'Normal' },
  high: { ru: 'Высокая', en: 'High' },
  planned: { ru: 'Запланировано', en: 'Planned' },
  completed: { ru: 'Завершено', en: 'Completed' },
  cancelled: { ru: 'Отменено', en: 'Cancelled' },
  none: { ru: '<не указано>', en: '<not set>' },
  weekOf: { ru: 'Неделя с', en: 'Week of' },
};
export const label = (key: string, lang: Lang) => L[key]?.[lang] ?? key;

/** The period an instant falls in, in a time zone: a sortable key and a label. */
export function periodOf(instant: string, unit: PeriodUnit, timeZone: string, lang: Lang): { key: string; label: string } {
  const d = DateTime.fromISO(instant, { zone: timeZone }).setLocale(lang);
  if (unit === 'day') return { key: d.toISODate()!, label: d.toFormat('dd.MM.yyyy') };
  if (unit === 'week') {
    const start = d.startOf('week');
    return { key: start.toISODate()!, label: `${label('weekOf', lang)} ${start.toFormat('dd.MM.yyyy')}` };
  }
  const m = d.toFormat('LLLL yyyy');
  return { key: d.toFormat('yyyy-MM'), label: m.charAt(0).toUpperCase() + m.slice(1) };
}

function keyOf(e: Event, g: EventGrouping, unit: PeriodUnit, tz: string, lang: Lang): { key: string; label: string } {
  const none = { key: '', label: label('none', lang) };
  switch (g) {
    case 'counterparty':
      return e.counterpartyId ? { key: (e.counterpartyName ?? '') + e.counterpartyId, label: e.counterpartyName ?? '' } : none;
    case 'contactPerson':
      return e.contactPersonId ? { key: (e.contactPersonName ?? '') + e.contactPersonId, label: e.contactPersonName ?? '' } : none;
    case 'responsible':
      return { key: (e.responsibleUserName ?? '') + e.responsibleUserId, label: e.responsibleUserName ?? '' };
    case 'infoSource':
      return e.infoSourceId ? { key: (e.infoSourceName ?? '') + e.infoSourceId, label: e.infoSourceName ?? '' } : none;
    case 'period':
      return periodOf(e.startAt, unit, tz, lang);
    case 'kind':
      return { key: e.kind, label: label(e.kind, lang) };
    case 'importance':
      return { key: String(['high', 'normal', 'low'].indexOf(e.importance)), label: label(e.importance, lang) };
    case 'state':
      return { key: e.state, label: label(e.state, lang) };
  }
}

const eventRow = (e: Event, level: number, lang: Lang): EventsReportRow => ({
  level,
  type: 'event',
  grouping: null,
  label: documentTitle(e.number, e.subject),
  count: 1,
  durationMinutes: e.durationMinutes ?? 0,
  eventId: e.id,
  number: e.number,
  startAt: e.startAt,
  counterpartyName: e.counterpartyName,
  contactPersonName: e.contactPersonName,
  kind: label(e.kind, lang),
  direction: e.direction ? label(e.direction, lang) : null,
  importance: label(e.importance, lang),
  state: label(e.state, lang),
  codes: { kind: e.kind, direction: e.direction, importance: e.importance, state: e.state },
});

/** Groups events by the user's ordered levels, with count and duration totals per group. Exact integer sums. */
export function groupEvents(
  events: Event[],
  groupBy: EventGrouping[],
  opts: { period: PeriodUnit; timeZone: string; lang: Lang; details: boolean },
): EventsReportRow[] {
  const out: EventsReportRow[] = [];
  const walk = (items: Event[], level: number) => {
    if (level === groupBy.length) {
      if (opts.details) for (const e of items) out.push(eventRow(e, level, opts.lang));
      return;
    }
    const g = groupBy[level];
    const groups = new Map<string, { label: string; items: Event[] }>();
    for (const e of items) {
      const k = keyOf(e, g, opts.period, opts.timeZone, opts.lang);
      const bucket = groups.get(k.key) ?? { label: k.label, items: [] };
      bucket.items.push(e);
      groups.set(k.key, bucket);
    }
    const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'ru')));
    for (const k of keys) {
      const b = groups.get(k)!;
      out.push({
        level,
        type: 'group',
        grouping: g,
        label: b.label,
        count: b.items.length,
        durationMinutes: b.items.reduce((s, e) => s + (e.durationMinutes ?? 0), 0),
        eventId: null,
        number: null,
        startAt: null,
        counterpartyName: null,
        contactPersonName: null,
        kind: null,
        direction: null,
        importance: null,
        state: null,
        codes: null,
      });
      walk(b.items, level + 1);
    }
  };
  walk(events, 0);
  return out;
}

/** Cold-call statistics: outgoing calls and their outcome per responsible user and period. */
export function coldCalls(events: Event[], unit: PeriodUnit, timeZone: string, lang: Lang) {
  const rows = new Map<
    string,
    {
      responsibleUserId: string;
      responsibleUserName: string;
      period: string;
      periodLabel: string;
      calls: number;
      successes: number;
      failures: number;
    }
  >();
  for (const e of events) {
    if (e.kind !== 'phoneCall' || e.direction !== 'outgoing' || e.state === 'cancelled') continue;
    const p = periodOf(e.startAt, unit, timeZone, lang);
    const key = `${e.responsibleUserId}|${p.key}`;
    const r = rows.get(key) ?? {
      responsibleUserId: e.responsibleUserId,
      responsibleUserName: e.responsibleUserName ?? '',
      period: p.key,
      periodLabel: p.label,
      calls: 0,
      successes: 0,
      failures: 0,
    };
    r.calls++;
    if (e.outcome === 'success') r.successes++;
    if (e.outcome === 'failure') r.failures++;
    rows.set(key, r);
  }
  const calls = [...rows.values()]
    .sort((a, b) => a.responsibleUserName.localeCompare(b.responsibleUserName, 'ru') || a.period.localeCompare(b.period))
    .map((r) => ({ ...r, successRate: r.successes + r.failures > 0 ? r.successes / (r.successes + r.failures) : null }));
  const bySource = new Map<string, { infoSourceId: string | null; name: string | null; requests: number }>();
  for (const e of events) {
    if (e.direction !== 'incoming' || e.state === 'cancelled') continue;
    const key = e.infoSourceId ?? '';
    const s = bySource.get(key) ?? { infoSourceId: e.infoSourceId, name: e.infoSourceName, requests: 0 };
    s.requests++;
    bySource.set(key, s);
  }
  const sources = [...bySource.values()].sort((a, b) => b.requests - a.requests);
  return { calls, sources };
}
