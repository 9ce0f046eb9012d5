import { DateTime, IANAZone } from 'luxon';
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

/** periodKey for many instants: the zone's offset (an Intl lookup, the slow part) is found once per
 * UTC day, and again only on a day when it changes (a daylight-saving switch). */
export function periodKeyer(unit: PeriodUnit, timeZone: string): (instant: string) => string {
  const zone = IANAZone.create(timeZone);
  const days = new Map<number, [number, number]>();
  const pad = (n: number) => String(n).padStart(2, '0');
  return (instant) => {
    const ms = Date.parse(instant);
    const day = Math.floor(ms / 86_400_000);
    let offsets = days.get(day);
    if (!offsets) days.set(day, (offsets = [zone.offset(day * 86_400_000), zone.offset((day + 1) * 86_400_000 - 1)]));
    if (offsets[0] !== offsets[1]) return periodKey(instant, unit, timeZone);
    const local = new Date(ms + offsets[0] * 60_000);
    if (unit === 'month') return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}`;
    // Weeks start on Monday (ISO), as luxon's startOf('week').
    if (unit === 'week') local.setUTCDate(local.getUTCDate() - ((local.getUTCDay() + 6) % 7));
    return local.toISOString().slice(0, 10);
  };
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
/** One collator for all the comparisons of a sort (localeCompare would build one per call). */
const RU = new Intl.Collator('ru');

/** What grouping reads of an event. */
type Groupable = Pick<
  Event,
  | 'counterpartyId'
  | 'counterpartyName'
  | 'contactPersonId'
  | 'contactPersonName'
  | 'responsibleUserId'
  | 'responsibleUserName'
  | 'infoSourceId'
  | 'infoSourceName'
  | 'startAt'
  | 'kind'
  | 'importance'
  | 'state'
>;

/** Events, or aggregates of events (a count and a duration sum per combination of the dimensions). */
interface Weighted {
  e: Groupable;
  count: number;
  minutes: number;
  event?: Event;
}

function keyOf(e: Groupable, g: EventGrouping, unit: PeriodUnit, tz: string): GroupKey {
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
  return groupWeighted(
    events.map((e) => ({ e, count: 1, minutes: e.durationMinutes ?? 0, event: e })),
    groupBy,
    opts,
  );
}

/** The same groups from aggregates made by the database (no event rows: details off). `hour` is
 * the UTC hour of the aggregate's events; the caller makes sure the time zone's offset is whole hours. */
export function groupAggregates(
  aggregates: (Omit<Groupable, 'startAt' | 'kind' | 'importance' | 'state'> & {
    hour: string | null;
    kind: Event['kind'] | null;
    importance: Event['importance'] | null;
    state: Event['state'] | null;
    count: number;
    minutes: number;
  })[],
  groupBy: EventGrouping[],
  opts: { period: PeriodUnit; timeZone: string },
): EventsReportRow[] {
  return groupWeighted(
    aggregates.map((a) => ({
      e: {
        ...a,
        startAt: a.hour ? `${a.hour}:00:00.000Z` : '',
        kind: a.kind ?? 'other',
        importance: a.importance ?? 'normal',
        state: a.state ?? 'planned',
      },
      count: a.count,
      minutes: a.minutes,
    })),
    groupBy,
    { ...opts, details: false },
  );
}

function groupWeighted(
  items: Weighted[],
  groupBy: EventGrouping[],
  opts: { period: PeriodUnit; timeZone: string; details: boolean },
): EventsReportRow[] {
  const out: EventsReportRow[] = [];
  // Many aggregates share a period: compute each hour's period once, with the zone's offset looked up per day.
  const periods = new Map<string, string>();
  const keyer = periodKeyer(opts.period, opts.timeZone);
  const walk = (list: Weighted[], level: number) => {
    if (level === groupBy.length) {
      if (opts.details) for (const w of list) if (w.event) out.push(eventRow(w.event, level));
      return;
    }
    const g = groupBy[level];
    const groups = new Map<string, { k: GroupKey; items: Weighted[]; count: number; minutes: number }>();
    for (const w of list) {
      let k: GroupKey;
      if (g === 'period') {
        let key = periods.get(w.e.startAt);
        if (key === undefined) periods.set(w.e.startAt, (key = keyer(w.e.startAt)));
        k = { key, label: null, sort: key };
      } else k = keyOf(w.e, g, opts.period, opts.timeZone);
      const id = k.key ?? '';
      let bucket = groups.get(id);
      if (!bucket) groups.set(id, (bucket = { k, items: [], count: 0, minutes: 0 }));
      bucket.items.push(w);
      bucket.count += w.count;
      bucket.minutes += w.minutes;
    }
    // «<не указано>» last; the rest by name (Russian collation), code order or time.
    const buckets = [...groups.values()].sort((a, b) => (a.k.key === null ? 1 : b.k.key === null ? -1 : RU.compare(a.k.sort, b.k.sort)));
    for (const b of buckets) {
      out.push({
        level,
        type: 'group',
        grouping: g,
        key: b.k.key,
        label: b.k.label,
        count: b.count,
        durationMinutes: b.minutes,
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
  walk(items, 0);
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
