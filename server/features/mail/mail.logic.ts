import { DateTime } from 'luxon';

export interface ReminderMailInput {
  title: string;
  dueAt: string | null;
  remindAt: string | null;
  language: 'ru' | 'en';
  timeZone: string;
}

const TEXTS = {
  ru: { subject: 'Напоминание', due: 'Срок', remind: 'Напомнить', open: 'Открыть задачи' },
  en: { subject: 'Reminder', due: 'Due', remind: 'Reminder time', open: 'Open tasks' },
} as const;

/** The path of the tasks page: the message names it, the user's own address of the app leads there. */
export const TASKS_PATH = '/tasks';

const when = (iso: string, timeZone: string, language: 'ru' | 'en') =>
  DateTime.fromISO(iso, { zone: timeZone }).setLocale(language).toFormat('dd.MM.yyyy HH:mm') + ` (${timeZone})`;

export function reminderMail(t: ReminderMailInput): { subject: string; text: string } {
  const s = TEXTS[t.language] ?? TEXTS.ru;
  const lines = [t.title];
  if (t.dueAt) lines.push(`${s.due}: ${when(t.dueAt, t.timeZone, t.language)}`);
  else if (t.remindAt) lines.push(`${s.remind}: ${when(t.remindAt, t.timeZone, t.language)}`);
  lines.push('', `${s.open}: ${TASKS_PATH}`);
  // Subjects are one line: a title with a line break would otherwise split the header.
  return { subject: `${s.subject}: ${t.title.replace(/\s+/g, ' ')}`, text: lines.join('\n') };
}

/** A birthday task was mailed when the birthday job created it; its first popup is not mailed again
 * (a later, snoozed popup is). */
export const mailedOnCreation = (t: { source: string; alertAt: string | null; createdAt: string }) =>
  t.source === 'birthday' && t.alertAt !== null && Date.parse(t.alertAt) === Date.parse(t.createdAt);
