import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR, type Harness } from './harness';
import { apiPost, submitSetup } from './helpers';

/** The zone of the user in the events journeys (the browser runs in Moscow too). */
export const EVENTS_ZONE = 'Europe/Moscow';

/** First run through the setup page; waits for the signed-in layout, whatever its start page. */
export async function firstRunAdmin(page: Page, admin: { name: string; email: string; password: string }) {
  await submitSetup(page, admin);
  await page.getByTestId('nav-events').waitFor();
}

export async function apiPatch<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.patch(path, { data: data as Record<string, unknown> });
  if (!res.ok()) throw new Error(`${path} -> ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  if (!res.ok()) throw new Error(`${path} -> ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Opens a Mantine select by its input and clicks the option that contains `text`. */
export async function pickOption(page: Page, testId: string, text: string, search?: string) {
  const input = page.getByTestId(testId);
  await input.click();
  if (search !== undefined) await input.fill(search);
  const option = page.getByRole('option').filter({ hasText: text }).first();
  await option.waitFor();
  await option.click();
}

/** A calendar date in a zone, days from today ("YYYY-MM-DD"). */
export function dateInZone(daysFromToday: number, timeZone = EVENTS_ZONE, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + daysFromToday);
  return d.toISOString().slice(0, 10);
}

/** "DD.MM.YYYY" of a YYYY-MM-DD date, as the Russian UI writes it. */
export const ruDate = (ymd: string) => `${ymd.slice(8, 10)}.${ymd.slice(5, 7)}.${ymd.slice(0, 4)}`;

/** An event through the API (for the report's data set); times are Moscow wall-clock. */
export async function apiEvent(
  page: Page,
  e: {
    kind: string;
    subject: string;
    date: string;
    start: string;
    minutes?: number;
    counterpartyId: string;
    contactPersonId?: string | null;
    direction?: string | null;
    state?: string;
    outcome?: string | null;
    importance?: string;
    infoSourceId?: string | null;
  },
) {
  const startAt = `${e.date}T${e.start}:00+03:00`;
  const endAt = e.minutes === undefined ? null : new Date(Date.parse(startAt) + e.minutes * 60_000).toISOString();
  return apiPost<{ id: string; number: number }>(page, '/api/events', {
    kind: e.kind,
    subject: e.subject,
    startAt,
    endAt,
    counterpartyId: e.counterpartyId,
    contactPersonId: e.contactPersonId ?? null,
    direction: e.direction ?? null,
    state: e.state ?? 'completed',
    outcome: e.outcome ?? null,
    importance: e.importance ?? 'normal',
    infoSourceId: e.infoSourceId ?? null,
  });
}

/** Rows of the events report as [level, label] of its group rows, top to bottom. */
export async function reportGroups(page: Page): Promise<[string, string][]> {
  const groups = page.getByTestId('events-report-group');
  const out: [string, string][] = [];
  for (let i = 0; i < (await groups.count()); i++) {
    const g = groups.nth(i);
    out.push([(await g.getAttribute('data-level')) ?? '', ((await g.textContent()) ?? '').trim()]);
  }
  return out;
}

/** The report row holding a group label (at a level). */
export const reportRow = (page: Page, label: string, level: number): Locator =>
  page
    .getByTestId('events-report-row')
    .filter({ has: page.locator(`[data-testid="events-report-group"][data-level="${level}"]`, { hasText: label }) });

/** Cells of a table row as trimmed texts, any run of spaces (NBSP of "50 %" too) as one space. */
export async function cellsOf(row: Locator): Promise<string[]> {
  return (await row.locator('td').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
}

/** CSV text (BOM stripped) as rows of fields; the simple files of the reports never quote here. */
export function csvRows(bytes: Buffer, delimiter = ';'): string[][] {
  return bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean)
    .map((l) => l.split(delimiter));
}

/** The whole page from the top (a long card), without toasts and without a focused field's highlight. */
export async function fullPageShot(h: Harness, name: string) {
  await h.page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await h.page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
    style: '.mantine-Notifications-root { display: none !important; }',
  });
}
