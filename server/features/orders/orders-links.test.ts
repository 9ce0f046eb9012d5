// Who sees an order (its counterparty's visibility), the link both ways with the event it was created
// from, and tasks about an order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let a: { id: string; cookie: string };
let b: { id: string; cookie: string };
let mine: any;
let theirs: any;
let product: any;

beforeEach(async () => {
  t = await makeTestApp();
  a = await t.userWithCookie('manager', 'Менеджер А');
  b = await t.userWithCookie('manager', 'Менеджер Б');
  mine = (await t.post(a.cookie, '/api/counterparties', { name: 'Альфа' })).json();
  theirs = (await t.post(b.cookie, '/api/counterparties', { name: 'Бета' })).json();
  product = (await t.post(a.cookie, '/api/products', { sku: 'P-1', name: 'Товар', price: '10.00' })).json();
});
afterEach(async () => t.close());

const limit = () => t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });
const order = (cookie: string, counterpartyId: string, extra: Record<string, unknown> = {}) =>
  t.post(cookie, '/api/orders', { counterpartyId, lines: [{ productId: product.id, quantity: 2 }], ...extra });

describe('visibility', () => {
  it('a limited manager gets 404 for every verb on an order of a hidden counterparty; lists and totals leave it out', async () => {
    const hidden = (await order(b.cookie, theirs.id)).json();
    const own = (await order(a.cookie, mine.id)).json();
    expect(own.responsibleUserId).toBe(a.id);
    // By default every manager sees every order.
    expect((await t.get(a.cookie, `/api/orders/${hidden.id}`)).statusCode).toBe(200);
    await limit();
    const before = await t.db.selectFrom('orders').selectAll().where('id', '=', hidden.id).executeTakeFirstOrThrow();
    expect((await t.get(a.cookie, `/api/orders/${hidden.id}`)).statusCode).toBe(404);
    expect((await t.patch(a.cookie, `/api/orders/${hidden.id}`, { comment: 'взлом' })).statusCode).toBe(404);
    for (const verb of ['confirm', 'cancel', 'ship'])
      expect((await t.post(a.cookie, `/api/orders/${hidden.id}/${verb}`)).statusCode, verb).toBe(404);
    expect(await t.db.selectFrom('orders').selectAll().where('id', '=', hidden.id).executeTakeFirstOrThrow()).toEqual(before);
    expect((await t.get(a.cookie, '/api/orders')).json().items.map((o: any) => o.id)).toEqual([own.id]);
    expect((await t.get(a.cookie, `/api/orders?counterpartyId=${theirs.id}`)).json().items).toEqual([]);
    expect((await t.get(a.cookie, '/api/orders/totals')).json()).toEqual({ count: 1, total: '20.00', toShip: '0.00' });
    expect((await t.get(a.cookie, `/api/orders/totals?counterpartyId=${theirs.id}`)).json()).toEqual({
      count: 0,
      total: '0.00',
      toShip: '0.00',
    });
    // Nor can they create or move an order onto the hidden counterparty.
    const create = await order(a.cookie, theirs.id);
    expect(create.json().error.details[0]).toMatchObject({ field: 'counterpartyId', code: 'counterparty_not_found' });
    const move = await t.patch(a.cookie, `/api/orders/${own.id}`, { counterpartyId: theirs.id });
    expect(move.statusCode).toBe(400);
    expect(await t.db.selectFrom('orders').select('counterpartyId').where('id', '=', own.id).executeTakeFirstOrThrow()).toEqual({
      counterpartyId: mine.id,
    });
    expect(await t.db.selectFrom('orders').select('id').execute()).toHaveLength(2);
    // Sales follow the same rule.
    await t.post(b.cookie, `/api/orders/${hidden.id}/confirm`);
    const sale = (await t.post(b.cookie, `/api/orders/${hidden.id}/ship`)).json();
    expect((await t.get(a.cookie, `/api/sales/${sale.id}`)).statusCode).toBe(404);
    expect((await t.get(a.cookie, '/api/sales')).json().items).toEqual([]);
    expect((await t.get(a.cookie, '/api/sales/totals')).json()).toEqual({ count: 0, revenue: '0.00', cost: '0.00', grossProfit: '0.00' });
    expect((await t.get(t.adminCookie, '/api/orders/totals')).json().count).toBe(2);
  });
});

describe('created based on an event', () => {
  it('the order shows its basis; the event lists the order among its related documents', async () => {
    const e = (
      await t.post(a.cookie, '/api/events', {
        kind: 'phoneCall',
        startAt: '2026-11-27T09:00:00Z',
        subject: 'Звонок о поставке',
        counterpartyId: mine.id,
      })
    ).json();
    const follow = (
      await t.post(a.cookie, '/api/events', {
        kind: 'meeting',
        startAt: '2026-11-28T09:00:00Z',
        subject: 'Встреча',
        basis: { type: 'event', id: e.id },
      })
    ).json();
    const res = await order(a.cookie, mine.id, { basis: { type: 'event', id: e.id } });
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o.basis).toEqual({ type: 'event', id: e.id, title: `№${e.number} Звонок о поставке` });
    expect((await t.get(a.cookie, '/api/orders')).json().items[0].basis).toEqual({ type: 'event', id: e.id });
    const row = await t.db.selectFrom('orders').select(['basisType', 'basisId']).where('id', '=', o.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ basisType: 'event', basisId: e.id });
    const rel = (await t.get(a.cookie, `/api/events/${e.id}/related`)).json();
    expect(rel.basis).toBeNull();
    expect(rel.documents).toEqual([
      { type: 'event', id: follow.id, number: follow.number, title: 'Встреча', date: '2026-11-28T09:00:00.000Z' },
      { type: 'order', id: o.id, number: o.number, title: `Заказ покупателя №${o.number} от 27.11.2026, Альфа`, date: '2026-11-27' },
    ]);
    // Removing the basis removes the link.
    await t.patch(a.cookie, `/api/orders/${o.id}`, { basis: null });
    expect((await t.get(a.cookie, `/api/events/${e.id}/related`)).json().documents.map((d: any) => d.type)).toEqual(['event']);
  });

  it('a hidden event cannot be a basis; a limited manager does not see orders of hidden counterparties among related documents', async () => {
    const e = (
      await t.post(a.cookie, '/api/events', { kind: 'phoneCall', startAt: '2026-11-27T09:00:00Z', subject: 'Общий звонок' })
    ).json();
    const theirsEvent = (
      await t.post(b.cookie, '/api/events', {
        kind: 'phoneCall',
        startAt: '2026-11-27T09:00:00Z',
        subject: 'Звонок Бете',
        counterpartyId: theirs.id,
      })
    ).json();
    await order(b.cookie, theirs.id, { basis: { type: 'event', id: e.id } });
    await order(a.cookie, mine.id, { basis: { type: 'event', id: e.id } });
    await limit();
    const refused = await order(a.cookie, mine.id, { basis: { type: 'event', id: theirsEvent.id } });
    expect(refused.json().error.details[0]).toMatchObject({ field: 'basis.id', code: 'basis_not_found' });
    const docs = (await t.get(a.cookie, `/api/events/${e.id}/related`)).json().documents;
    expect(docs.map((d: any) => d.title)).toEqual([expect.stringContaining('Альфа')]);
    expect((await t.get(t.adminCookie, `/api/events/${e.id}/related`)).json().documents).toHaveLength(2);
  });
});

describe('tasks about an order', () => {
  it('a task may have an order as subject, titled «Заказ покупателя №N …»; a hidden order is refused', async () => {
    const o = (await order(a.cookie, mine.id)).json();
    const res = await t.post(a.cookie, '/api/tasks', { title: 'Согласовать отгрузку', subject: { type: 'order', id: o.id } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().subject).toEqual({ type: 'order', id: o.id, title: `Заказ покупателя №${o.number} от 27.11.2026, Альфа` });
    const row = await t.db
      .selectFrom('tasks')
      .select(['subjectType', 'subjectId'])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ subjectType: 'order', subjectId: o.id });
    const hidden = (await order(b.cookie, theirs.id)).json();
    await limit();
    const refused = await t.post(a.cookie, '/api/tasks', { title: 'Чужой', subject: { type: 'order', id: hidden.id } });
    expect(refused.json().error.details[0]).toMatchObject({ field: 'subject.id', code: 'subject_not_found' });
    expect(await t.db.selectFrom('tasks').select('title').where('title', '=', 'Чужой').execute()).toEqual([]);
    // A task about an order the reader may no longer see keeps the link but not the title.
    const task = (await t.post(b.cookie, '/api/tasks', { title: 'Про Бету', subject: { type: 'order', id: hidden.id } })).json();
    await t.patch(t.adminCookie, `/api/counterparties/${theirs.id}`, { responsibleUserId: a.id });
    await t.patch(t.adminCookie, `/api/counterparties/${theirs.id}`, { responsibleUserId: t.adminId });
    expect((await t.get(b.cookie, `/api/tasks/${task.id}`)).json().subject).toEqual({ type: 'order', id: hidden.id, title: null });
  });
});
