// Sales («Реализация товаров и услуг») entered directly, through the API on both databases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { insertSales } from './sales.service.js';

let t: TestApp;
let cp: any;
let product: any;

beforeEach(async () => {
  t = await makeTestApp();
  cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'ООО Ромашка' })).json();
  product = (
    await t.post(t.adminCookie, '/api/products', { sku: 'GV-100', name: 'Гвозди', price: '100.10', costPrice: '61.30', vatRate: '20' })
  ).json();
});
afterEach(async () => t.close());

const count = async (table: 'sales' | 'saleLines') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const sale = (lines: unknown[], extra: Record<string, unknown> = {}) =>
  t.post(t.adminCookie, '/api/sales', { date: '2026-11-20', counterpartyId: cp.id, lines, ...extra });

describe('direct entry', () => {
  it('defaults from the product; a line without one needs a description; revenue, cost and gross profit', async () => {
    const res = await sale([
      { productId: product.id, quantity: 3 },
      { description: 'Доставка', quantity: 1, amount: '500' },
      { description: 'Упаковка', quantity: 3, amount: '10', cost: '12.00', vatRate: '22' },
      { productId: product.id, quantity: '0.5', price: '90', amount: '44.99' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({
      number: 1,
      date: '2026-11-20',
      orderId: null,
      orderNumber: null,
      responsibleUserId: t.adminId,
      counterpartyName: 'ООО Ромашка',
    });
    expect(s.lines.map((l: any) => [l.productSku, l.description, l.quantity, l.price, l.amount, l.cost, l.vatRate, l.vatAmount])).toEqual([
      ['GV-100', null, '3', '100.10', '300.30', '183.90', '20', '50.05'],
      [null, 'Доставка', '1', '500.00', '500.00', '0.00', 'none', '0.00'],
      [null, 'Упаковка', '3', '3.33', '10.00', '12.00', '22', '1.80'],
      ['GV-100', null, '0.5', '90.00', '44.99', '30.65', '20', '7.50'],
    ]);
    expect(s).toMatchObject({ revenue: '855.29', cost: '226.55', grossProfit: '628.74', vatTotal: '59.35' });
    const row = await t.db.selectFrom('sales').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    expect([Number(row.revenue), Number(row.cost), Number(row.vatTotal), row.orderId]).toEqual([85529, 22655, 5935, null]);
    expect(await count('saleLines')).toBe(4);
    expect((await t.get(t.adminCookie, `/api/sales/${s.id}`)).json()).toEqual(s);
  });

  it('gross profit may be negative', async () => {
    const s = (await sale([{ description: 'Распродажа', quantity: 1, amount: '10', cost: '25.50' }])).json();
    expect(s).toMatchObject({ revenue: '10.00', cost: '25.50', grossProfit: '-15.50' });
    expect((await t.get(t.adminCookie, '/api/sales/totals')).json()).toEqual({
      count: 1,
      revenue: '10.00',
      cost: '25.50',
      grossProfit: '-15.50',
    });
  });

  it('every bad line is named and nothing is written', async () => {
    const res = await sale([
      { quantity: 1, price: 1 },
      { productId: '01900000-0000-7000-8000-000000000000', quantity: 1 },
      { productId: product.id, quantity: 0 },
      { productId: product.id, quantity: 1, amount: '-5' },
      { description: 'Без цены', quantity: 1 },
      { productId: product.id, quantity: 1, cost: '0.001' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['lines[0].description', 'sale_line_empty'],
      ['lines[1].productId', 'product_not_found'],
      ['lines[2].quantity', 'quantity_invalid'],
      ['lines[3].amount', 'invalid_amount'],
      ['lines[4].price', 'required'],
      ['lines[5].cost', 'invalid_amount'],
    ]);
    const hidden = await sale([{ description: 'x', quantity: 1, price: 1 }], {
      counterpartyId: '01900000-0000-7000-8000-000000000001',
      responsibleUserId: '01900000-0000-7000-8000-000000000002',
    });
    expect(hidden.json().error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['counterpartyId', 'counterparty_not_found'],
      ['responsibleUserId', 'user_not_found'],
    ]);
    expect([await count('sales'), await count('saleLines')]).toEqual([0, 0]);
    expect(await t.db.selectFrom('numberSequences').select('lastNumber').where('docType', '=', 'sale').execute()).toEqual([]);
  });

  it('the responsible defaults to the counterparty’s, else the author', async () => {
    const m = await t.userWithCookie('manager', 'Менеджер');
    const owned = (await t.post(m.cookie, '/api/counterparties', { name: 'ИП Иванов' })).json();
    const s = (await sale([{ description: 'x', quantity: 1, price: 1 }], { counterpartyId: owned.id })).json();
    expect(s).toMatchObject({ responsibleUserId: m.id, responsibleUserName: 'Менеджер' });
  });
});

describe('lists and totals', () => {
  it('filters by counterparty, order and period; totals by the same rules; keyset pages newest first', async () => {
    const other = (await t.post(t.adminCookie, '/api/counterparties', { name: 'ООО Лютик' })).json();
    const a = (await sale([{ description: 'a', quantity: 1, amount: 100, cost: 40 }], { date: '2026-10-01' })).json();
    const b = (await sale([{ description: 'b', quantity: 1, amount: 200, cost: 50 }], { date: '2026-11-01' })).json();
    const c = (await sale([{ description: 'c', quantity: 1, amount: 300 }], { date: '2026-11-01', counterpartyId: other.id })).json();
    const ids = async (q: string) => (await t.get(t.adminCookie, `/api/sales?${q}`)).json().items.map((s: any) => s.id);
    expect(await ids('')).toEqual([c.id, b.id, a.id]);
    expect(await ids('orderId=01900000-0000-7000-8000-000000000000')).toEqual([]);
    expect(await ids(`counterpartyId=${cp.id}`)).toEqual([b.id, a.id]);
    expect(await ids('from=2026-11-01&to=2026-11-30')).toHaveLength(2);
    expect(await ids('to=2026-10-31')).toEqual([a.id]);
    const p1 = (await t.get(t.adminCookie, '/api/sales?limit=2')).json();
    const p2 = (await t.get(t.adminCookie, `/api/sales?limit=2&cursor=${p1.nextCursor}`)).json();
    expect(p1.items.map((s: any) => s.date)).toEqual(['2026-11-01', '2026-11-01']);
    expect(p2.items.map((s: any) => s.id)).toEqual([a.id]);
    expect((await t.get(t.adminCookie, `/api/sales/totals?counterpartyId=${cp.id}`)).json()).toEqual({
      count: 2,
      revenue: '300.00',
      cost: '90.00',
      grossProfit: '210.00',
    });
    expect((await t.get(t.adminCookie, '/api/sales/totals?from=2026-11-01')).json()).toEqual({
      count: 2,
      revenue: '500.00',
      cost: '50.00',
      grossProfit: '450.00',
    });
    expect(p1.items[0]).toMatchObject({ revenue: expect.any(String), grossProfit: expect.any(String), orderNumber: null });
  });

  it('insertSales writes several documents in the caller’s transaction with consecutive numbers', async () => {
    const ids = await t.db.transaction().execute((trx) =>
      insertSales(trx, t.adminId, '2026-11-27T09:00:00.000Z', [
        {
          date: '2026-11-01',
          counterpartyId: cp.id,
          orderId: null,
          responsibleUserId: null,
          comment: 'импорт',
          lines: [{ productId: null, description: 'x', quantity: 1000, price: 100, amount: 100, cost: 30, vatRate: 'none', vatAmount: 0 }],
        },
        {
          date: '2026-11-02',
          counterpartyId: cp.id,
          orderId: null,
          responsibleUserId: t.adminId,
          comment: null,
          lines: [
            { productId: product.id, description: null, quantity: 2000, price: 150, amount: 300, cost: 0, vatRate: '20', vatAmount: 50 },
          ],
        },
      ]),
    );
    const rows = await t.db.selectFrom('sales').select(['id', 'number', 'revenue', 'cost', 'vatTotal']).orderBy('number').execute();
    expect(rows).toEqual([
      { id: ids[0], number: 1, revenue: 100, cost: 30, vatTotal: 0 },
      { id: ids[1], number: 2, revenue: 300, cost: 0, vatTotal: 50 },
    ]);
    expect(await t.db.selectFrom('auditLog').select('entityId').where('entityType', '=', 'sale').execute()).toHaveLength(2);
    // A failing caller leaves nothing.
    await expect(
      t.db.transaction().execute(async (trx) => {
        await insertSales(trx, t.adminId, '2026-11-27T09:00:00.000Z', [
          { date: '2026-11-03', counterpartyId: cp.id, orderId: null, responsibleUserId: null, comment: null, lines: [] },
        ]);
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect(await count('sales')).toBe(2);
  });
});
