import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let manager: { id: string; cookie: string };
let orderId: string;
let saleId: string;
let customer: string;

const ok = async (res: Promise<{ statusCode: number; body: string; json(): any }>, status = 201) => {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${r.statusCode}: ${r.body}`);
  return r.json();
};

/** The text of every page; pdfmake writes each word as its own item, spaces included. */
async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n').replace(/[\s\u00a0]+/g, ' ');
}

beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  manager = await t.userWithCookie('manager', 'Мария Менеджер');
  await ok(
    t.patch(t.adminCookie, '/api/settings', {
      companyName: 'ООО «Торговый дом»',
      companyInn: '7707083893',
      companyKpp: '773601001',
      companyLegalAddress: '117997, г. Москва, ул. Вавилова, д. 19',
      companyPhone: '+7 495 500-55-50',
      companyBank: 'ПАО Сбербанк',
      companyBik: '044525225',
      companyAccount: '40702810938000012345',
      companyCorrAccount: '30101810400000000225',
      companyDirector: 'Иванов И. И.',
      companyAccountant: 'Петрова А. А.',
    }),
    200,
  );
  customer = (
    await ok(
      t.post(t.adminCookie, '/api/counterparties', {
        name: 'Ромашка',
        fullName: 'ООО «Ромашка» <script>alert(1)</script>',
        kind: 'legalEntity',
        inn: '7728168971',
        kpp: '772801001',
        contactInfo: [
          { kind: 'legalAddress', value: '125009, г. Москва, ул. Тверская, д. 1' },
          { kind: 'phone', value: '+7 495 123-45-67' },
          { kind: 'phone', value: '+7 495 765-43-21' },
        ],
      }),
    )
  ).id;
  const product = (await ok(t.post(t.adminCookie, '/api/products', { sku: 'A-1', name: 'Болт М8', price: '100.10', vatRate: '22' }))).id;
  orderId = (
    await ok(
      t.post(t.adminCookie, '/api/orders', {
        counterpartyId: customer,
        date: '2026-11-30',
        lines: [{ productId: product, quantity: 3, discountPercent: 5 }],
      }),
    )
  ).id;
  saleId = (
    await ok(
      t.post(t.adminCookie, '/api/sales', {
        date: '2026-11-30',
        counterpartyId: customer,
        lines: [
          { productId: product, quantity: 2, price: '100.10' },
          { description: 'Доставка & разгрузка', quantity: 1, price: '500' },
        ],
      }),
    )
  ).id;
});
afterEach(async () => t.close());

describe('printed forms', () => {
  it('the order as a PDF with our and the customer’s requisites, the total and the words', async () => {
    const res = await t.get(t.adminCookie, `/api/orders/${orderId}/print`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="zakaz-1\.pdf"; filename\*=UTF-8''%D0%97/);
    // PRINT_SAMPLE_DIR=/tmp keeps the files to look at.
    if (process.env.PRINT_SAMPLE_DIR) {
      writeFileSync(`${process.env.PRINT_SAMPLE_DIR}/zakaz-1.pdf`, res.rawPayload);
      writeFileSync(
        `${process.env.PRINT_SAMPLE_DIR}/zakaz-1.html`,
        (await t.get(t.adminCookie, `/api/orders/${orderId}/print?format=html`)).body,
      );
    }
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Заказ покупателя № 1 от 30 ноября 2026 г.');
    expect(text).toContain('ИНН/КПП 7728168971/772801001');
    expect(text).toContain('ИНН 7707083893');
    expect(text).toContain('+7 495 123-45-67');
    expect(text).not.toContain('765-43-21');
    expect(text).toContain('285,29');
    expect(text).toContain('51,45');
    expect(text).toContain('Двести восемьдесят пять рублей 29 копеек');
    expect(text).toContain('Всего наименований 1, на сумму 285,29 руб.');
    expect(text).toContain('Иванов И. И.');
  });

  it('the sale as a PDF and as an escaped HTML page that passes the CSP', async () => {
    const pdf = await t.get(t.adminCookie, `/api/sales/${saleId}/print?format=pdf`);
    expect(pdf.headers['content-disposition']).toContain('filename="nakladnaya-1.pdf"');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Расходная накладная № 1 от 30 ноября 2026 г.');
    expect(text).toContain('Семьсот рублей 20 копеек');

    const html = await t.get(t.adminCookie, `/api/sales/${saleId}/print?format=html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-security-policy']).toContain("script-src 'self'");
    expect(html.body).toContain('ООО «Ромашка» &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.body).toContain('Доставка &amp; разгрузка');
    expect(html.body).not.toMatch(/<script|<link|src=/i);
    expect(html.body).toContain('700,20');
    expect(html.body).toContain('Семьсот рублей 20 копеек');
  });

  it('a manager who cannot see the customer gets 404; one who can may print without reading the settings', async () => {
    expect((await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false })).statusCode).toBe(200);
    for (const url of [`/api/orders/${orderId}/print`, `/api/sales/${saleId}/print?format=html`]) {
      const res = await t.get(manager.cookie, url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    await ok(t.patch(t.adminCookie, `/api/counterparties/${customer}`, { responsibleUserId: manager.id }), 200);
    expect((await t.get(manager.cookie, '/api/settings')).statusCode).toBe(403);
    const html = await t.get(manager.cookie, `/api/orders/${orderId}/print?format=html`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('р/с 40702810938000012345');
    expect((await t.get(t.adminCookie, '/api/orders/0190a4a2-0000-7000-8000-000000000000/print')).statusCode).toBe(404);
    expect((await t.get(t.adminCookie, `/api/orders/${orderId}/print?format=doc`)).statusCode).toBe(400);
  });
});
