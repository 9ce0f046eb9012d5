import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { apiPost, waitToastsGone } from './helpers';
import { EVENTS_ZONE, apiGet, apiPatch, dateInZone, firstRunAdmin, fullPageShot, pickOption, ruDate } from './events.helpers';
import { fetchInPage, pdfText, ruMoney, textOf } from './orders.helpers';

// «Заказ покупателя» in the browser: a call logged on a customer, «Создать на основании → Заказ
// покупателя» prefilled from it, two lines typed (one with a discount) whose amounts and VAT on
// screen equal the server's, «Записать», «Провести», «Отгрузить» with the sale's link, the links
// between the event and the order both ways, the printed PDF, and the database behind each step.
// Screenshots: docs/screenshots/orders-*.png at 1366×768 and 390×844, Russian and English.

const CP = 'ООО «Торговый дом Северо-Западная продовольственная компания»';
const PERSON = 'Смирнова Ольга';
const SUBJECT = 'Заказ к Новому году';
const WIDE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

let h: Harness;
let counterpartyId = '';
let eventId = '';
let orderId = '';

/** The order card at one size and language, from the top. */
async function shot(page: Page, name: string) {
  await waitToastsGone(page);
  await page.getByTestId('order-total').waitFor();
  await fullPageShot(h, name);
}

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU', viewport: WIDE });
  await firstRunAdmin(h.page, { name: 'Анна Администратор', email: 'anna@example.ru', password: 'correct horse 1' });
  await apiPatch(h.page, '/api/me/settings', { timeZone: EVENTS_ZONE, showTasksAtStartup: false });
  const cp = await apiPost<{ id: string }>(h.page, '/api/counterparties', { name: CP, isCustomer: true });
  counterpartyId = cp.id;
  await apiPost(h.page, '/api/contact-persons', { counterpartyId, lastName: 'Смирнова', firstName: 'Ольга' });
  await apiPost(h.page, '/api/products', { sku: 'МК-2', name: 'Мука пшеничная, 50 кг', unit: 'меш', price: '50.00', vatRate: '10' });
});

afterAll(async () => {
  await h?.close();
});

describe('orders journey', () => {
  it('«Номенклатура»: a product typed in with a comma in its price', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-products').click();
    await page.getByTestId('product-create').click();
    await page.getByTestId('product-sku').fill('САХ-1');
    await page.getByTestId('product-name').fill('Сахар-песок, 1 кг');
    await page.getByTestId('product-unit').fill('кг');
    await page.getByTestId('product-price').fill('100,10');
    await page.getByTestId('product-costPrice').fill('61.5');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    const row = await database.db.selectFrom('products').selectAll().where('sku', '=', 'САХ-1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Сахар-песок, 1 кг', unit: 'кг', price: 10010, costPrice: 6150, vatRate: '22' });

    await page.getByTestId('nav-products').click();
    await expect.poll(() => page.getByTestId('product-row').count()).toBe(2);
    await page.getByTestId('product-search').fill('сах');
    await expect.poll(() => page.getByTestId('product-row').count()).toBe(1);
    expect((await page.getByTestId('product-row').innerText()).replace(/\s+/g, ' ')).toContain('100,10');
    await page.getByTestId('product-search').fill('');
    await expect.poll(() => page.getByTestId('product-row').count()).toBe(2);
    await waitToastsGone(page);
    await h.screenshot('orders-products.ru');
    // On a phone the list is rows of text: the name whole, then SKU, prices, unit and VAT.
    await page.setViewportSize(PHONE);
    const phoneRow = page.getByTestId('product-row').filter({ hasText: 'Мука пшеничная, 50 кг' });
    // The layout switches after the resize: wait for the phone's rows rather than read the table's.
    await expect.poll(async () => (await phoneRow.innerText()).replace(/\s+/g, ' ')).toContain('Артикул: МК-2');
    await h.screenshot('orders-products-phone.ru');
    await page.setViewportSize(WIDE);
  });

  it('logs a call and creates an order based on it, prefilled; nothing is stored before «Записать»', async () => {
    const { page, database } = h;
    await page.goto(`/events/new?counterpartyId=${counterpartyId}`);
    await page.getByTestId('event-subject').fill(SUBJECT);
    await pickOption(page, 'event-contact-person', PERSON);
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    eventId = page.url().split('/').pop()!;

    await page.getByTestId('event-based-on').click();
    await page.getByTestId('event-based-on-order').click();
    await page.waitForURL(/\/orders\/new\?basisEvent=/);
    await page.getByTestId('page-title').getByText('Заказ покупателя (создание)', { exact: true }).waitFor();
    expect(await page.getByTestId('order-counterparty').inputValue()).toBe(CP);
    expect(await page.getByTestId('order-person').inputValue()).toBe(PERSON);
    expect(await textOf(page, 'order-basis')).toBe(`Основание: №1 ${SUBJECT}`);
    expect(await database.db.selectFrom('orders').select('id').execute()).toEqual([]);
  });

  it('two lines, one with a discount: the totals on screen are the server’s', async () => {
    const { page, database } = h;
    await pickOption(page, 'order-line-product-0', 'Сахар-песок', 'сах');
    expect(await page.getByTestId('order-line-price-0').inputValue()).toBe('100,10');
    await page.getByTestId('order-line-quantity-0').fill('3');
    await page.getByTestId('order-line-discount-0').fill('5');
    expect(await textOf(page, 'order-line-amount-0')).toBe('285,29');
    expect(await textOf(page, 'order-line-vat-0')).toBe('51,45');
    // Insert adds a line and puts the cursor in its product.
    await page.getByTestId('order-line-discount-0').press('Insert');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('order-line-product-1');
    await page.keyboard.type('МК');
    await page.getByRole('option').filter({ hasText: 'Мука пшеничная' }).first().click();
    await page.getByTestId('order-line-quantity-1').fill('2');
    // A third line and Ctrl+Delete: it goes again.
    await page.getByTestId('order-line-quantity-1').press('Insert');
    await expect.poll(() => page.getByTestId('order-line').count()).toBe(3);
    await page.keyboard.press('Control+Delete');
    await expect.poll(() => page.getByTestId('order-line').count()).toBe(2);
    expect(await textOf(page, 'order-total')).toBe('385,29');
    expect(await textOf(page, 'order-vat-total')).toBe('60,54');

    // The flour is archived meanwhile: the server's refusal is shown under that line's product, nothing is written.
    const flour = await database.db.selectFrom('products').select('id').where('sku', '=', 'МК-2').executeTakeFirstOrThrow();
    await apiPatch(page, `/api/products/${flour.id}`, { archived: true });
    await page.keyboard.press('Control+s');
    await page.getByTestId('order-lines-editor').getByText('Номенклатура в архиве: выберите другую').waitFor();
    expect(await page.getByTestId('order-line-product-1').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('order-line-product-0').getAttribute('aria-invalid')).not.toBe('true');
    expect(await database.db.selectFrom('orders').select('id').execute()).toEqual([]);
    await apiPatch(page, `/api/products/${flour.id}`, { archived: false });

    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    orderId = page.url().split('/').pop()!;
    const today = dateInZone(0);
    await page
      .getByTestId('page-title')
      .getByText(`Заказ покупателя № 1 от ${ruDate(today)}`)
      .waitFor();
    const server = await apiGet<{ total: string; vatTotal: string; state: string }>(page, `/api/orders/${orderId}`);
    expect(server).toMatchObject({ total: '385.29', vatTotal: '60.54', state: 'draft' });
    expect(await textOf(page, 'order-total')).toBe(ruMoney(server.total));
    expect(await textOf(page, 'order-vat-total')).toBe(ruMoney(server.vatTotal));

    const order = await database.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
    const person = await database.db.selectFrom('contactPersons').select('id').where('lastName', '=', 'Смирнова').executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      number: 1,
      date: today,
      counterpartyId,
      contactPersonId: person.id,
      basisType: 'event',
      basisId: eventId,
      state: 'draft',
      total: 38529,
      vatTotal: 6054,
    });
    const lines = await database.db.selectFrom('orderLines').selectAll().where('orderId', '=', orderId).orderBy('position').execute();
    expect(lines.map((l) => [l.quantity, l.price, l.discount, l.amount, l.vatRate, l.vatAmount])).toEqual([
      [3000, 10010, 500, 28529, '22', 5145],
      [2000, 5000, 0, 10000, '10', 909],
    ]);
  });

  it('the order card is readable at 1366×768 and on a phone, in Russian and English', async () => {
    const { page } = h;
    await shot(page, 'orders-card.ru');
    await page.setViewportSize(PHONE);
    await shot(page, 'orders-card-phone.ru');
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('page-title').getByText('Customer order No. 1').waitFor();
    await shot(page, 'orders-card-phone.en');
    await page.setViewportSize(WIDE);
    expect(await textOf(page, 'order-total')).toBe('385.29');
    await shot(page, 'orders-card.en');
    await page.getByTestId('language-switch').getByText('RU').click();
    await page.getByTestId('page-title').getByText('Заказ покупателя № 1').waitFor();
  });

  it('«Провести» and «Отгрузить»: the sale’s link appears and the fields are read-only', async () => {
    const { page, database } = h;
    await page.getByTestId('order-confirm').click();
    await page.getByTestId('order-state').getByText('Проведён').waitFor();
    expect((await database.db.selectFrom('orders').select('state').where('id', '=', orderId).executeTakeFirstOrThrow()).state).toBe(
      'confirmed',
    );
    await page.getByTestId('order-ship').click();
    await page.getByTestId('order-sale-link').getByText('Реализация товаров № 1').waitFor();
    await page.getByTestId('order-state').getByText('Отгружен').waitFor();
    expect(await page.getByTestId('order-save').count()).toBe(0);
    expect(await page.getByTestId('order-line-quantity-0').getAttribute('readonly')).not.toBeNull();

    const sale = await database.db.selectFrom('sales').selectAll().where('orderId', '=', orderId).executeTakeFirstOrThrow();
    expect(sale).toMatchObject({ number: 1, counterpartyId, revenue: 38529, vatTotal: 6054 });
    expect(await page.getByTestId('order-sale-link').getAttribute('href')).toBe(`/sales/${sale.id}`);
    const order = await database.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
    expect(order.state).toBe('shipped');
    await shot(page, 'orders-card-shipped.ru');
  });

  it('the event lists the order and the order names its basis; both links open', async () => {
    const { page } = h;
    await page.getByTestId('order-basis-link').click();
    await page.waitForURL(new RegExp(`/events/${eventId}$`));
    const doc = page.getByTestId('event-related-document');
    await doc.getByText(`Заказ покупателя № 1 от ${ruDate(dateInZone(0))}`).waitFor();
    await doc.getByRole('link').click();
    await page.waitForURL(new RegExp(`/orders/${orderId}$`));
    await page.getByTestId('order-basis-link').waitFor();

    await page.getByTestId('nav-orders').click();
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(1);
    const row = page.getByTestId('order-row').first();
    expect(await row.innerText()).toContain(CP);
    expect(await row.getByTestId('order-basis-mark').count()).toBe(1);
    await pickOption(page, 'orders-filter-state', 'Черновик');
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(0);
    await page.getByTestId('orders-filter-reset').click();
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(1);
    await waitToastsGone(page);
    await h.screenshot('orders-list.ru');
  });

  it('prints the order as a PDF with its number', async () => {
    const { page } = h;
    await page.getByTestId('order-row').first().click();
    await page.getByTestId('order-print').click();
    const href = await page.getByTestId('order-print-pdf').getAttribute('href');
    expect(href).toBe(`/api/orders/${orderId}/print?format=pdf`);
    expect(await page.getByTestId('order-print-html').getAttribute('href')).toBe(`/api/orders/${orderId}/print?format=html`);
    await page.keyboard.press('Escape');
    const pdf = await fetchInPage(page, href!);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toContain('application/pdf');
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ');
    expect(text).toMatch(/№\s*1\b/);
    expect(text).toContain('385,29');
    expect(h.pageErrors).toEqual([]);
  });
});
