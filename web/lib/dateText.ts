/**
 * Dates and times as a user types them, in the UI's language rather than the browser's: Russian
 * "15.05.1980 14:30", English (British order, as the app shows dates) "15/05/1980 14:30", always a
 * 24-hour clock. Pasted ISO forms ("1980-05-15", "1980-05-15T14:30") are read too.
 */
export type UiLanguage = 'ru' | 'en';

/** dayjs formats of the date pickers. */
export const DATE_FORMAT: Record<UiLanguage, string> = { ru: 'DD.MM.YYYY', en: 'DD/MM/YYYY' };
export const DATE_TIME_FORMAT: Record<UiLanguage, string> = { ru: 'DD.MM.YYYY HH:mm', en: 'DD/MM/YYYY HH:mm' };

const pad = (n: number, len = 2) => String(n).padStart(len, '0');

/** "YYYY-MM-DD" of a real calendar date within the years the server stores (1000-2999), else null. */
function ymd(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Day first: "15.05.1980", "15/05/1980", "15-05-1980", "15.5.1980".
const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;

/** A typed date as "YYYY-MM-DD", or null when it is not one. */
export function parseDateText(text: string): string | null {
  const s = text.trim();
  const iso = ISO_DATE.exec(s);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dm = DAY_FIRST.exec(s);
  if (dm) return ymd(Number(dm[3]), Number(dm[2]), Number(dm[1]));
  return null;
}

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)(?::[0-5]\d)?$/;

/** A typed time of day as "HH:mm" (24-hour), or null. */
export function parseTimeText(text: string): string | null {
  const m = TIME.exec(text.trim());
  return m ? `${pad(Number(m[1]))}:${m[2]}` : null;
}

/**
 * A typed date and time as "YYYY-MM-DDTHH:mm" (what zonedTime's fromDateTimeLocal reads), or null.
 * The two parts may be separated by spaces, a comma or the ISO "T".
 */
export function parseDateTimeText(text: string): string | null {
  const m = /^(\S+?)(?:,?\s+|T)(\S+)$/.exec(text.trim());
  if (!m) return null;
  const date = parseDateText(m[1]);
  const time = parseTimeText(m[2]);
  return date && time ? `${date}T${time}` : null;
}
