// The reports' JSON carries codes, ids and periods; these turn them into the words of the UI's
// language (the server's CSV/XLSX files carry their own words).
import type { TFunction } from 'i18next';
import type { EventsReport, EventsReportRow, SalesReportRow } from '../../../shared/api/reports';

type Unit = EventsReport['period'];
const localeOf = (lang: string) => (lang === 'ru' ? 'ru-RU' : 'en-GB');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A calendar date (YYYY-MM-DD) as the UI writes dates (23.11.2026 / 23/11/2026), no zone shift. */
export function dayLabel(ymd: string, lang: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${ymd}T00:00:00Z`),
  );
}

/** A month (YYYY-MM) as «Ноябрь 2026» / "November 2026". */
export function monthLabel(ym: string, lang: string): string {
  const d = new Date(`${ym}-01T00:00:00Z`);
  const month = new Intl.DateTimeFormat(localeOf(lang), { month: 'long', timeZone: 'UTC' }).format(d);
  return `${capitalise(month)} ${d.getUTCFullYear()}`;
}

/** A report period key: a day, the Monday of a week («Неделя с 23.11.2026») or a month. */
export function periodLabel(key: string, unit: Unit, t: TFunction, lang: string): string {
  if (unit === 'month') return monthLabel(key, lang);
  if (unit === 'week') return t('eventsReport.weekOf', { date: dayLabel(key, lang) });
  return dayLabel(key, lang);
}

const CODE_GROUPS: Partial<Record<string, string>> = { kind: 'events.kinds', importance: 'events.importances', state: 'events.states' };

/** A group row of the events report: a name as it is, a code or period translated, no value as «<не указано>». */
export function eventGroupLabel(row: Pick<EventsReportRow, 'grouping' | 'key' | 'label'>, unit: Unit, t: TFunction, lang: string): string {
  if (row.key === null) return t('eventsReport.none');
  if (row.label !== null) return row.label;
  if (row.grouping === 'period') return periodLabel(row.key, unit, t, lang);
  const group = row.grouping ? CODE_GROUPS[row.grouping] : undefined;
  return group ? t(`${group}.${row.key}`) : row.key;
}

/** A row of the sales report: the name, the month, «Без номенклатуры» or «<не указан>». */
export function salesRowLabel(row: Pick<SalesReportRow, 'grouping' | 'key' | 'label'>, t: TFunction, lang: string): string {
  if (row.label !== null) return row.label;
  if (row.grouping === 'month' && row.key) return monthLabel(row.key, lang);
  return t(row.grouping === 'product' ? 'salesReport.noProduct' : 'salesReport.noResponsible');
}
