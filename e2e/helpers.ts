import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';

/** A valid 10-digit INN of a legal entity built from 9 digits (check digit per the tax service's rule). */
export function innLegal(nine: string): string {
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const d = [...nine].map(Number);
  const check = (w.reduce((s, k, i) => s + k * d[i], 0) % 11) % 10;
  return nine + check;
}

/** A valid 12-digit INN of a person (sole trader, individual) built from 10 digits. */
export function innPerson(ten: string): string {
  const w1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const w2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const d = [...ten].map(Number);
  const c1 = (w1.reduce((s, k, i) => s + k * d[i], 0) % 11) % 10;
  d.push(c1);
  const c2 = (w2.reduce((s, k, i) => s + k * d[i], 0) % 11) % 10;
  return `${ten}${c1}${c2}`;
}

/** POSTs through the browser context, so the session cookie of the signed-in user goes along. */
export async function apiPost<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.post(path, { data: data as Record<string, unknown> });
  if (!res.ok()) throw new Error(`${path} -> ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Clicks something that starts a download and returns the file's name and bytes. */
export async function download(page: Page, trigger: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await (file as Download).path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Waits until the Mantine notifications from the last action are gone (they cover the header). */
export async function waitToastsGone(page: Page) {
  await page
    .locator('.mantine-Notification-root')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

/** Fills and sends the first-run setup page; the caller waits for the page it expects next. */
export async function submitSetup(page: Page, admin: { name: string; email: string; password: string }) {
  await page.goto('/');
  await page.getByTestId('setup-form').waitFor();
  await page.getByTestId('setup-name').fill(admin.name);
  await page.getByTestId('setup-email').fill(admin.email);
  await page.getByTestId('setup-password').fill(admin.password);
  await page.getByTestId('setup-submit').click();
}
