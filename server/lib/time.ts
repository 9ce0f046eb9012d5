import { AppError, invalid } from '../errors.js';
import { DateTime } from 'luxon';

/** The calendar date (YYYY-MM-DD) at an instant in a time zone. */
export const zonedToday = (now: Date, timeZone: string): string => DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;

/** The instant a calendar day starts in a time zone (correct across DST changes). */
export const zonedDayStart = (date: string, timeZone: string): string =>
  DateTime.fromISO(date, { zone: timeZone }).startOf('day').toUTC().toISO()!;

export const addDays = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/** The dates and instants the app accepts: every one of them can be stored, compared as text on
 * SQLite (four-digit years), converted by PostgreSQL and a time-zone library, and sent back. A day
 * added to the last date (a period's end) still stays within four digits. */
export const MIN_DATE = '1000-01-01';
export const MAX_DATE = '2999-12-31';
const MIN_MS = Date.parse(`${MIN_DATE}T00:00:00.000Z`);
const MAX_MS = Date.parse(`${MAX_DATE}T23:59:59.999Z`);

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 with an offset: "Z" or ±HH:MM up to ±14:00, the widest offset in use.
const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/** A real calendar date within MIN_DATE..MAX_DATE. */
export function isStorableDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return false;
  return s >= MIN_DATE && s <= MAX_DATE;
}

/** An instant with an offset (no leap second, offset within ±14:00) that falls within the range in UTC. */
export function isStorableInstant(s: string): boolean {
  const m = INSTANT_RE.exec(s);
  if (!m || !isStorableDate(m[1])) return false;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) return false;
  if (m[7] && (Number(m[8]) * 60 + Number(m[9]) > 14 * 60 || Number(m[9]) > 59)) return false;
  const ms = Date.parse(s);
  return !Number.isNaN(ms) && ms >= MIN_MS && ms <= MAX_MS;
}

/** Every stored instant is normalised to one ISO form (UTC, milliseconds): on SQLite they compare as text. */
export function toInstant<T extends string | null | undefined>(s: T): T extends string ? string : null {
  if (s === null || s === undefined) return null as T extends string ? string : null;
  // The request schema checks this already; repeated here because services may be called directly.
  if (!isStorableInstant(s)) {
    throw new AppError(400, 'validation_failed', `"${s}" is not an instant between ${MIN_DATE} and ${MAX_DATE}`, [
      { message: 'is not an instant', code: 'instant_invalid' },
    ]);
  }
  return new Date(s).toISOString() as T extends string ? string : null;
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(field: string, tz: string): void {
  if (!isValidTimeZone(tz)) throw invalid(field, `unknown time zone "${tz}"`, 'time_zone');
}
