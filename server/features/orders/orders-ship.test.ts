// Shipping an order creates its sale in the same transaction: costs from the products' cost prices
// at that moment, one sale however many requests arrive at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let cp: any;
let nails: any;
let screws: any;

beforeEach(async () => {
  t = await makeTestApp();
  cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'ООО Ромашка' })).json();
  nails = (await t.post(t.adminCookie, '/api/products', { sku: 'GV-100', name: 'Гвозди', price: '100.10', costPrice: '61.30' })).json();
  screws = (
    await t.post(t.adminCookie, '/api/products', {
      sku: 'SH-1',
      name: 'Шурупы',
      unit: 'кг',
      price: '20',
      costPrice: '12.34',
      vatRate: '10',
    })
  ).json();
});
afterEach(async () => t.close());

async function confirmedOrder() {
  const o = (
    await t.post(t.adminCookie, '/api/orders', {
      counterpartyId: cp.id,
      lines: [
        { productId: nails.id, quantity: 3, discountPercent: 5 },
        { productId: screws.id, quantity: '2.5' },
      ],
    })
  ).json();
  expect((await t.post(t.adminCookie, `/api/orders/${o.id}/confirm`)).statusCode).toBe(200);
  return o;
}

const salesOf = (orderId: string) => t.db.selectFrom('sales').selectAll().where('orderId', '=', orderId).execute();

describe('shipping', () => {
  it('creates the sale with the order lines and costs from the cost prices at that moment; later changes do not touch it', async () => {
    const o = await confirmedOrder();
    t.clock.set('2026-11-27T21:30:00Z'); // the 28th in Moscow, the company's zone
    const res = await t.post(t.adminCookie, `/api/orders/${o.id}/ship`);
    expect(res.statusCode, res.body).toBe(201);
    const sale = res.json();
    expect(sale).toMatchObject({
      number: 1,
      date: '2026-11-28',
      counterpartyId: cp.id,
      counterpartyName: 'ООО Ромашка',
      orderId: o.id,
      orderNumber: o.number,
      responsibleUserId: t.adminId,
      revenue: '335.29',
      cost: '214.75',
      grossProfit: '120.54',
      vatTotal: '56.00',
    });
    expect(sale.lines.map((l: any) => [l.productSku, l.quantity, l.amount, l.cost, l.vatRate, l.vatAmount])).toEqual([
      ['GV-100', '3', '285.29', '183.90', '22', '51.45'],
      ['SH-1', '2.5', '50.00', '30.85', '10', '4.55'],
    ]);
    const rows = await salesOf(o.id);
    expect(rows.map((r) => [r.date, Number(r.revenue), Number(r.cost), Number(r.vatTotal)])).toEqual([['2026-11-28', 33529, 21475, 5600]]);
    const lines = await t.db.selectFrom('saleLines').selectAll().where('saleId', '=', sale.id).orderBy('position').execute();
    expect(lines.map((l) => [l.productId, Number(l.quantity), Number(l.amount), Number(l.cost)])).toEqual([
      [nails.id, 3000, 28529, 18390],
      [screws.id, 2500, 5000, 3085],
    ]);
    const order = await t.db.selectFrom('orders').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
    expect([order.state, order.shippedAt]).toEqual(['shipped', '2026-11-27T21:30:00.000Z']);
    expect((await t.get(t.adminCookie, `/api/orders/${o.id}`)).json()).toMatchObject({ state: 'shipped', saleId: sale.id, saleNumber: 1 });
    expect((await t.get(t.adminCookie, `/api/orders?state=shipped`)).json().items[0].saleId).toBe(sale.id);

    // A new cost price changes nothing already shipped.
    expect((await t.patch(t.adminCookie, `/api/products/${nails.id}`, { costPrice: '99.99' })).statusCode).toBe(200);
    expect((await t.get(t.adminCookie, `/api/sales/${sale.id}`)).json()).toMatchObject({ cost: '214.75', grossProfit: '120.54' });
    expect(Number((await salesOf(o.id))[0].cost)).toBe(21475);
    const audit = await t.db.selectFrom('auditLog').select(['entityType', 'action']).where('entityId', 'in', [o.id, sale.id]).execute();
    expect(audit.filter((a) => a.entityType === 'sale')).toEqual([{ entityType: 'sale', action: 'create' }]);
  });

  it('only a confirmed order ships: draft and cancelled are 409 order_state, a second ship 409 order_shipped', async () => {
    const draft = (
      await t.post(t.adminCookie, '/api/orders', { counterpartyId: cp.id, lines: [{ productId: nails.id, quantity: 1 }] })
    ).json();
    const r1 = await t.post(t.adminCookie, `/api/orders/${draft.id}/ship`);
    expect([r1.statusCode, r1.json().error.details[0].code]).toEqual([409, 'order_state']);
    await t.post(t.adminCookie, `/api/orders/${draft.id}/cancel`);
    const r2 = await t.post(t.adminCookie, `/api/orders/${draft.id}/ship`);
    expect([r2.statusCode, r2.json().error.details[0].code]).toEqual([409, 'order_state']);
    const o = await confirmedOrder();
    expect((await t.post(t.adminCookie, `/api/orders/${o.id}/ship`)).statusCode).toBe(201);
    const again = await t.post(t.adminCookie, `/api/orders/${o.id}/ship`);
    expect([again.statusCode, again.json().error.details[0].code]).toEqual([409, 'order_shipped']);
    expect(await t.db.selectFrom('sales').select('orderId').execute()).toEqual([{ orderId: o.id }]);
  });

  it('two ship requests at the same moment: one 201 with the sale, one 409, one sale row', async () => {
    const o = await confirmedOrder();
    const answers = await Promise.all([
      t.post(t.adminCookie, `/api/orders/${o.id}/ship`),
      t.post(t.adminCookie, `/api/orders/${o.id}/ship`),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const won = answers.find((a) => a.statusCode === 201)!.json();
    const lost = answers.find((a) => a.statusCode === 409)!.json();
    expect(lost.error.details[0].code).toBe('order_shipped');
    const rows = await salesOf(o.id);
    expect(rows.map((r) => r.id)).toEqual([won.id]);
    expect(await t.db.selectFrom('saleLines').select('saleId').execute()).toHaveLength(2);
    expect(
      (await t.db.selectFrom('numberSequences').select('lastNumber').where('docType', '=', 'sale').executeTakeFirstOrThrow()).lastNumber,
    ).toBe(1);
  });

  it('a sale of a line without cost price costs nothing; the responsible is the order’s', async () => {
    const free = (await t.post(t.adminCookie, '/api/products', { sku: 'FREE', name: 'Услуга', price: '500' })).json();
    const m = await t.userWithCookie('manager', 'Менеджер');
    const o = (
      await t.post(t.adminCookie, '/api/orders', {
        counterpartyId: cp.id,
        responsibleUserId: m.id,
        lines: [{ productId: free.id, quantity: 1 }],
      })
    ).json();
    await t.post(t.adminCookie, `/api/orders/${o.id}/confirm`);
    const sale = (await t.post(t.adminCookie, `/api/orders/${o.id}/ship`)).json();
    expect(sale).toMatchObject({ responsibleUserId: m.id, revenue: '500.00', cost: '0.00', grossProfit: '500.00' });
  });
});
