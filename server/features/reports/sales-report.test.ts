import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { parseCsv, readXlsx } from './report-files.test-support.js';

let t: TestApp;
let manager: { id: string; cookie: string };
let alpha: string;
let beta: string;

const ok = async (res: Promise<{ statusCode: number; body: string; json(): any }>, status = 201) => {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${r.statusCode}: ${r.body}`);
  return r.json();
};

beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  manager = await t.userWithCookie('manager', 'Мария Менеджер');
  alpha = (await ok(t.post(t.adminCookie, '/api/counterparties', { name: 'Альфа' }))).id;
  beta = (await ok(t.post(t.adminCookie, '/api/counterparties', { name: 'Бета', responsibleUserId: manager.id }))).id;
  const bolt = (await ok(t.post(t.adminCookie, '/api/products', { sku: 'A-1', name: 'Болт', price: '15.00', costPrice: '10.00' }))).id;
  const nut = (await ok(t.post(t.adminCookie, '/api/products', { sku: 'B-2', name: 'Гайка', price: '4.00', costPrice: '2.00' }))).id;
  await ok(
    t.post(t.adminCookie, '/api/sales', {
      date: '2026-11-05',
      counterpartyId: alpha,
      lines: [
        { productId: bolt, quantity: '10', price: '15.00' },
        { description: 'Доставка', quantity: 1, price: '50.00' },
      ],
    }),
  );
  await ok(
    t.post(t.adminCookie, '/api/sales', {
      date: '2026-11-10',
      counterpartyId: beta,
      lines: [
        { productId: nut, quantity: '5', price: '4.00' },
        { productId: bolt, quantity: '2', price: '15.00' },
      ],
    }),
  );
  await ok(
    t.post(t.adminCookie, '/api/sales', {
      date: '2026-10-20',
      counterpartyId: alpha,
      lines: [{ productId: bolt, quantity: 1, price: 15 }],
    }),
  );
});
afterEach(async () => t.close());

const pick = (rows: any[]) => rows.map((r) => [r.level, r.label, r.quantity, r.revenue, r.cost, r.grossProfit, r.margin, r.share]);

describe('sales report', () => {
  it('groups the current month by customer with margin and share', async () => {
    const r = await ok(t.get(t.adminCookie, '/api/reports/sales'), 200);
    expect([r.from, r.to, r.groupBy, r.thenBy]).toEqual(['2026-11-01', '2026-11-30', 'customer', null]);
    expect(pick(r.rows)).toEqual([
      [0, 'Альфа', null, '200.00', '100.00', '100.00', 0.5, 0.8],
      [0, 'Бета', null, '50.00', '30.00', '20.00', 0.4, 0.2],
    ]);
    expect(r.totals).toEqual({ revenue: '250.00', cost: '130.00', grossProfit: '120.00', margin: 0.48, sales: 2 });
  });

  it('groups by product with quantities; lines without a product go under «Без номенклатуры»', async () => {
    const r = await ok(t.get(t.adminCookie, '/api/reports/sales?groupBy=product'), 200);
    expect(pick(r.rows)).toEqual([
      [0, 'A-1 Болт', '12', '180.00', '120.00', '60.00', 0.3333, 0.72],
      [0, null, '1', '50.00', '0.00', '50.00', 1, 0.2],
      [0, 'B-2 Гайка', '5', '20.00', '10.00', '10.00', 0.5, 0.08],
    ]);
    expect(r.rows[1].key).toBeNull();
    // The JSON is the same in every language; the files say «Без номенклатуры» / "No product".
    expect(await ok(t.get(t.adminCookie, '/api/reports/sales?groupBy=product&lang=en'), 200)).toEqual(r);
    const ru = parseCsv((await t.get(t.adminCookie, '/api/reports/sales?groupBy=product&format=csv&lang=ru')).rawPayload, ';');
    expect(ru[2].slice(0, 2)).toEqual(['Номенклатура', 'Без номенклатуры']);
    const en = parseCsv((await t.get(t.adminCookie, '/api/reports/sales?groupBy=product&format=csv&lang=en')).rawPayload, ',');
    expect(en[2].slice(0, 2)).toEqual(['Product', 'No product']);
  });

  it('months in calendar order, a second level, and filters', async () => {
    const months = await ok(t.get(t.adminCookie, '/api/reports/sales?groupBy=month&from=2026-10-01&to=2026-11-30'), 200);
    expect(months.rows.map((x: any) => [x.key, x.label, x.revenue])).toEqual([
      ['2026-10', null, '15.00'],
      ['2026-11', null, '250.00'],
    ]);
    const nested = await ok(t.get(t.adminCookie, '/api/reports/sales?groupBy=customer&thenBy=product'), 200);
    expect(nested.rows.map((x: any) => [x.level, x.label, x.quantity, x.revenue])).toEqual([
      [0, 'Альфа', null, '200.00'],
      [1, 'A-1 Болт', '10', '150.00'],
      [1, null, '1', '50.00'],
      [0, 'Бета', null, '50.00'],
      [1, 'A-1 Болт', '2', '30.00'],
      [1, 'B-2 Гайка', '5', '20.00'],
    ]);
    const byResponsible = await ok(t.get(t.adminCookie, `/api/reports/sales?groupBy=responsible&responsibleUserId=${manager.id}`), 200);
    expect(pick(byResponsible.rows)).toEqual([[0, 'Мария Менеджер', null, '50.00', '30.00', '20.00', 0.4, 1]]);
    const one = await ok(t.get(t.adminCookie, `/api/reports/sales?counterpartyId=${alpha}&from=2026-01-01`), 200);
    expect(one.totals).toMatchObject({ revenue: '215.00', sales: 2 });
  });

  it('refuses a repeated grouping and a reversed period', async () => {
    const same = await t.get(t.adminCookie, '/api/reports/sales?groupBy=product&thenBy=product');
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details[0]).toMatchObject({ field: 'thenBy', code: 'grouping_repeated' });
    const reversed = await t.get(t.adminCookie, '/api/reports/sales?from=2026-11-30&to=2026-11-01');
    expect(reversed.json().error.details[0]).toMatchObject({ field: 'to', code: 'period_reversed' });
  });

  it('a manager limited to their counterparties sees only their sales, in the files too', async () => {
    expect((await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false })).statusCode).toBe(200);
    const r = await ok(t.get(manager.cookie, '/api/reports/sales?groupBy=product'), 200);
    expect(r.rows.map((x: any) => x.label)).toEqual(['A-1 Болт', 'B-2 Гайка']);
    expect(r.totals).toMatchObject({ revenue: '50.00', sales: 1 });
    const hidden = await ok(t.get(manager.cookie, `/api/reports/sales?counterpartyId=${alpha}`), 200);
    expect(hidden.rows).toEqual([]);
    const csv = await t.get(manager.cookie, '/api/reports/sales?format=csv&lang=ru');
    expect(csv.body).not.toContain('Альфа');
    const everyone = await ok(t.get(manager.cookie, `/api/reports/sales?counterpartyId=${beta}`), 200);
    expect(everyone.totals.revenue).toBe('50.00');
  });

  it('xlsx has number, percent and month cells; csv speaks Russian', async () => {
    const x = await t.get(t.adminCookie, '/api/reports/sales?groupBy=month&from=2026-10-01&format=xlsx&lang=ru');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-disposition']).toContain("filename*=UTF-8''%D0%9F%D1%80%D0%BE%D0%B4%D0%B0%D0%B6%D0%B8");
    const [sheet] = await readXlsx(x.rawPayload);
    expect(sheet.name).toBe('Продажи');
    const nov = sheet.rows[2];
    expect(nov[1].value).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(nov[1].numFmt).toBe('[$-419]mmmm yyyy');
    expect([nov[3].value, nov[4].value, nov[5].value]).toEqual([250, 130, 120]);
    expect(nov[3].numFmt).toBe('#,##0.00');
    expect(nov[6]).toMatchObject({ value: 0.48, numFmt: '0.0%' });
    const total = sheet.rows[3];
    expect(total[0]).toMatchObject({ value: 'Итого', bold: true });
    expect(total[3].value).toBe(265);

    const csv = await t.get(t.adminCookie, '/api/reports/sales?groupBy=customer&format=csv&lang=ru');
    const rows = parseCsv(csv.rawPayload, ';');
    expect(rows[0]).toEqual([
      'Группировка',
      'Значение',
      'Количество',
      'Выручка',
      'Себестоимость',
      'Валовая прибыль',
      'Рентабельность',
      'Доля выручки',
    ]);
    expect(rows[1]).toEqual(['Покупатель', 'Альфа', '', '200,00', '100,00', '100,00', '50%', '80%']);
  });
});
