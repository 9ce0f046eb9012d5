// Customer orders through the API on both databases: exact amounts, validations that write nothing,
// the state machine, If-Match, defaults (today in the company's time zone, the author as responsible).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let cp: any;
let product: any;

beforeEach(async () => {
  t = await makeTestApp();
  cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'ООО Ромашка' })).json();
  product = (
    await t.post(t.adminCookie, '/api/products', { sku: 'GV-100', name: 'Гвозди 100 мм', price: '100.10', costPrice: '61.30' })
  ).json();
});
afterEach(async () => t.close());

const count = async (table: 'orders' | 'orderLines' | 'sales' | 'auditLog') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const newOrder = (body: Record<string, unknown> = {}) =>
  t.post(t.adminCookie, '/api/orders', {
    counterpartyId: cp.id,
    lines: [{ productId: product.id, quantity: 3, discountPercent: 5 }],
    ...body,
  });

describe('creating an order', () => {
  it('3 × 100.10 with 5 % at 22 % is 285.29 with VAT 51.45; totals are the sums; stored exactly', async () => {
    const res = await newOrder({
      lines: [
        { productId: product.id, quantity: '3', discountPercent: '5' },
        { productId: product.id, quantity: '0.5', price: 10 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({
      number: 1,
      state: 'draft',
      counterpartyName: 'ООО Ромашка',
      responsibleUserId: t.adminId,
      basis: null,
      saleId: null,
    });
    expect(o.lines[0]).toMatchObject({
      productSku: 'GV-100',
      unit: 'шт',
      quantity: '3',
      price: '100.10',
      discountPercent: '5',
      amount: '285.29',
      vatRate: '22',
      vatAmount: '51.45',
    });
    expect(o.lines[1]).toMatchObject({ quantity: '0.5', price: '10.00', discountPercent: '0', amount: '5.00', vatAmount: '0.90' });
    expect(o).toMatchObject({ total: '290.29', vatTotal: '52.35' });
    const row = await t.db.selectFrom('orders').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
    expect([Number(row.total), Number(row.vatTotal), row.state, row.date]).toEqual([29029, 5235, 'draft', '2026-11-27']);
    const lines = await t.db.selectFrom('orderLines').selectAll().where('orderId', '=', o.id).orderBy('position').execute();
    expect(lines.map((l) => [l.position, Number(l.quantity), Number(l.price), l.discount, Number(l.amount), Number(l.vatAmount)])).toEqual([
      [1, 3000, 10010, 500, 28529, 5145],
      [2, 500, 1000, 0, 500, 90],
    ]);
    expect((await t.get(t.adminCookie, `/api/orders/${o.id}`)).json()).toEqual(o);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', o.id).execute();
    expect(audit.map((a) => [a.entityType, a.action])).toEqual([['order', 'create']]);
  });

  it('the date defaults to today in the company time zone', async () => {
    t.clock.set('2026-11-27T22:30:00Z'); // already the 28th in Moscow
    expect((await newOrder()).json().date).toBe('2026-11-28');
    await t.patch(t.adminCookie, '/api/settings', { timeZone: 'America/New_York' });
    expect((await newOrder()).json().date).toBe('2026-11-27');
    expect((await newOrder({ date: '2026-01-15' })).json().date).toBe('2026-01-15');
  });

  it('each bad line is named and nothing is written', async () => {
    const archived = (await t.post(t.adminCookie, '/api/products', { sku: 'OLD', name: 'Старый', price: 1 })).json();
    await t.patch(t.adminCookie, `/api/products/${archived.id}`, { archived: true });
    const before = [await count('orders'), await count('orderLines'), await count('auditLog')];
    const res = await newOrder({
      lines: [
        { productId: '01900000-0000-7000-8000-000000000000', quantity: 1 },
        { productId: archived.id, quantity: 1 },
        { productId: product.id, quantity: 0 },
        { productId: product.id, quantity: '1.0001' },
        { productId: product.id, quantity: 1, discountPercent: 101 },
        { productId: product.id, quantity: 1, price: '-1' },
        { productId: product.id, quantity: 1, price: '1.001' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['lines[0].productId', 'product_not_found'],
      ['lines[1].productId', 'product_archived'],
      ['lines[2].quantity', 'quantity_invalid'],
      ['lines[3].quantity', 'quantity_invalid'],
      ['lines[4].discountPercent', 'discount_invalid'],
      ['lines[5].price', 'invalid_amount'],
      ['lines[6].price', 'invalid_amount'],
    ]);
    expect([await count('orders'), await count('orderLines'), await count('auditLog')]).toEqual(before);
  });

  it('a total above the largest amount is refused', async () => {
    const res = await newOrder({
      lines: [
        { productId: product.id, quantity: '999999999', price: '999999.99' },
        { productId: product.id, quantity: '999999999', price: '999999.99' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: any) => d.code)).toContain('total_too_large');
    expect(await count('orders')).toBe(0);
  });

  it('links: counterparty, contact person of that counterparty, active responsible user, visible basis event', async () => {
    const other = (await t.post(t.adminCookie, '/api/counterparties', { name: 'ООО Лютик' })).json();
    const person = (await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: other.id, lastName: 'Лютиков' })).json();
    const res = await newOrder({
      contactPersonId: person.id,
      responsibleUserId: '01900000-0000-7000-8000-000000000001',
      basis: { type: 'event', id: '01900000-0000-7000-8000-000000000002' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['contactPersonId', 'contact_person_mismatch'],
      ['responsibleUserId', 'user_not_found'],
      ['basis.id', 'basis_not_found'],
    ]);
    const bad = await t.post(t.adminCookie, '/api/orders', { counterpartyId: '01900000-0000-7000-8000-000000000003' });
    expect(bad.json().error.details[0]).toMatchObject({ field: 'counterpartyId', code: 'counterparty_not_found' });
    expect(await count('orders')).toBe(0);
    const ok = await newOrder({ counterpartyId: other.id, contactPersonId: person.id });
    expect(ok.json()).toMatchObject({ contactPersonId: person.id, contactPersonName: 'Лютиков', counterpartyName: 'ООО Лютик' });
  });
});

describe('editing and the state machine', () => {
  it('PATCH replaces all lines in one transaction and recomputes the totals; a bad line keeps the old ones', async () => {
    const o = (await newOrder()).json();
    const bad = await t.patch(t.adminCookie, `/api/orders/${o.id}`, { lines: [{ productId: product.id, quantity: -1 }] });
    expect(bad.statusCode).toBe(400);
    expect(await t.db.selectFrom('orderLines').select('amount').where('orderId', '=', o.id).execute()).toEqual([{ amount: 28529 }]);
    const res = await t.patch(t.adminCookie, `/api/orders/${o.id}`, {
      lines: [{ productId: product.id, quantity: 1, price: '50' }],
      comment: ' срочно ',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: '50.00', vatTotal: '9.02', comment: 'срочно' });
    const lines = await t.db.selectFrom('orderLines').select(['amount', 'position']).where('orderId', '=', o.id).execute();
    expect(lines).toEqual([{ amount: 5000, position: 1 }]);
    const emptied = await t.patch(t.adminCookie, `/api/orders/${o.id}`, { lines: [] });
    expect(emptied.json()).toMatchObject({ total: '0.00', lines: [] });
    expect(await count('orderLines')).toBe(0);
  });

  it('honours If-Match: the current ETag passes, a stale one is 412 and nothing changes', async () => {
    const o = (await newOrder()).json();
    const got = await t.get(t.adminCookie, `/api/orders/${o.id}`);
    const etag = got.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const ok = await t.request(t.adminCookie, {
      method: 'PATCH',
      url: `/api/orders/${o.id}`,
      payload: { comment: 'первый' },
      headers: { 'if-match': etag },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    t.clock.advance(1000);
    const stale = await t.request(t.adminCookie, {
      method: 'PATCH',
      url: `/api/orders/${o.id}`,
      payload: { comment: 'второй' },
      headers: { 'if-match': etag },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('precondition_failed');
    expect((await t.db.selectFrom('orders').select('comment').where('id', '=', o.id).executeTakeFirstOrThrow()).comment).toBe('первый');
  });

  it('draft → confirmed → shipped; confirm needs a line; shipped and cancelled orders are closed', async () => {
    const empty = (await t.post(t.adminCookie, '/api/orders', { counterpartyId: cp.id })).json();
    const refused = await t.post(t.adminCookie, `/api/orders/${empty.id}/confirm`);
    expect([refused.statusCode, refused.json().error.details[0].code]).toEqual([422, 'order_empty']);
    expect((await t.db.selectFrom('orders').select('state').where('id', '=', empty.id).executeTakeFirstOrThrow()).state).toBe('draft');

    const o = (await newOrder()).json();
    const confirmed = await t.post(t.adminCookie, `/api/orders/${o.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().state).toBe('confirmed');
    const again = await t.post(t.adminCookie, `/api/orders/${o.id}/confirm`);
    expect([again.statusCode, again.json().error.details[0].code]).toEqual([409, 'order_state']);
    expect((await t.patch(t.adminCookie, `/api/orders/${o.id}`, { comment: 'можно' })).statusCode).toBe(200);
    expect((await t.post(t.adminCookie, `/api/orders/${o.id}/ship`)).statusCode).toBe(201);
    const row = await t.db.selectFrom('orders').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
    expect([row.state, row.confirmedAt, row.shippedAt]).toEqual(['shipped', '2026-11-27T09:00:00.000Z', '2026-11-27T09:00:00.000Z']);
    for (const [verb, body] of [
      ['patch', { comment: 'нельзя' }],
      ['confirm', null],
      ['cancel', null],
    ] as const) {
      const res =
        verb === 'patch'
          ? await t.patch(t.adminCookie, `/api/orders/${o.id}`, body)
          : await t.post(t.adminCookie, `/api/orders/${o.id}/${verb}`);
      expect([res.statusCode, res.json().error.details[0].code], verb).toEqual([409, 'order_state']);
      expect(res.json().error.message).toContain('shipped');
    }
    expect((await t.db.selectFrom('orders').select('comment').where('id', '=', o.id).executeTakeFirstOrThrow()).comment).toBe('можно');
  });

  it('a cancelled order cannot be edited, confirmed, shipped or cancelled again', async () => {
    const o = (await newOrder()).json();
    expect((await t.post(t.adminCookie, `/api/orders/${o.id}/cancel`)).json().state).toBe('cancelled');
    for (const res of [
      await t.patch(t.adminCookie, `/api/orders/${o.id}`, { lines: [] }),
      await t.post(t.adminCookie, `/api/orders/${o.id}/confirm`),
      await t.post(t.adminCookie, `/api/orders/${o.id}/cancel`),
      await t.post(t.adminCookie, `/api/orders/${o.id}/ship`),
    ]) {
      expect([res.statusCode, res.json().error.details[0].code]).toEqual([409, 'order_state']);
      expect(res.json().error.message).toContain('cancelled');
    }
    expect(await count('orderLines')).toBe(1);
    expect(await count('sales')).toBe(0);
  });
});

describe('lists and totals', () => {
  it('filters by counterparty, state and period; totals count everything, sum the not cancelled and what is to ship', async () => {
    const a = (await newOrder()).json();
    const b = (await newOrder({ date: '2026-10-01' })).json();
    const c = (await newOrder()).json();
    await t.post(t.adminCookie, `/api/orders/${b.id}/confirm`);
    await t.post(t.adminCookie, `/api/orders/${c.id}/cancel`);
    const other = (await t.post(t.adminCookie, '/api/counterparties', { name: 'ООО Лютик' })).json();
    await newOrder({ counterpartyId: other.id });
    const ids = async (q: string) => (await t.get(t.adminCookie, `/api/orders?${q}`)).json().items.map((i: any) => i.id);
    expect(await ids(`counterpartyId=${cp.id}`)).toEqual([c.id, a.id, b.id]);
    expect(await ids('state=confirmed')).toEqual([b.id]);
    expect(await ids(`from=2026-11-01&to=2026-11-30&counterpartyId=${cp.id}`)).toEqual([c.id, a.id]);
    const p1 = (await t.get(t.adminCookie, `/api/orders?counterpartyId=${cp.id}&limit=2`)).json();
    const p2 = (await t.get(t.adminCookie, `/api/orders?counterpartyId=${cp.id}&limit=2&cursor=${p1.nextCursor}`)).json();
    expect([...p1.items, ...p2.items].map((i: any) => i.id)).toEqual([c.id, a.id, b.id]);
    expect(p2.nextCursor).toBeNull();
    expect((await t.get(t.adminCookie, `/api/orders/totals?counterpartyId=${cp.id}`)).json()).toEqual({
      count: 3,
      total: '570.58',
      toShip: '285.29',
    });
    expect((await t.get(t.adminCookie, '/api/orders/totals')).json()).toEqual({ count: 4, total: '855.87', toShip: '285.29' });
  });
});
