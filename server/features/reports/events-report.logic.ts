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

/** The period an instant falls in, in a time zone: YYYY-MM-DD for a day or the Monday of its week, YYYY-MM for a month. */
export function periodKey(instant: string, unit: PeriodUnit, timeZone: string): string {
  const d = DateTime.fromISO(instant, { zone: timeZone });
  if (unit === 'day') return d.toISODate()!;
  if (unit === 'week') return d.startOf('week').toISODate()!;
  return d.toFormat('yyyy-MM');
}

/** The period an instant falls in, with its label in a language (for the files). */
export function periodOf(instant: string, unit: PeriodUnit, timeZone: string, lang: Lang): { key: string; label: string } {
  const key = periodKey(instant, unit, timeZone);
  return { key, label: periodLabel(key, unit, lang) };
}

interface GroupKey {
  /** What the JSON carries: an id, a code or a period; null for «<не указано>». */
  key: string | null;
  /** A name that is data (null for codes and periods). */
  label: string | null;
  /** The order of the groups: by name (then id), codes in their natural order, periods by time. */
  sort: string;
}

const IMPORTANCE_ORDER = ['high', 'normal', 'low'];

function keyOf(e: Event, g: EventGrouping, unit: PeriodUnit, tz: string): GroupKey {
  const none: GroupKey = { key: null, label: null, sort: '' };
  const named = (id: string | null, name: string | null | undefined): GroupKey =>
    id ? { key: id, label: name ?? '', sort: `${name ?? ''}\u0000${id}` } : none;
  switch (g) {
    case 'counterparty':
      return named(e.counterpartyId, e.counterpartyName);
    case 'contactPerson':
      return named(e.contactPersonId, e.contactPersonName);
    case 'responsible':
      return named(e.responsibleUserId, e.responsibleUserName);
    case 'infoSource':
      return named(e.infoSourceId, e.infoSourceName);
    case 'period': {
      const key = periodKey(e.startAt, unit, tz);
      return { key, label: null, sort: key };
    }
    case 'kind':
      return { key: e.kind, label: null, sort: e.kind };
    case 'importance':
      return { key: e.importance, label: null, sort: String(IMPORTANCE_ORDER.indexOf(e.importance)) };
    case 'state':
      return { key: e.state, label: null, sort: e.state };
  }
}

/** A group's value as the files show it, in the file's language: names as they are, codes and
 * periods translated, an empty key as «<не указано>». */
export function groupLabel(row: Pick<EventsReportRow, 'grouping' | 'key' | 'label'>, unit: PeriodUnit, lang: Lang): string {
  if (row.key === null) return label('none', lang);
  if (row.label !== null) return row.label;
  if (row.grouping === 'period') return periodLabel(row.key, unit, lang);
  return label(row.key, lang);
}

/** The label of a period key made by periodOf. */
export function periodLabel(key: string, unit: PeriodUnit, lang: Lang): string {
  const d = DateTime.fromISO(unit === 'month' ? `${key}-01` : key, { zone: 'UTC' }).setLocale(lang);
  if (unit === 'day') return d.toFormat('dd.MM.yyyy');
  if (unit === 'week') return `${label('weekOf', lang)} ${d.toFormat('dd.MM.yyyy')}`;
  const m = d.toFormat('LLLL yyyy');
  return m.charAt(0).toUpperCase() + m.slice(1);
}

const eventRow = (e: Event, level: number): EventsReportRow => ({
  level,
  type: 'event',
  grouping: null,
  key: null,
  label: documentTitle(e.number, e.subject),
  count: 1,
  durationMinutes: e.durationMinutes ?? 0,
  eventId: e.id,
  number: e.number,
  startAt: e.startAt,
  counterpartyName: e.counterpartyName,
  contactPersonName: e.contactPersonName,
  kind: e.kind,
  direction: e.direction,
  importance: e.importance,
  state: e.state,
});

/** Groups events by the user's ordered levels, with count and duration totals per group. Exact integer sums. */
export function groupEvents(
  events: Event[],
  groupBy: EventGrouping[],
  opts: { period: PeriodUnit; timeZone: string; details: boolean },
): EventsReportRow[] {
  const out: EventsReportRow[] = [];
  const walk = (items: Event[], level: number) => {
    if (level === groupBy.length) {
      if (opts.details) for (const e of items) out.push(eventRow(e, level));
      return;
    }
    const g = groupBy[level];
    const groups = new Map<string, { k: GroupKey; items: Event[] }>();
    for (const e of items) {
      const k = keyOf(e, g, opts.period, opts.timeZone);
      const id = k.key ?? '';
      const bucket = groups.get(id) ?? { k, items: [] };
      bucket.items.push(e);
      groups.set(id, bucket);
    }
    // «<не указано>» last; the rest by name (Russian collation), code order or time.
    const buckets = [...groups.values()].sort((a, b) =>
      a.k.key === null ? 1 : b.k.key === null ? -1 : a.k.sort.localeCompare(b.k.sort, 'ru'),
    );
    for (const b of buckets) {
      out.push({
        level,
        type: 'group',
        grouping: g,
        key: b.k.key,
        label: b.k.label,
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
      });
      walk(b.items, level + 1);
    }
  };
  walk(events, 0);
  return out;
}

/** Cold-call statistics: outgoing calls and their outcome per responsible user and period. */
export function coldCalls(events: Event[], unit: PeriodUnit, timeZone: string) {
  const rows = new Map<
    string,
    {
      responsibleUserId: string;
      responsibleUserName: string;
      period: string;
      calls: number;
      successes: number;
      failures: number;
    }
  >();
  for (const e of events) {
    if (e.kind !== 'phoneCall' || e.direction !== 'outgoing' || e.state === 'cancelled') continue;
    const p = { key: periodKey(e.startAt, unit, timeZone) };
    const key = `${e.responsibleUserId}|${p.key}`;
    const r = rows.get(key) ?? {
      responsibleUserId: e.responsibleUserId,
      responsibleUserName: e.responsibleUserName ?? '',
      period: p.key,
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
