import { DateTime } from 'luxon';

/** The calendar date (YYYY-MM-DD) at an instant in a time zone. */
export const zonedToday = (now: Date, timeZone: string): string => DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;

/** The instant a calendar day starts in a time zone (correct across DST changes). */
export const zonedDayStart = (date: string, timeZone: string): string =>
  DateTime.fromISO(date, { zone: timeZone }).startOf('day').toUTC().toISO()!;

export const addDays = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/** Every stored instant is normalised to one ISO form (UTC, milliseconds): on SQLite they compare as text. */
export const toInstant = <T extends string | null | undefined>(s: T): T extends string ? string : null =>
  (s === null || s === undefined ? null : new Date(s).toISOString()) as T extends string ? string : null;
