import { AppError, invalid } from '../errors.js';
import { DateTime } from 'luxon';

/** The calendar date (YYYY-MM-DD) at an instant in a time zone. */
export const zonedToday = (now: Date, timeZone: string): string => DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;

/** The instant a calendar day starts in a time zone (correct across DST changes). */
export const zonedDayStart = (date: string, timeZone: string): string =>
  DateTime.fromISO(date, { zone: timeZone }).startOf('day').toUTC().toISO()!;

export const addDays = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/** Every stored instant is normalised to one ISO form (UTC, milliseconds): on SQLite they compare as text. */
export function toInstant<T extends string | null | undefined>(s: T): T extends string ? string : null {
  if (s === null || s === undefined) return null as T extends string ? string : null;
  const d = new Date(s);
  // The date-time format admits a leap second (…T23:59:60Z) that Date cannot hold.
  if (Number.isNaN(d.getTime()))
    throw new AppError(400, 'validation_failed', `"${s}" is not an instant`, [{ message: 'is not an instant', code: 'instant_invalid' }]);
  return d.toISOString() as T extends string ? string : null;
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
