// Idempotency-Key on POST through the API: a replay answers the first response and writes nothing,
// another body under the same key is 422, parallel requests with one key make one write.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

const post = (key: string, payload: object, cookie = t.adminCookie) =>
  t.request(cookie, { method: 'POST', url: '/api/counterparties', payload, headers: { 'idempotency-key': key } });

const count = async () =>
  Number(
    (
      await t.db
        .selectFrom('counterparties')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Idempotency-Key', () => {
  it('replays the first answer and writes nothing new; another body is 422', async () => {
    const first = await post('k-1', { name: 'Ромашка' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await post('k-1', { name: 'Ромашка' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(1);

    const other = await post('k-1', { name: 'Василёк' });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    expect(await count()).toBe(1);

    // The key belongs to its actor: another user's same key is a new request.
    const m = await t.userWithCookie('manager');
    expect((await post('k-1', { name: 'Ромашка-2' }, m.cookie)).statusCode).toBe(201);
    expect(await count()).toBe(2);
    // A refused request is replayed as refused, still writing nothing.
    const bad = await post('k-2', { name: '' });
    expect(bad.statusCode).toBe(400);
    expect((await post('k-2', { name: '' })).statusCode).toBe(400);
    expect(await count()).toBe(2);
  });

  it('a key expires after 24 hours and is purged', async () => {
    expect((await post('k-day', { name: 'Ромашка' })).statusCode).toBe(201);
    t.clock.set('2026-11-28T09:00:01Z');
    const later = await post('k-day', { name: 'Ромашка 2' });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.headers['idempotency-replayed']).toBeUndefined();
    expect(await count()).toBe(2);
    const rows = await t.db.selectFrom('idempotencyKeys').select(['key', 'createdAt', 'status']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe(201);
  });

  it('parallel requests with one key make one write', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => post('k-par', { name: 'Параллельный' })));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(
      codes.every((c) => c === 201 || c === 409),
      codes.join(),
    ).toBe(true);
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().error.code).toBe('idempotency_in_progress');
    const ids = new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json().id));
    expect(ids.size).toBe(1);
    expect(await count()).toBe(1);
  });

  it('rejects a malformed key naming the header', async () => {
    const res = await post(' '.repeat(3) + 'x'.repeat(300), { name: 'Ромашка' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('Idempotency-Key');
    expect(await count()).toBe(0);
  });
});
