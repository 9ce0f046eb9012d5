import type { Locator, Page } from 'playwright-core';
import type { Database } from '../server/db/database';
import { apiPost, submitSetup } from './helpers';

/** The company's and the users' zone in these journeys (the browser runs in it too). */
const ZONE = 'Europe/Moscow';

/** First run through the setup page; the administrator lands on the home page. */
export async function firstRun(page: Page, admin: { name: string; email: string; password: string }) {
  await submitSetup(page, admin);
  await page.getByTestId('home-birthdays').waitFor();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
}

export async function apiPatch<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.patch(path, { data: data as Record<string, unknown> });
  if (!res.ok()) throw new Error(`${path} -> ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** An outgoing call with a reminder (the events UI is another part of the app: its API is used here). */
export async function callWithReminder(
  page: Page,
  o: { subject: string; text: string; remindAt: Date; dueAt?: Date; counterpartyId?: string },
) {
  return apiPost<{ id: string; number: number }>(page, '/api/events', {
    kind: 'phoneCall',
    direction: 'outgoing',
    startAt: new Date().toISOString(),
    subject: o.subject,
    counterpartyId: o.counterpartyId ?? null,
    reminder: { remindAt: o.remindAt.toISOString(), dueAt: o.dueAt?.toISOString() ?? null, text: o.text },
  });
}

/** The popup of one reminder, found by its title. */
export const reminderCard = (page: Page, title: string): Locator =>
  page.getByTestId('reminder-card').filter({ has: page.getByTestId('reminder-title').getByText(title, { exact: true }) });

export const taskRow = (page: Page, title: string): Locator => page.getByTestId('task-row').filter({ hasText: title });

export async function taskByTitle(database: Database, title: string) {
  return database.db.selectFrom('tasks').selectAll().where('title', '=', title).executeTakeFirstOrThrow();
}

/** A calendar date in a zone, days from today ("YYYY-MM-DD"). */
export function zonedDate(daysFromToday: number, timeZone = ZONE, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + daysFromToday);
  return d.toISOString().slice(0, 10);
}

/** The instant of a wall-clock time in Moscow (UTC+3 all year, no daylight saving). */
export const moscow = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+03:00`);

/** "DD.MM.YYYY, HH:mm" as the Russian UI shows an instant in Moscow time. */
export const ruDateTime = (d: Date) =>
  new Intl.DateTimeFormat('ru-RU', {
    timeZone: ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);

/** Waits until the toasts are gone, so screenshots show the page. */
export async function settle(page: Page) {
  await page
    .locator('.mantine-Notification-root')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}
