// Wall-clock times in the signed-in user's time zone (not the browser's), without a date library:
// Intl knows every zone's offset at any instant.

const pad = (n: number) => String(n).padStart(2, '0');

function partsIn(instant: number, timeZone: string) {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
  } catch {
    // An unknown zone name: the browser's own zone is the best guess.
    fmt = new Intl.DateTimeFormat('en-US', { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }
  const p = Object.fromEntries(fmt.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour) % 24, min: Number(p.minute), s: Number(p.second) };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetMs(instant: number, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(instant / 1000) * 1000;
}

/** "YYYY-MM-DDTHH:mm" (a datetime-local value) in the zone -> ISO instant; null when not a date-time. */
export function wallToInstant(wall: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  // Two passes settle the offset across a daylight-saving change.
  const first = asUtc - offsetMs(asUtc, timeZone);
  return new Date(asUtc - offsetMs(first, timeZone)).toISOString();
}

/** An instant as "YYYY-MM-DDTHH:mm" in the zone (for datetime-local inputs). */
export function instantToWall(instant: string | number | Date, timeZone: string): string {
  const p = partsIn(new Date(instant).getTime(), timeZone);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}`;
}

/** Tomorrow at the given hour in the zone: «Отложить до завтра, 9:00». */
export function tomorrowAt(hour: number, now: Date, timeZone: string): string {
  const p = partsIn(now.getTime(), timeZone);
  const next = new Date(Date.UTC(p.y, p.m - 1, p.d + 1));
  const wall = `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}T${pad(hour)}:00`;
  return wallToInstant(wall, timeZone)!;
}

/** A sensible default for a new time: the first full hour at least 5 minutes from now, in the zone. */
export function nextFullHourWall(now: Date, timeZone: string): string {
  return `${instantToWall(now.getTime() + 65 * 60_000, timeZone).slice(0, 14)}00`;
}
