import { DateTime, IANAZone } from 'luxon';

/**
 * Wall-clock date and time in a named time zone <-> instants. Cards show times on the signed-in
 * user's clock, not the browser's, so every conversion goes through the zone's rules (luxon reads
 * them from the browser's tz database, daylight-saving changes and 30/45-minute offsets included).
 */

/** A reading of a clock: what the date and time inputs of a form hold. */
export interface Wall {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  time: string;
}

/**
 * The zone to show times in: the user's when this browser knows it, else the browser's own
 * (a zone name the browser cannot resolve would make every conversion fail).
 */
export function resolveTimeZone(zone: string | null | undefined): string {
  if (zone && IANAZone.isValidZone(zone)) return zone;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const at = (instant: string | number | Date, timeZone: string) =>
  DateTime.fromJSDate(new Date(instant), { zone: resolveTimeZone(timeZone) });

const wallOf = (dt: DateTime): Wall =>
  dt.isValid ? { date: dt.toFormat('yyyy-MM-dd'), time: dt.toFormat('HH:mm') } : { date: '', time: '' };

/** An instant as the zone's clock shows it, to the minute; an unreadable instant gives empty inputs. */
export function toWall(instant: string | number | Date, timeZone: string): Wall {
  return wallOf(at(instant, timeZone));
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A clock shows 00:00-23:59; luxon alone would take 24:00 as the next midnight.
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

/**
 * A reading of the zone's clock as an ISO instant in UTC ("2026-11-27T07:00:00.000Z"), or null when
 * the date or time is missing or not a real one. A time skipped by a daylight-saving change
 * (02:30 when clocks jump from 02:00 to 03:00) moves forward by the jump, as the clock itself does.
 */
export function fromWall(wall: Wall, timeZone: string): string | null {
  const d = DATE_RE.exec(wall.date);
  const t = TIME_RE.exec(wall.time);
  if (!d || !t) return null;
  const dt = DateTime.fromObject(
    { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]) },
    { zone: resolveTimeZone(timeZone) },
  );
  return dt.isValid ? dt.toUTC().toISO() : null;
}

/** A `datetime-local` input's value ("YYYY-MM-DDTHH:mm") and back. */
export const toDateTimeLocal = (w: Wall): string => (w.date && w.time ? `${w.date}T${w.time}` : '');
export function fromDateTimeLocal(value: string): Wall {
  const [date = '', time = ''] = value.split('T');
  return { date, time: time.slice(0, 5) };
}

/** Quick choice "in an hour": the zone's clock an hour from now. */
export function inOneHour(timeZone: string, now: Date = new Date()): Wall {
  return wallOf(at(now, timeZone).plus({ hours: 1 }));
}

/** Quick choice "tomorrow at 9:00": tomorrow by the zone's calendar, at the given hour. */
export function tomorrowAt(hour: number, timeZone: string, now: Date = new Date()): Wall {
  const tomorrow = at(now, timeZone).plus({ days: 1 });
  return { date: wallOf(tomorrow).date, time: `${String(hour).padStart(2, '0')}:00` };
}

/** A sensible default for a new time: the first full hour on the zone's clock at least 5 minutes away. */
export function nextFullHour(timeZone: string, now: Date = new Date()): Wall {
  return wallOf(at(now, timeZone).plus({ minutes: 65 }).startOf('hour'));
}
