import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { readXlsx } from '../server/features/reports/report-files.test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { apiPost, download, submitSetup, waitToastsGone } from './helpers';
import { ruDate } from './events.helpers';
import { todayIn } from './sales.helpers';
import { monthOf, rowClasses, seedSale } from './abc.helpers';

// «ABC-классификация покупателей» in the browser: the administrator creates a classification for
// three months (a sum of percents other than 100 is refused at the fields, nothing written), fills
// it, reads the distribution (A, A, B, C, C at 70/20/10 for 600 000, 300 000, 100 000, 100 000 and
// 0; the supplier without sales is not listed), filters it, applies it (the confirmation counts the
// customers whose class changes); the classes show on the counterparty list and filter it, the card
// shows the class and its history; the report «АВС-анализ покупателей» draws the Pareto chart and
// the ABC×XYZ matrix. The database is checked at each step. At 1366×768 and 390×844, ru and en.
// Screenshots: docs/screenshots/abc-*.png

const LONG = 'ООО «Торговый дом Северо-Западная продовольственная компания»';
const WIDE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const CUSTOMERS: [string, string[]][] = [
  // name, amounts per month (three months back, two, one); '' = no sale that month
  [LONG, ['200000.00', '200000.00', '200000.00']],
  ['ООО «Бакалея-Опт»', ['', '300000.00', '']],
  ['ИП Смирнов А. В.', ['', '', '100000.00']],
  ['ООО «Кондитер»', ['50000.00', '', '50000.00']],
  ['ООО «Без продаж»', ['', '', '']],
];

let h: Harness;
const ids: Record<string, string> = {};
let period: { from: string; to: string };
let abcId = '';
let secondId = '';
let lastMonth: { from: string; to: string };

async function settled(page: Page) {
  await waitToastsGone(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU', viewport: WIDE });
  const { page } = h;
  await submitSetup(page, { name: 'Анна Админова', email: 'admin@example.com', password: 'admin-password' });
  await page.getByTestId('nav-home').waitFor();
  await page.request.patch('/api/me/settings', { data: { showTasksAtStartup: false } });
  const settings = (await (await page.request.get('/api/settings')).json()) as { timeZone: string };
  const today = todayIn(settings.timeZone);
  const months = [monthOf(today, 3), monthOf(today, 2), monthOf(today, 1)];
  period = { from: months[0].from, to: months[2].to };
  lastMonth = months[2];
  for (const [name, amounts] of CUSTOMERS) {
    const cp = await apiPost<{ id: string }>(page, '/api/counterparties', { name, isCustomer: true });
    ids[name] = cp.id;
    // Sales on the period's first and last day count (both ends are in the period).
    for (const [i, amount] of amounts.entries()) if (amount) await seedSale(page, cp.id, i === 0 ? months[i].from : months[i].to, amount);
  }
  const supplier = await apiPost<{ id: string }>(page, '/api/counterparties', {
    name: 'ООО «Мукомол»',
    isCustomer: false,
    isSupplier: true,
  });
  ids.supplier = supplier.id;
  // A sale outside the period does not count.
  await seedSale(page, ids['ООО «Без продаж»'], monthOf(today, 4).to, '999999.00');
});

afterAll(async () => {
  await h?.close();
});

describe('ABC classification journey', () => {
  it('creates a classification for a period; a sum of percents other than 100 is refused and nothing is written', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-abc').click();
    await page.getByTestId('abc-empty').waitFor();
    await page.getByTestId('abc-create').click();
    await page.getByTestId('abc-card').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('ABC-классификация покупателей (создание)');
    expect(await page.getByTestId('abc-percent-sum').getAttribute('data-sum')).toBe('100');
    await page.getByTestId('abc-periodFrom').fill(ruDate(period.from));
    await page.getByTestId('abc-periodTo').fill(ruDate(period.to));
    await page.getByTestId('abc-classCPercent').fill('20');
    await page.getByTestId('abc-comment').click();
    expect(await page.getByTestId('abc-percent-sum').innerText()).toContain('Сумма: 110 %');
    await page.getByTestId('abc-save').click();
    await expect.poll(() => page.getByTestId('abc-classCPercent').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('abc-classAPercent').getAttribute('aria-invalid')).toBe('true');
    await settled(page);
    await h.screenshot('abc-card-percent-error.ru');
    expect(await database.db.selectFrom('abcClassifications').select('id').execute()).toEqual([]);

    await page.getByTestId('abc-classCPercent').fill('10');
    await page.getByTestId('abc-save').click();
    await page.waitForURL(/\/abc\/[0-9a-f-]{36}$/);
    abcId = page.url().split('/').at(-1)!;
    const row = await database.db.selectFrom('abcClassifications').selectAll().where('id', '=', abcId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      periodFrom: period.from,
      periodTo: period.to,
      basis: 'revenue',
      percentA: 70,
      percentB: 20,
      percentC: 10,
      state: 'draft',
    });
  });

  it('«Заполнить» ranks the customers into classes; the distribution filters by class and searches', async () => {
    const { page, database } = h;
    await page.getByTestId('abc-fill').click();
    await page.getByTestId('abc-tab-lines').click();
    await expect.poll(() => page.getByTestId('abc-line').count()).toBe(5);
    expect(await rowClasses(page, 'abc-line', 'abc-line-class')).toEqual(['A', 'A', 'B', 'C', 'C']);
    const first = page.getByTestId('abc-line').first();
    expect(await first.innerText()).toContain(LONG);
    expect(await first.getByTestId('abc-line-amount').innerText()).toBe('600\u00a0000,00');
    expect((await first.innerText()).replace(/\s+/g, ' ')).toContain('54,55 %');
    expect(await page.getByText('ООО «Мукомол»').count()).toBe(0);
    await settled(page);
    await h.screenshot('abc-card-lines.ru');

    const lines = await database.db
      .selectFrom('abcClassificationLines')
      .select(['counterpartyId', 'amount', 'abcClass', 'position', 'xyzClass'])
      .where('classificationId', '=', abcId)
      .orderBy('position')
      .execute();
    expect(lines.map((l) => [l.counterpartyId, l.amount, l.abcClass])).toEqual([
      [ids[LONG], 60_000_000, 'A'],
      [ids['ООО «Бакалея-Опт»'], 30_000_000, 'A'],
      [ids['ИП Смирнов А. В.'], 10_000_000, 'B'],
      [ids['ООО «Кондитер»'], 10_000_000, 'C'],
      [ids['ООО «Без продаж»'], 0, 'C'],
    ]);
    expect(lines[0].xyzClass).toBe('X');

    await page.getByTestId('abc-lines-class-filter').getByText('B', { exact: true }).click();
    await expect.poll(() => page.getByTestId('abc-line').count()).toBe(1);
    expect(await page.getByTestId('abc-line').innerText()).toContain('ИП Смирнов А. В.');
    await page.getByTestId('abc-lines-class-filter').getByText('Все', { exact: true }).click();
    await page.getByTestId('abc-lines-search').fill('кондит');
    await expect.poll(() => page.getByTestId('abc-line').count()).toBe(1);
    await page.getByTestId('abc-lines-search').fill('');
    await expect.poll(() => page.getByTestId('abc-line').count()).toBe(5);
  });

  it('«Перераспределить» asks how many customers change class and applies; the list shows and filters the classes', async () => {
    const { page, database } = h;
    await page.getByTestId('abc-apply').click();
    expect(await page.getByTestId('abc-apply-question').innerText()).toBe('Класс изменится у 5 покупателей.');
    await settled(page);
    await h.screenshot('abc-apply-confirm.ru');
    await page.getByTestId('abc-apply-confirm').click();
    await expect.poll(() => page.getByTestId('abc-state').first().getAttribute('data-state')).toBe('applied');
    const classes = await database.db.selectFrom('counterparties').select(['id', 'abcClass']).execute();
    const classOf = Object.fromEntries(classes.map((c) => [c.id, c.abcClass]));
    expect(classOf[ids[LONG]]).toBe('A');
    expect(classOf[ids['ИП Смирнов А. В.']]).toBe('B');
    expect(classOf[ids['ООО «Без продаж»']]).toBe('C');
    expect(classOf[ids.supplier]).toBeNull();
    expect(await page.getByTestId('abc-fill').count()).toBe(0);

    await page.getByTestId('nav-counterparties').click();
    const longRow = page.getByTestId('counterparty-row').filter({ hasText: LONG });
    await longRow.waitFor();
    expect(await longRow.getByTestId('counterparty-abc-class').getAttribute('data-class')).toBe('A');
    await page.getByTestId('counterparty-abc-filter').click();
    await page.getByRole('option', { name: 'Класс A' }).click();
    await expect.poll(() => page.getByTestId('counterparty-row').count()).toBe(2);
    expect(page.url()).toContain('abc=A');
    await settled(page);
    await h.screenshot('abc-counterparties.ru');
  });

  it('the card shows the class and «История ABC» with a link to the document', async () => {
    const { page } = h;
    await page.goto(`/counterparties/${ids[LONG]}`);
    expect(await page.getByTestId('counterparty-abc-badge').getAttribute('data-class')).toBe('A');
    await page.getByTestId('tab-abc').click();
    const row = page.getByTestId('abc-history-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('abc-history-class').getAttribute('data-class')).toBe('A');
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('600 000,00');
    expect(await row.getByTestId('abc-history-doc').getAttribute('href')).toBe(`/abc/${abcId}`);
    await settled(page);
    await h.screenshot('abc-counterparty-history.ru');
  });

  it('«АВС-анализ покупателей» draws the Pareto chart and the ABC×XYZ matrix for the latest applied classification', async () => {
    const { page } = h;
    await page.getByTestId('nav-abc-report').click();
    await page.getByTestId('abc-report-generate').click();
    const chart = page.getByTestId('abc-report-chart');
    await chart.waitFor();
    // Four bars: the customer without sales has a bar of zero height, which draws nothing.
    await expect.poll(() => chart.locator('svg .recharts-bar-rectangle').count()).toBe(4);
    expect(await chart.locator('svg .recharts-line-curve').count()).toBe(1);
    expect(await page.getByTestId('abc-report-summary-count').allInnerTexts()).toEqual(['2', '1', '2']);
    const matrix = page.getByTestId('abc-report-matrix');
    // The steady buyer is A·X, the one-month buyer A·Z, the customer without sales C with no XYZ.
    expect((await matrix.locator('[data-cell="A-X"]').innerText()).replace(/\s+/g, ' ')).toBe('1 600 000,00');
    expect((await matrix.locator('[data-cell="A-Z"]').innerText()).replace(/\s+/g, ' ')).toBe('1 300 000,00');
    expect((await matrix.locator('[data-cell="C-none"]').innerText()).replace(/\s+/g, ' ')).toBe('1 0,00');
    expect(await matrix.locator('[data-cell="B-X"]').innerText()).toBe('0');
    await expect.poll(() => page.getByTestId('abc-report-row').count()).toBe(5);
    await settled(page);
    await h.screenshot('abc-report.ru');
    await chart.scrollIntoViewIfNeeded();
    await h.screenshot('abc-report-chart.ru');

    // The export has the same customers with their figures as number cells.
    const xlsx = await download(page, page.getByTestId('abc-report-export-xlsx'));
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const [sheet] = await readXlsx(xlsx.bytes);
    const line = sheet.rows.find((r) => r.some((c) => c.value === LONG));
    expect(line).toBeDefined();
    expect(line!.filter((c) => c.type === ExcelJS.ValueType.Number).map((c) => c.value)).toContain(600000);
    expect(line!.filter((c) => typeof c.value === 'string' && /^\d[\d\s.,]*$/.test(c.value))).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('a second classification of the last month: the movement matrix and the customer who fell out of A, with one task', async () => {
    const { page, database } = h;
    // Last month alone: 200 000, 100 000, 50 000, 0, 0 -> A, A, B, C, C; «Бакалея-Опт» falls from A to C.
    const doc = await apiPost<{ id: string }>(page, '/api/abc-classifications', { periodFrom: lastMonth.from, periodTo: lastMonth.to });
    secondId = doc.id;
    await apiPost(page, `/api/abc-classifications/${secondId}/fill`, {});
    await apiPost(page, `/api/abc-classifications/${secondId}/apply`, {});
    await page.goto('/reports/abc');
    await page.getByTestId('abc-report-tab-movement').click();
    await page.getByTestId('abc-movement-generate').click();
    const matrix = page.getByTestId('abc-movement-matrix');
    await matrix.waitFor();
    const cell = (a: string, b: string) => matrix.locator(`[data-cell="${a}-${b}"]`).innerText();
    expect([await cell('A', 'A'), await cell('A', 'C'), await cell('B', 'A'), await cell('C', 'B'), await cell('C', 'C')]).toEqual([
      '1',
      '1',
      '1',
      '1',
      '1',
    ]);
    expect(await cell('A', 'B')).toBe('0');
    const down = page.getByTestId('abc-moved-down-row');
    await expect.poll(() => down.count()).toBe(1);
    expect(await down.innerText()).toContain('ООО «Бакалея-Опт»');
    expect(await down.getByRole('link').getAttribute('href')).toBe(`/counterparties/${ids['ООО «Бакалея-Опт»']}?tab=abc`);
    const tasks = await database.db.selectFrom('tasks').select(['source', 'title']).where('source', '=', 'abc').execute();
    expect(tasks).toHaveLength(1);
    await settled(page);
    await h.screenshot('abc-movement.ru');
  });

  it('a manager reads the classification but gets no editing button', async () => {
    const { page, browser, baseUrl } = h;
    await apiPost(page, '/api/users', { name: 'Игорь Блинов', email: 'igor@example.ru', password: 'igor-password', role: 'manager' });
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: WIDE });
    try {
      const manager = await context.newPage();
      const login = await manager.request.post('/api/auth/login', { data: { email: 'igor@example.ru', password: 'igor-password' } });
      expect(login.ok()).toBe(true);
      await manager.goto('/abc');
      await expect.poll(() => manager.getByTestId('abc-row').count()).toBe(2);
      expect(await manager.getByTestId('abc-create').count()).toBe(0);
      await manager.goto(`/abc/${secondId}`);
      await expect.poll(() => manager.getByTestId('abc-line').count()).toBe(5);
      for (const id of ['abc-fill', 'abc-apply', 'abc-cancel', 'abc-save']) expect(await manager.getByTestId(id).count()).toBe(0);
      await manager.getByTestId('abc-tab-params').click();
      expect(await manager.getByTestId('abc-classAPercent').getAttribute('readonly')).not.toBeNull();
      expect(await manager.getByTestId('abc-basis').inputValue()).toBe('Выручка');
    } finally {
      await context.close();
    }
  });

  it('the settings keep the default bounds: a sum other than 100 is refused at the fields, the monthly run is switched on', async () => {
    const { page, database } = h;
    const stored = async () =>
      Object.fromEntries(
        (await database.db.selectFrom('settings').select(['key', 'value']).execute())
          .filter((r) => /^(abc|xyz)/.test(r.key))
          .map((r) => [r.key, JSON.parse(r.value) as unknown]),
      );
    await page.getByTestId('nav-settings').click();
    const block = page.getByTestId('settings-abc');
    await block.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('settings-abc-sum').innerText()).toBe('Сумма: 100 %');
    await page.getByTestId('settings-abcClassCPercent').fill('20');
    expect(await page.getByTestId('settings-abc-sum').innerText()).toBe('Сумма: 110 %');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByTestId('settings-abcClassCPercent').getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).not.toHaveProperty('abcClassCPercent');
    await settled(page);
    await block.scrollIntoViewIfNeeded();
    await h.screenshot('abc-settings-error.ru');

    await page.getByTestId('settings-abcClassAPercent').fill('60');
    await page.getByTestId('settings-abcMonthlyAuto').check();
    await page.getByTestId('settings-save').click();
    await expect.poll(stored).toMatchObject({ abcClassAPercent: 60, abcClassCPercent: 20, abcMonthlyAuto: true });
    expect(await page.getByTestId('settings-abcClassCPercent').getAttribute('aria-invalid')).not.toBe('true');
    await settled(page);
    await block.scrollIntoViewIfNeeded();
    await h.screenshot('abc-settings.ru');
  });

  it('on a phone and in English the same pages read whole', async () => {
    const { page } = h;
    const shots = async (suffix: string) => {
      await page.goto(`/abc/${abcId}`);
      await page.getByTestId('abc-line').first().waitFor();
      await settled(page);
      await h.screenshot(`abc-card-lines${suffix}`);
      await page.getByTestId('abc-tab-params').click();
      await h.screenshot(`abc-card-params${suffix}`);
      await page.goto('/counterparties?abc=A');
      await page.getByTestId('counterparty-row').first().waitFor();
      await h.screenshot(`abc-counterparties${suffix}`);
      await page.goto(`/counterparties/${ids[LONG]}?tab=abc`);
      await page.getByTestId('abc-history-row').first().waitFor();
      await h.screenshot(`abc-counterparty-history${suffix}`);
      await page.goto('/reports/abc');
      await page.getByTestId('abc-report-generate').click();
      await page.getByTestId('abc-report-chart').locator('svg .recharts-bar-rectangle').first().waitFor();
      await settled(page);
      await h.screenshot(`abc-report${suffix}`);
      await page.getByTestId('abc-report-chart').scrollIntoViewIfNeeded();
      await h.screenshot(`abc-report-chart${suffix}`);
      await page.getByTestId('abc-report-tab-movement').click();
      await page.getByTestId('abc-movement-generate').click();
      await page.getByTestId('abc-moved-down-row').first().waitFor();
      await settled(page);
      await h.screenshot(`abc-movement${suffix}`);
    };
    await page.setViewportSize(PHONE);
    await shots('-phone.ru');
    await page.goto(`/abc/${abcId}`);
    const title = page.getByTestId('abc-line').first().getByTestId('row-title');
    expect(await title.innerText()).toContain(LONG);
    expect(
      await title.evaluate((n) => n.scrollWidth <= n.clientWidth + 1 && n.getBoundingClientRect().right <= window.innerWidth + 1),
    ).toBe(true);

    await page.request.patch('/api/me/settings', { data: { language: 'en' } });
    await page.setViewportSize(WIDE);
    await page.goto('/abc');
    await page.getByText('Customer ABC classifications').first().waitFor();
    await shots('.en');
    await page.setViewportSize(PHONE);
    await shots('-phone.en');
    expect(h.pageErrors).toEqual([]);
  });

  it('«Отменить проведение» of the latest restores the classes it replaced; the earlier one offers no cancel', async () => {
    const { page, database } = h;
    await page.request.patch('/api/me/settings', { data: { language: 'ru' } });
    await page.setViewportSize(WIDE);
    await page.goto(`/abc/${abcId}`);
    await page.getByTestId('abc-state').waitFor();
    expect(await page.getByTestId('abc-cancel').count()).toBe(0);
    await page.goto(`/abc/${secondId}`);
    await page.getByTestId('abc-cancel').click();
    await page.getByTestId('abc-cancel-confirm').click();
    await expect.poll(() => page.getByTestId('abc-state').first().getAttribute('data-state')).toBe('draft');
    const rows = await database.db.selectFrom('counterparties').select(['id', 'abcClass']).execute();
    const classOf = Object.fromEntries(rows.map((r) => [r.id, r.abcClass]));
    expect(CUSTOMERS.map(([name]) => classOf[ids[name]])).toEqual(['A', 'A', 'B', 'C', 'C']);
    expect(classOf[ids.supplier]).toBeNull();
    expect(h.pageErrors).toEqual([]);
  });
});
