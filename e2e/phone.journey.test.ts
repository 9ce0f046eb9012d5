import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../server/demo/demo';
import { systemClock } from '../server/lib/clock';
import { startHarness, type Harness } from './harness';
import { waitToastsGone } from './helpers';

// A manager on a phone (390×844) with the demo company's data: the lists are readable rows with the
// names in full (the longest one included), a card is filled in with a mistake and saved, leaving
// a card with unsaved changes through the menu asks first; in Russian, then in English.
// Screenshots: docs/screenshots/phone-*.png

const LONG = 'ООО «Торговый дом Северо-Западная продовольственная компания»';
const INN = '7707083893';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU', viewport: { width: 390, height: 844 } });
  const demo = await loadDemoData(h.database, systemClock);
  expect(demo.loaded).toBe(true);
  const { page } = h;
  await page.goto('/');
  await page.getByTestId('login-email').fill(demo.adminEmail!);
  await page.getByTestId('login-password').fill(demo.password!);
  await page.getByTestId('login-submit').click();
  await page.getByRole('button', { name: 'Меню' }).waitFor();
  // The task list that opens at start-up is not this journey's subject.
  await page.request.patch('/api/me/settings', { data: { showTasksAtStartup: false } });
  await page.goto('/');
  await page.getByTestId('home-birthdays').waitFor();
});

afterAll(async () => {
  await h?.close();
});

/** Opens a section through the burger menu, as on a phone. */
async function openSection(page: Page, testId: string) {
  await page.getByRole('button', { name: /Меню|Menu/ }).click();
  await page.getByTestId(testId).click();
}

/** Whether a text is shown whole: not cut by its box, and inside the screen. */
async function shownWhole(el: Locator): Promise<boolean> {
  return el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    return node.scrollWidth <= node.clientWidth + 1 && r.left >= 0 && r.right <= window.innerWidth + 1;
  });
}

/** Every row title on screen is shown whole; returns them. */
async function titlesOnScreen(page: Page, rowTestId: string): Promise<string[]> {
  const titles = page.getByTestId(rowTestId).getByTestId('row-title');
  await titles.first().waitFor();
  const out: string[] = [];
  for (let i = 0; i < (await titles.count()); i++) {
    const title = titles.nth(i);
    expect(await shownWhole(title), await title.innerText()).toBe(true);
    out.push(await title.innerText());
  }
  return out;
}

describe('phone journey', () => {
  it('the counterparty list shows every name in full, name first and the key facts under it', async () => {
    const { page } = h;
    await openSection(page, 'nav-counterparties');
    await page.getByTestId('counterparty-table').waitFor();
    // No table on a phone: readable rows.
    expect(await page.locator('table').count()).toBe(0);
    const names = await titlesOnScreen(page, 'counterparty-row');
    expect(names.length).toBeGreaterThan(3);
    expect(names.every((n) => n.length > 0)).toBe(true);
    const first = page.getByTestId('counterparty-row').first();
    expect(await first.innerText()).toMatch(/ИНН \d{10}/);
    await h.screenshot('phone-counterparties.ru');
  });

  it('a new counterparty with the longest name: a mistake is shown at its field, then it is saved', async () => {
    const { page, database } = h;
    await page.getByTestId('counterparty-create').click();
    await page.getByTestId('counterparty-card').waitFor();
    await page.getByTestId('counterparty-name').fill(LONG);
    await page.getByTestId('counterparty-inn').fill(INN);
    await page.getByTestId('tab-contact-info').click();
    await page.getByTestId('ci-add').click();
    await page.getByTestId('ci-value-0').fill('+7 (812) 555-12-34');
    await page.getByTestId('ci-add').click();
    await page.getByTestId('ci-kind-1').selectOption('email');
    await page.getByTestId('ci-value-1').fill('zakupki@');
    await page.getByTestId('counterparty-save').click();
    const summary = page.getByTestId('form-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toBe('Не записано: исправьте поля, отмеченные красным (1)');
    await page.getByTestId('counterparty-card').getByText('Неверный адрес электронной почты').waitFor();
    expect(await shownWhole(summary)).toBe(true);
    await h.screenshot('phone-counterparty-error.ru');

    await page.getByTestId('ci-value-1').fill('zakupki@szpk.ru');
    await page.getByTestId('counterparty-save').click();
    await page.waitForURL(/\/counterparties\/[0-9a-f-]{36}$/);
    const title = page.getByTestId('page-title');
    await title.getByText(LONG).waitFor();
    expect(await shownWhole(title)).toBe(true);
    const row = await database.db.selectFrom('counterparties').select(['name', 'inn']).where('inn', '=', INN).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: LONG, inn: INN });
    await waitToastsGone(page);
    await h.screenshot('phone-counterparty-card.ru');
  });

  it('the long name reads in full in the list', async () => {
    const { page } = h;
    await openSection(page, 'nav-counterparties');
    await page.getByTestId('counterparty-search').fill('Северо-Западная');
    await expect.poll(() => page.getByTestId('counterparty-row').count()).toBe(1);
    const title = page.getByTestId('counterparty-row').getByTestId('row-title');
    expect(await title.innerText()).toBe(LONG);
    expect(await shownWhole(title)).toBe(true);
    expect(await page.getByTestId('counterparty-row').innerText()).toContain('+7 (812) 555-12-34 · zakupki@szpk.ru');
    await h.screenshot('phone-counterparty-long-name.ru');
  });

  it('contact persons and the events journal are readable rows too', async () => {
    const { page, database } = h;
    await openSection(page, 'nav-contact-persons');
    const people = await titlesOnScreen(page, 'contact-person-row');
    const stored = await database.db.selectFrom('contactPersons').select(['lastName', 'firstName']).execute();
    expect(stored.some((p) => people.some((n) => n.startsWith(`${p.lastName} ${p.firstName ?? ''}`.trim())))).toBe(true);
    await h.screenshot('phone-contact-persons.ru');

    await openSection(page, 'nav-events');
    const events = page.getByTestId('event-row');
    if ((await database.db.selectFrom('events').select('id').execute()).length === 0) {
      // Demo data without events: log one so the journal has a row to show.
      await page.getByTestId('event-create').click();
      await page.getByTestId('event-subject').fill('Переговоры о годовом договоре поставки');
      await page.getByTestId('event-save').click();
      await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
      await openSection(page, 'nav-events');
    }
    await events.first().waitFor();
    await titlesOnScreen(page, 'event-row');
    // The journal's filters fold under one button, so the first rows are on the first screen.
    expect(await page.getByTestId('events-filter-kind').isVisible()).toBe(false);
    expect(await events.first().evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    await h.screenshot('phone-events.ru');
    await page.getByTestId('events-filters-toggle').click();
    await page.getByTestId('events-filter-kind').waitFor();
    await page.getByTestId('events-filters-toggle').click();
  });

  it('leaving a card with unsaved changes through the menu asks first', async () => {
    const { page, database } = h;
    await openSection(page, 'nav-counterparties');
    await page.getByTestId('counterparty-create').click();
    await page.getByTestId('counterparty-name').fill('ИП Сидоров');
    await openSection(page, 'nav-contact-persons');
    const dialog = page.getByTestId('unsaved-dialog');
    await dialog.getByText('Данные были изменены').waitFor();
    await h.screenshot('phone-unsaved-question.ru');
    await page.getByTestId('unsaved-discard').click();
    await page.waitForURL(/\/contact-persons$/);
    expect(await database.db.selectFrom('counterparties').select('id').where('name', '=', 'ИП Сидоров').execute()).toEqual([]);
  });

  it('in English the rows and the question read in English, the names in full', async () => {
    const { page } = h;
    await page.getByTestId('language-switch').getByText('EN').click();
    await openSection(page, 'nav-counterparties');
    await page.getByTestId('counterparty-search').fill('Северо-Западная');
    await expect.poll(() => page.getByTestId('counterparty-row').count()).toBe(1);
    expect(await page.getByTestId('counterparty-row').innerText()).toContain(`Legal entity · INN (tax ID) ${INN}`);
    expect(await shownWhole(page.getByTestId('counterparty-row').getByTestId('row-title'))).toBe(true);
    await h.screenshot('phone-counterparties.en');

    await page.getByTestId('counterparty-row').click();
    await page.getByTestId('counterparty-comment').fill('Call after 11:00');
    await openSection(page, 'nav-events');
    const dialog = page.getByTestId('unsaved-dialog');
    await dialog.getByText('The data has been changed').waitFor();
    expect(await dialog.innerText()).toContain('Save the changes?');
    await h.screenshot('phone-unsaved-question.en');
    await page.getByTestId('unsaved-save').click();
    await page.waitForURL(/\/events$/);
    const saved = await h.database.db.selectFrom('counterparties').select('comment').where('inn', '=', INN).executeTakeFirstOrThrow();
    expect(saved.comment).toBe('Call after 11:00');
    await titlesOnScreen(page, 'event-row');
    await h.screenshot('phone-events.en');
    expect(h.pageErrors).toEqual([]);
  });
});
