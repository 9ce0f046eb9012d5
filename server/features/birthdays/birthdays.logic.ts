// Pure birthday rules. "today" is always an argument (a YYYY-MM-DD in the relevant time zone),
// so every rule is testable without a clock or a database.
import { addDays } from '../../lib/time.js';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const yearOf = (date: string) => Number(date.slice(0, 4));
const DAY_MS = 86_400_000;

/** Whole days from a to b (both YYYY-MM-DD); negative when b is earlier. */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** The birthday as celebrated in a year: 29 February falls on 28 February in other years (as people do). */
function occurrenceIn(birthday: string, year: number): string {
  const md = birthday.slice(5);
  const y = String(year).padStart(4, '0');
  return md === '02-29' && !isLeap(year) ? `${y}-02-28` : `${y}-${md}`;
}

/** The first celebration on or after today. The day of birth itself is not a birthday, so the
 * first celebration is in the year after birth. */
export function nextOccurrence(birthday: string, today: string): string {
  const first = Math.max(yearOf(today), yearOf(birthday) + 1);
  const d = occurrenceIn(birthday, first);
  return d >= today ? d : occurrenceIn(birthday, first + 1);
}

export interface ReminderWindow {
  /** The celebration that is due next (this year's, or next year's once this year's has passed). */
  occurrence: string;
  /** The day the reminder is created: n days before the occurrence. */
  remindOn: string;
  /** remindOn <= today <= occurrence: a run on any of these days (e.g. after an outage) still creates it. */
  due: boolean;
  /** Age reached on the occurrence. */
  age: number;
}

/** When to remind about a birthday n days ahead (n = 0: on the day itself). */
export function reminderWindow(birthday: string, n: number, today: string): ReminderWindow {
  const occurrence = nextOccurrence(birthday, today);
  const remindOn = addDays(occurrence, -n);
  return { occurrence, remindOn, due: remindOn <= today && today <= occurrence, age: yearOf(occurrence) - yearOf(birthday) };
}

/** The month-days ('MM-DD') of birthdays celebrated on the given dates; a 28 February of a
 * non-leap year also celebrates 29 February birthdays. Used to narrow the SQL before the exact
 * rules above decide. */
export function monthDaysOf(dates: string[]): string[] {
  const out = new Set<string>();
  for (const d of dates) {
    out.add(d.slice(5));
    if (d.slice(5) === '02-28' && !isLeap(yearOf(d))) out.add('02-29');
  }
  return [...out];
}

/** The dates from today to today + n days, inclusive. */
export const datesFrom = (today: string, n: number): string[] => Array.from({ length: n + 1 }, (_, k) => addDays(today, k));

/** The dates of a window split where the year changes, so each part sorts by month-day in date order. */
export function byYear(dates: string[]): string[][] {
  const parts: string[][] = [];
  for (const d of dates) {
    const last = parts[parts.length - 1];
    if (last && yearOf(last[0]) === yearOf(d)) last.push(d);
    else parts.push([d]);
  }
  return parts;
}

/** «День рождения: Петрова Мария Ивановна (Ромашка), 14.03» — the counterparty is left out for individuals. */
/** The task title in the assignee's language, as 1C words it: «День рождения: <name> (<counterparty>), <date>». */
export function reminderTitle(fullName: string, counterpartyName: string | null, occurrence: string, lang: 'ru' | 'en' = 'ru'): string {
  const who = counterpartyName ? `${fullName} (${counterpartyName})` : fullName;
  return `${lang === 'en' ? 'Birthday' : 'День рождения'}: ${who}, ${occurrence.slice(8, 10)}.${occurrence.slice(5, 7)}`;
}

/** The natural key that makes the reminder exist once per person, year and user, whatever the runs. */
export const reminderKey = (personId: string, occurrence: string, assigneeId: string) =>
  `birthday:${personId}:${occurrence.slice(0, 4)}:${assigneeId}`;

/** Who gets the reminder: the scheduled-jobs user and, if the setting says so, the counterparty's
 * responsible manager; each once. Blocked users are already null here. */
export function assigneesOf(jobsUserId: string | null, responsibleUserId: string | null, remindResponsible: boolean): string[] {
  const ids = [jobsUserId, remindResponsible ? responsibleUserId : null].filter((x): x is string => !!x);
  return [...new Set(ids)];
}
