import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../server/features/reports/report-files.test-support';
import { startHarness, type Harness } from './harness';
import { apiPost, download, submitSetup, waitToastsGone } from './helpers';
import { csvFile, settlementAccount, todayIn } from './sales.helpers';

// A manager loads the month's sales from a CSV file: one bad line is refused with its line number
// and nothing is written; the fixed file creates the sales, which show in the list and on the
// counterparty's «Продажи» tab with their totals; the sales report grouped by customer shows the
// same figures and exports them to XLSX as numbers; the administrator fills the company's
// requisites (a wrong account is refused at its field). At 1366×768 and 390×844, in Russian and English.
// Screenshots: docs/screenshots/sales-*.png

const LONG = 'ООО «Торговый дом Северо-Западная продовольственная компания»';
const INN = '7707083893';
const BIK = '044525225';
const CORR = '30101810400000000225';
const HEADER = 'date;counterparty;sku;description;quantity;amount;cost';

let h: Harness;
let counterpartyId: string;
let today: string;

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU', viewport: { width: 1366, height: 768 } });
  const { page } = h;
  await submitSetup(page, { name: 'Анна Админова', email: 'admin@example.com', password: 'admin-password' });
  await page.getByTestId('nav-home').waitFor();
  await page.request.patch('/api/me/settings', { data: { showTasksAtStartup: false } });
  const cp = await apiPost<{ id: string }>(page, '/api/counterparties', { name: LONG, kind: 'legalEntity', inn: INN, isCustomer: true });
  counterpartyId = cp.id;
  await apiPost(page, '/api/products', { sku: 'MS-82', name: 'Масло сливочное 82 %', unit: 'кг', price: '1200.00', costPrice: '800.00' });
  const settings = (await (await page.request.get('/api/settings')).json()) as { timeZone: string };
  // The report opens on the company's current month: the sales are dated today there.
  today = todayIn(settings.timeZone);
});

afterAll(async () => {
  await h?.close();
});

const goodLines = () => [
  HEADER,
  `${today};${INN};MS-82;;3;3600.00;2400.00`,
  `${today};${INN};;Доставка по городу;1;1500.00;0`,
  `${today};${LONG};;Монтаж витрины;2;5000.00;1000.00`,
];

describe('sales journey', () => {
  it('a file with one bad line is refused with the line named, and nothing is written', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-sales').click();
    await page.getByTestId('sales-empty').waitFor();
    await page.getByTestId('sales-import-open').click();
    const dialog = page.getByTestId('sales-import-dialog');
    await dialog.getByTestId('sales-import-columns').waitFor();
    const bad = goodLines();
    bad[3] = `${today};${LONG};;Монтаж витрины;два;5000.00;1000.00`;
    await dialog.locator('input[type="file"]').setInputFiles(csvFile('продажи.csv', bad));
    await dialog.getByTestId('sales-import-send').click();
    const error = dialog.getByTestId('sales-import-error');
    await error.first().waitFor();
    expect(await error.count()).toBe(1);
    expect(await error.getAttribute('data-line')).toBe('4');
    const cells = await error.locator('td').allInnerTexts();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('Количество');
    expect(cells[2]).toMatch(/[а-я]/);
    expect(await dialog.getByTestId('sales-import-failed').innerText()).toContain('ни одна строка не записана');
    await h.screenshot('sales-import-errors.ru');
    expect(await database.db.selectFrom('sales').select('id').execute()).toEqual([]);
    expect(await database.db.selectFrom('saleLines').select('id').execute()).toEqual([]);
  });

  it('the fixed file creates the sales: the dialog counts them and the list shows them', async () => {
    const { page, database } = h;
    const dialog = page.getByTestId('sales-import-dialog');
    await dialog.locator('input[type="file"]').setInputFiles(csvFile('продажи.csv', goodLines()));
    await dialog.getByTestId('sales-import-send').click();
    const done = dialog.getByTestId('sales-import-done');
    await done.waitFor();
    const sales = await database.db.selectFrom('sales').select(['id', 'counterpartyId', 'revenue', 'cost', 'date']).execute();
    const lines = await database.db.selectFrom('saleLines').select(['saleId', 'amount', 'cost', 'productId']).execute();
    expect(lines).toHaveLength(3);
    expect(await done.innerText()).toBe(`Загружено реализаций: ${sales.length}, строк: 3`);
    expect(sales.every((s) => s.counterpartyId === counterpartyId && s.date === today)).toBe(true);
    expect(sales.reduce((s, x) => s + x.revenue, 0)).toBe(1_010_000);
    expect(sales.reduce((s, x) => s + x.cost, 0)).toBe(340_000);
    expect(lines.filter((l) => l.productId !== null)).toHaveLength(1);
    await dialog.getByTestId('sales-import-close').click();
    await expect.poll(() => page.getByTestId('sale-row').count()).toBe(sales.length);
    const row = page.getByTestId('sale-row').first();
    expect(await row.innerText()).toContain(LONG);
    await waitToastsGone(page);
    await h.screenshot('sales-list.ru');
  });

  it('the counterparty «Продажи» tab totals the sales; a sale opens as a document', async () => {
    const { page } = h;
    await page.goto(`/counterparties/${counterpartyId}`);
    await page.getByTestId('tab-sales').click();
    const totals = page.getByTestId('counterparty-sales-totals');
    await totals.waitFor();
    expect(await page.getByTestId('sales-total-revenue').innerText()).toBe('10\u00a0100,00');
    expect(await page.getByTestId('sales-total-cost').innerText()).toBe('3\u00a0400,00');
    expect(await page.getByTestId('sales-total-gross-profit').innerText()).toBe('6\u00a0700,00');
    await expect.poll(() => page.getByTestId('counterparty-sale-row').count()).toBeGreaterThan(0);
    await h.screenshot('sales-counterparty-tab.ru');

    await page.getByTestId('tab-orders').click();
    await page.getByTestId('counterparty-orders-empty').waitFor();
    expect(await page.getByTestId('orders-total-count').innerText()).toBe('0');
    expect(await page.getByTestId('counterparty-new-order').getAttribute('href')).toBe(`/orders/new?counterpartyId=${counterpartyId}`);

    await page.getByTestId('tab-sales').click();
    await page.getByTestId('counterparty-sale-row').first().getByRole('link').first().click();
    await page.getByTestId('sale-card').waitFor();
    expect(await page.getByTestId('sale-customer').innerText()).toBe(LONG);
    expect(await page.getByTestId('sale-print-pdf').getAttribute('href')).toMatch(/^\/api\/sales\/[\w-]+\/print\?format=pdf$/);
    expect(await page.getByTestId('sale-line').count()).toBeGreaterThan(0);
    // «Печать» opens the printed form the server renders.
    for (const [testId, type] of [
      ['sale-print-pdf', 'application/pdf'],
      ['sale-print-html', 'text/html'],
    ]) {
      const res = await page.request.get((await page.getByTestId(testId).getAttribute('href'))!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain(type);
    }
    await h.screenshot('sales-card.ru');
  });

  it('the sales report grouped by customer shows the figures and exports them as numbers', async () => {
    const { page } = h;
    await page.getByTestId('nav-sales-report').click();
    await page.getByTestId('sales-report-generate').click();
    const row = page.getByTestId('sales-report-row').filter({ hasText: LONG });
    await row.waitFor();
    expect(await row.getByTestId('sales-report-revenue').innerText()).toBe('10\u00a0100,00');
    expect(await row.getByTestId('sales-report-cost').innerText()).toBe('3\u00a0400,00');
    expect(await row.getByTestId('sales-report-gross-profit').innerText()).toBe('6\u00a0700,00');
    expect(await page.getByTestId('sales-report-total-revenue').innerText()).toBe('10\u00a0100,00');
    expect(await row.innerText()).toContain('66,3\u00a0%');
    const summary = await page.getByTestId('sales-report-summary').innerText();
    expect(summary).toContain(`${today.slice(8, 10)}.${today.slice(5, 7)}.${today.slice(0, 4)}`);
    await h.screenshot('sales-report.ru');

    const xlsx = await download(page, page.getByTestId('sales-report-export-xlsx'));
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const [sheet] = await readXlsx(xlsx.bytes);
    const line = sheet.rows.find((r) => r.some((c) => c.value === LONG));
    expect(line).toBeDefined();
    const numbers = line!.filter((c) => c.type === ExcelJS.ValueType.Number).map((c) => c.value);
    expect(numbers).toEqual(expect.arrayContaining([10100, 3400, 6700]));
    // No figure is written as text.
    expect(line!.filter((c) => typeof c.value === 'string' && /^\d[\d\s.,]*$/.test(c.value))).toEqual([]);
    // By product: the product and the lines without one are two groups, drawn as two bars.
    await page.getByTestId('sales-report-group-by').click();
    await page.getByRole('option', { name: 'Номенклатура' }).click();
    await page.getByTestId('sales-report-generate').click();
    await expect.poll(() => page.getByTestId('sales-report-bar').count()).toBe(2);
    expect(await page.getByTestId('sales-report-bar').first().innerText()).toContain('6\u00a0500,00');
    await h.screenshot('sales-report-product.ru');
  });

  it('the administrator fills the company requisites; a mistyped account is refused at its field', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-requisites').waitFor();
    await page.getByTestId('settings-companyInn').fill('77070838');
    await page.getByTestId('settings-save').click();
    await page.getByText('ИНН: 10 цифр у организации или 12 у ИП').waitFor();

    const account = settlementAccount(BIK, '40702810000000000001');
    const wrong = account.slice(0, 19) + String((Number(account[19]) + 1) % 10);
    await page.getByTestId('settings-companyInn').fill(INN);
    await page.getByTestId('settings-companyKpp').fill('773601001');
    await page.getByTestId('settings-companyLegalAddress').fill('191186, г. Санкт-Петербург, Невский пр., д. 1');
    await page.getByTestId('settings-companyPhone').fill('+7 812 123-45-67');
    await page.getByTestId('settings-companyBank').fill('ПАО Сбербанк');
    await page.getByTestId('settings-companyBik').fill(BIK);
    await page.getByTestId('settings-companyCorrAccount').fill(CORR);
    await page.getByTestId('settings-companyAccount').fill(wrong);
    await page.getByTestId('settings-companyDirector').fill('Иванов И. И.');
    await page.getByTestId('settings-companyAccountant').fill('Петрова А. С.');
    await page.getByTestId('settings-save').click();
    const accountInput = page.getByTestId('settings-companyAccount');
    await expect.poll(() => accountInput.getAttribute('aria-invalid')).toBe('true');
    await h.screenshot('sales-requisites-error.ru');
    const stored = async () =>
      Object.fromEntries(
        (await database.db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'company%').execute()).map((r) => [
          r.key,
          r.value,
        ]),
      );
    expect(JSON.stringify(await stored())).not.toContain(INN);

    await accountInput.fill(`${account.slice(0, 4)} ${account.slice(4)}`);
    await page.getByTestId('settings-save').click();
    await expect.poll(async () => JSON.stringify(await stored())).toContain(account);
    const s = JSON.stringify(await stored());
    for (const v of [INN, '773601001', BIK, CORR, 'ПАО Сбербанк', 'Петрова А. С.']) expect(s).toContain(v);
    await waitToastsGone(page);
    await h.screenshot('sales-requisites.ru');
    expect(h.pageErrors).toEqual([]);
  });

  it('a sale entered by hand from the counterparty card: the product brings its price, the amount and totals follow', async () => {
    const { page, database } = h;
    await page.goto(`/counterparties/${counterpartyId}?tab=sales`);
    await page.getByTestId('counterparty-new-sale').click();
    await page.waitForURL(/\/sales\/new\?counterpartyId=/);
    expect(await page.getByTestId('sale-counterparty').inputValue()).toBe(LONG);
    await page.getByTestId('sale-save').click();
    await page.getByTestId('form-error-summary').waitFor();
    expect(await page.getByTestId('sale-line-description').getAttribute('aria-invalid')).toBe('true');

    await page.getByTestId('sale-line-product').fill('MS-8');
    await page.getByRole('option', { name: /MS-82/ }).click();
    expect(await page.getByTestId('sale-line-price').inputValue()).toBe('1200,00');
    await page.getByTestId('sale-line-quantity').fill('2');
    expect(await page.getByTestId('sale-line-amount').getAttribute('placeholder')).toBe('2\u00a0400,00');
    expect(await page.getByTestId('sale-total-revenue').innerText()).toBe('2\u00a0400,00');
    expect(await page.getByTestId('sale-total-cost').innerText()).toBe('1\u00a0600,00');
    expect(await page.getByTestId('sale-total-gross-profit').innerText()).toBe('800,00');
    await h.screenshot('sales-new-filled.ru');
    await page.getByTestId('sale-save').click();
    await page.getByTestId('sale-card').waitFor();
    const id = /\/sales\/([\w-]+)$/.exec(page.url())![1];
    const sale = await database.db
      .selectFrom('sales')
      .select(['revenue', 'cost', 'counterpartyId'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(sale).toEqual({ revenue: 240_000, cost: 160_000, counterpartyId });
    expect(await page.getByTestId('sale-total-gross-profit').innerText()).toBe('800,00');
  });

  it('on a phone and in English the same pages read whole', async () => {
    const { page } = h;
    const shots = async (suffix: string) => {
      await page.goto('/sales');
      await page.getByTestId('sale-row').first().waitFor();
      await h.screenshot(`sales-list${suffix}`);
      await page.getByTestId('sales-import-open').click();
      await page.getByTestId('sales-import-columns').waitFor();
      await h.screenshot(`sales-import${suffix}`);
      await page.keyboard.press('Escape');
      await page.goto(`/counterparties/${counterpartyId}?tab=sales`);
      await page.getByTestId('sales-total-revenue').waitFor();
      await h.screenshot(`sales-counterparty-tab${suffix}`);
      await page.getByTestId('counterparty-sale-row').first().getByRole('link').first().click();
      await page.getByTestId('sale-line').first().waitFor();
      await h.screenshot(`sales-card${suffix}`);
      await page.goto('/reports/sales');
      await page.getByTestId('sales-report-generate').click();
      await page.getByTestId('sales-report-row').first().waitFor();
      await h.screenshot(`sales-report${suffix}`);
      await page.goto('/sales/new');
      await page.getByTestId('sale-line-row').waitFor();
      await h.screenshot(`sales-new${suffix}`);
      await page.goto('/settings');
      await page.getByTestId('settings-requisites').scrollIntoViewIfNeeded();
      await h.screenshot(`sales-requisites${suffix}`);
    };
    await page.setViewportSize({ width: 390, height: 844 });
    await shots('-phone.ru');
    // The long name is whole in the phone's list.
    await page.goto('/sales');
    const title = page.getByTestId('sale-row').first().getByTestId('row-title');
    expect(await title.innerText()).toBe(LONG);
    expect(
      await title.evaluate((n) => n.scrollWidth <= n.clientWidth + 1 && n.getBoundingClientRect().right <= window.innerWidth + 1),
    ).toBe(true);

    await page.request.patch('/api/me/settings', { data: { language: 'en' } });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/sales');
    await page.getByText('Sales of goods and services').first().waitFor();
    await shots('.en');
    await page.goto(`/counterparties/${counterpartyId}?tab=sales`);
    expect(await page.getByTestId('sales-total-revenue').innerText()).toBe('12,500.00');
    await page.setViewportSize({ width: 390, height: 844 });
    await shots('-phone.en');
    expect(h.pageErrors).toEqual([]);
  });
});
