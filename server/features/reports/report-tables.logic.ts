// The reports as tables of typed cells for CSV/XLSX (lib/export.ts): counts and durations are
// numbers, event times are datetimes, periods are dates, shares are percentages, the rest is text.
import type { ContactInfoKind } from '../../../shared/api/contact-info.js';
import type { ColdCallsReport, ContactInfoReportRow, EventsReport } from '../../../shared/api/reports.js';
import { date, dateTime, num, text, type Cell, type Table } from '../../lib/export.js';
import { groupLabel, label, type PeriodUnit } from './events-report.logic.js';
import { fixedLabel, kindLabel, objectLabel, REPORT_TITLE } from './reports.logic.js';

type Lang = 'ru' | 'en';
type L10n = Record<Lang, string>;

const GROUP_LABELS: Record<string, L10n> = {
  counterparty: { ru: 'Контрагент', en: 'Counterparty' },
  contactPerson: { ru: 'Контактное лицо', en: 'Contact person' },
  kind: { ru: 'Вид события', en: 'Kind' },
  responsible: { ru: 'Ответственный', en: 'Responsible' },
  period: { ru: 'Период', en: 'Period' },
  infoSource: { ru: 'Источник информации', en: 'Information source' },
  importance: { ru: 'Важность', en: 'Importance' },
  state: { ru: 'Состояние', en: 'State' },
};
const TOTAL: L10n = { ru: 'Итого', en: 'Total' };

export const EVENTS_REPORT_TITLE: L10n = { ru: 'Отчет по событиям', en: 'Events report' };
export const COLD_CALLS_TITLE: L10n = { ru: 'Статистика холодных звонков', en: 'Cold-call statistics' };

/** «Отчет о контактной информации»: one row per object, one text column per kind of contact
 * information; the rows may be an async source (the export streams them from the database). */
export function contactInfoTable(
  columns: string[],
  rows: Iterable<ContactInfoReportRow> | AsyncIterable<ContactInfoReportRow>,
  kinds: ContactInfoKind[],
  lang: Lang,
  timeZone: string,
): Table {
  const cells = (r: ContactInfoReportRow): Cell[] => [
    text(objectLabel(r.objectType, lang)),
    text(r.name),
    r.objectType === 'counterparty' ? null : text(r.counterpartyName),
    text(r.position),
    ...kinds.map((k) => text(r.values[k])),
  ];
  async function* mapped() {
    for await (const r of rows) yield cells(r);
  }
  return {
    title: REPORT_TITLE[lang],
    headers: columns.map((c) => (kinds.includes(c as ContactInfoKind) ? kindLabel(c as ContactInfoKind, lang) : fixedLabel(c, lang))),
    rows: mapped(),
    lang,
    timeZone,
  };
}

const EVENTS_HEADERS: Record<Lang, string[]> = {
  ru: [
    'Группировка',
    'Значение',
    'Количество',
    'Длительность, мин',
    'Дата',
    'Контрагент',
    'Контактное лицо',
    'Вид',
    'Направление',
    'Важность',
    'Состояние',
  ],
  en: ['Grouping', 'Value', 'Count', 'Duration, min', 'Date', 'Counterparty', 'Contact person', 'Kind', 'Direction', 'Importance', 'State'],
};

/** «Отчет по событиям»: groups (bold, indented by level) with their totals, events under them, a total row. */
export function eventsReportTable(r: EventsReport, lang: Lang, timeZone: string): Table<Cell[][]> {
  const rows: Cell[][] = r.rows.map((row) => {
    const bold = row.type === 'group';
    return [
      text(row.grouping ? GROUP_LABELS[row.grouping][lang] : null, { bold }),
      text(row.type === 'group' ? groupLabel(row, r.period, lang) : row.label, { indent: row.level, bold }),
      num(row.count, { bold }),
      num(row.durationMinutes, { bold }),
      dateTime(row.startAt),
      text(row.counterpartyName),
      text(row.contactPersonName),
      text(row.kind && label(row.kind, lang)),
      text(row.direction && label(row.direction, lang)),
      text(row.importance && label(row.importance, lang)),
      text(row.state && label(row.state, lang)),
    ];
  });
  rows.push([
    text(TOTAL[lang], { bold: true }),
    null,
    num(r.totals.count, { bold: true }),
    num(r.totals.durationMinutes, { bold: true }),
    ...Array<Cell>(7).fill(null),
  ]);
  return { title: EVENTS_REPORT_TITLE[lang], headers: EVENTS_HEADERS[lang], rows, lang, timeZone };
}

const CALLS: Record<Lang, { title: string; headers: string[] }> = {
  ru: {
    title: 'Исходящие звонки',
    headers: ['Ответственный', 'Период', 'Звонков', 'Успешно', 'Неуспешно', 'Без результата', 'Доля успешных'],
  },
  en: { title: 'Outgoing calls', headers: ['Responsible', 'Period', 'Calls', 'Successes', 'Failures', 'No outcome', 'Success rate'] },
};
const SOURCES: Record<Lang, { title: string; headers: string[]; none: string }> = {
  ru: { title: 'Обращения по источникам', headers: ['Источник информации', 'Обращений', 'Доля'], none: '<не указан>' },
  en: { title: 'Requests by source', headers: ['Information source', 'Requests', 'Share'], none: '<not set>' },
};

/** The first day of a report period from its key ("2026-11" for a month, the date for a day or week). */
const periodStart = (key: string, unit: PeriodUnit) => (unit === 'month' ? `${key}-01` : key);
const rate = (successes: number, failures: number) => (successes + failures > 0 ? successes / (successes + failures) : null);

/** Cold-call statistics as two tables (two sheets, or two sections of a CSV): outgoing calls per
 * responsible and period with a total, and incoming requests by information source with shares. */
export function coldCallsTables(r: ColdCallsReport, lang: Lang, timeZone: string): Table<Cell[][]>[] {
  const unit = r.unit;
  const sum = (k: 'calls' | 'successes' | 'failures') => r.calls.reduce((s, c) => s + c[k], 0);
  const [calls, successes, failures] = [sum('calls'), sum('successes'), sum('failures')];
  const callRows: Cell[][] = r.calls.map((c) => [
    text(c.responsibleUserName),
    date(periodStart(c.period, unit), { format: unit === 'month' ? 'month' : undefined }),
    num(c.calls),
    num(c.successes),
    num(c.failures),
    num(c.calls - c.successes - c.failures),
    num(c.successRate, { format: 'percent' }),
  ]);
  const b = { bold: true };
  callRows.push([
    text(TOTAL[lang], b),
    null,
    num(calls, b),
    num(successes, b),
    num(failures, b),
    num(calls - successes - failures, b),
    num(rate(successes, failures), { format: 'percent', ...b }),
  ]);
  const requests = r.sources.reduce((s, x) => s + x.requests, 0);
  const sourceRows: Cell[][] = r.sources.map((s) => [
    text(s.name ?? SOURCES[lang].none),
    num(s.requests),
    num(requests > 0 ? s.requests / requests : null, { format: 'percent' }),
  ]);
  sourceRows.push([text(TOTAL[lang], b), num(requests, b), num(requests > 0 ? 1 : null, { format: 'percent', ...b })]);
  return [
    { title: CALLS[lang].title, headers: CALLS[lang].headers, rows: callRows, lang, timeZone },
    { title: SOURCES[lang].title, headers: SOURCES[lang].headers, rows: sourceRows, lang, timeZone },
  ];
}
