// Optimistic concurrency on the cards integrators edit: GET sends an ETag, a PATCH with a stale
// If-Match is 412 and writes nothing, a current one (or none) goes through.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

const patchIf = (url: string, payload: object, etag: string) =>
  t.request(t.adminCookie, { method: 'PATCH', url, payload, headers: { 'if-match': etag } });

async function checkCard(url: string, first: object, second: object, stored: () => Promise<unknown>, expected: unknown) {
  const card = await t.get(t.adminCookie, url);
  expect(card.statusCode, card.body).toBe(200);
  const etag = card.headers.etag as string;
  expect(etag).toMatch(/^".+"$/);
  expect((await t.get(t.adminCookie, url)).headers.etag).toBe(etag);

  const ok = await patchIf(url, first, etag);
  expect(ok.statusCode, ok.body).toBe(200);
  const fresh = ok.headers.etag as string;
  expect(fresh).not.toBe(etag);
  expect((await t.get(t.adminCookie, url)).headers.etag).toBe(fresh);

  const stale = await patchIf(url, second, etag);
  expect(stale.statusCode, stale.body).toBe(412);
  expect(stale.json().error).toMatchObject({ code: 'precondition_failed', details: [{ field: 'If-Match' }] });
  expect(await stored()).toBe(expected);

  expect((await patchIf(url, second, `W/${fresh}, "other"`)).statusCode).toBe(200);
  expect((await t.patch(t.adminCookie, url, first)).statusCode).toBe(200);
}

describe('ETag and If-Match', () => {
  it('counterparties, contact persons and events refuse a stale PATCH and write nothing', async () => {
    const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка' })).json();
    const name = async () =>
      (await t.db.selectFrom('counterparties').select('name').where('id', '=', cp.id).executeTakeFirstOrThrow()).name;
    await checkCard(`/api/counterparties/${cp.id}`, { name: 'Ромашка 2' }, { name: 'Чужая правка' }, name, 'Ромашка 2');

    const p = (await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: cp.id, lastName: 'Петрова' })).json();
    const last = async () =>
      (await t.db.selectFrom('contactPersons').select('lastName').where('id', '=', p.id).executeTakeFirstOrThrow()).lastName;
    await checkCard(`/api/contact-persons/${p.id}`, { lastName: 'Иванова' }, { lastName: 'Сидорова' }, last, 'Иванова');

    const e = (
      await t.post(t.adminCookie, '/api/events', {
        kind: 'phoneCall',
        direction: 'outgoing',
        startAt: '2026-11-27T10:00:00+03:00',
        counterpartyId: cp.id,
        subject: 'Звонок',
        state: 'planned',
      })
    ).json();
    expect(e.id).toBeTruthy();
    const subject = async () =>
      (await t.db.selectFrom('events').select('subject').where('id', '=', e.id).executeTakeFirstOrThrow()).subject;
    await checkCard(`/api/events/${e.id}`, { subject: 'Звонок 2' }, { subject: 'Не то' }, subject, 'Звонок 2');

    const audit = await t.db.selectFrom('auditLog').select('entityId').where('action', '=', 'update').execute();
    expect(audit.filter((a) => a.entityId === cp.id)).toHaveLength(3);
  });
});

/**
 * A verb that changes a card from the card (archive, restore, confirm, cancel) answers the card with
 * its new ETag, the same one a GET would send, so the card keeps sending If-Match: a save after it
 * goes through, and a save with the version from before it is refused.
 */
async function checkVerb(card: string, verb: string, edit: object, stored: () => Promise<unknown>, expected: unknown) {
  const before = (await t.get(t.adminCookie, card)).headers.etag as string;
  const res = await t.post(t.adminCookie, `${card}/${verb}`);
  expect(res.statusCode, res.body).toBe(200);
  const etag = res.headers.etag as string;
  expect(etag, `${verb} answers an ETag`).toMatch(/^".+"$/);
  expect(etag).not.toBe(before);
  expect((await t.get(t.adminCookie, card)).headers.etag).toBe(etag);

  const stale = await patchIf(card, edit, before);
  expect(stale.statusCode, stale.body).toBe(412);
  expect(await stored()).not.toBe(expected);
  const ok = await patchIf(card, edit, etag);
  expect(ok.statusCode, ok.body).toBe(200);
  expect(await stored()).toBe(expected);
}

describe('ETag on archive, restore and state verbs', () => {
  it('counterparties, contact persons and events: archive and restore answer the new ETag', async () => {
    const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка' })).json();
    const name = async () =>
      (await t.db.selectFrom('counterparties').select('name').where('id', '=', cp.id).executeTakeFirstOrThrow()).name;
    await checkVerb(`/api/counterparties/${cp.id}`, 'archive', { name: 'В архиве' }, name, 'В архиве');
    await checkVerb(`/api/counterparties/${cp.id}`, 'restore', { name: 'Снова в работе' }, name, 'Снова в работе');

    const p = (await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: cp.id, lastName: 'Петрова' })).json();
    const last = async () =>
      (await t.db.selectFrom('contactPersons').select('lastName').where('id', '=', p.id).executeTakeFirstOrThrow()).lastName;
    await checkVerb(`/api/contact-persons/${p.id}`, 'archive', { lastName: 'Иванова' }, last, 'Иванова');
    await checkVerb(`/api/contact-persons/${p.id}`, 'restore', { lastName: 'Сидорова' }, last, 'Сидорова');

    const e = (
      await t.post(t.adminCookie, '/api/events', {
        kind: 'phoneCall',
        direction: 'outgoing',
        startAt: '2026-11-27T10:00:00+03:00',
        counterpartyId: cp.id,
        subject: 'Звонок',
        state: 'planned',
      })
    ).json();
    const subject = async () =>
      (await t.db.selectFrom('events').select('subject').where('id', '=', e.id).executeTakeFirstOrThrow()).subject;
    await checkVerb(`/api/events/${e.id}`, 'archive', { subject: 'Звонок в архиве' }, subject, 'Звонок в архиве');
    await checkVerb(`/api/events/${e.id}`, 'restore', { subject: 'Звонок снова' }, subject, 'Звонок снова');
  });

  it('orders: confirm and cancel answer the new ETag', async () => {
    const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка' })).json();
    const product = (await t.post(t.adminCookie, '/api/products', { sku: 'GV-100', name: 'Гвозди', price: '10.00' })).json();
    const o = (
      await t.post(t.adminCookie, '/api/orders', { counterpartyId: cp.id, lines: [{ productId: product.id, quantity: 1 }] })
    ).json();
    const comment = async () =>
      (await t.db.selectFrom('orders').select('comment').where('id', '=', o.id).executeTakeFirstOrThrow()).comment;
    await checkVerb(`/api/orders/${o.id}`, 'confirm', { comment: 'Подтверждён' }, comment, 'Подтверждён');

    const before = (await t.get(t.adminCookie, `/api/orders/${o.id}`)).headers.etag as string;
    const cancelled = await t.post(t.adminCookie, `/api/orders/${o.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.headers.etag).not.toBe(before);
    expect((await t.get(t.adminCookie, `/api/orders/${o.id}`)).headers.etag).toBe(cancelled.headers.etag);
  });

  it('products: archiving is a PATCH, whose answer already carries the new ETag', async () => {
    const p = (await t.post(t.adminCookie, '/api/products', { sku: 'GV-100', name: 'Гвозди', price: '10.00' })).json();
    const url = `/api/products/${p.id}`;
    const before = (await t.get(t.adminCookie, url)).headers.etag as string;
    const res = await patchIf(url, { archived: true }, before);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).not.toBe(before);
    expect((await t.get(t.adminCookie, url)).headers.etag).toBe(res.headers.etag);
  });
});
