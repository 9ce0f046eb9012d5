import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { create, enqueue, sendDue } from './webhooks.service.js';
import { webhooksJob } from './webhooks.job.js';
import { backoffMs } from './webhooks.logic.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on 127.0.0.1 answering with the given status codes in turn (then the last). */
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)];
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let t: TestApp;
let deps: Deps;
let admin: Actor;
const closers: (() => Promise<void>)[] = [];
beforeEach(async () => {
  // Near the real time: the receiver verifies the signature's timestamp against its own clock.
  t = await makeTestApp({ now: new Date().toISOString() });
  deps = { ...t.app.deps, config: { ...t.app.deps.config, webhooksAllowPrivateNetworks: true } };
  admin = {
    id: t.adminId,
    role: 'admin',
    name: 'A',
    email: 'admin@example.com',
    language: 'ru',
    timeZone: 'Europe/Moscow',
    via: 'session',
  };
});
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  await t.close();
});

const deliveries = () => t.db.selectFrom('webhookDeliveries').selectAll().orderBy('id').execute();

describe('webhooks', () => {
  it('a change is delivered signed per Standard Webhooks; the log shows the attempt', async () => {
    const r = await receiver([200]);
    closers.push(r.close);
    const hook = await create(deps, admin, { url: r.url, events: ['counterparty.created', 'counterparty.updated'] });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const listed = (await t.get(t.adminCookie, '/api/webhooks')).json();
    expect(listed.items).toEqual([
      { id: hook.id, url: r.url, events: ['counterparty.created', 'counterparty.updated'], createdAt: hook.createdAt },
    ]);
    expect(JSON.stringify(listed)).not.toContain('whsec_');

    const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка' })).json();
    // An event nobody subscribed to writes no outbox row.
    await t.post(t.adminCookie, '/api/info-sources', { name: 'Сайт' });
    expect(await deliveries()).toHaveLength(1);
    expect(await webhooksJob(deps)).toBe('delivered 1, failed attempts 0');

    expect(r.received).toHaveLength(1);
    const got = r.received[0];
    const verified = new Webhook(hook.secret).verify(got.body, got.headers as Record<string, string>) as any;
    expect(verified).toMatchObject({ type: 'counterparty.created', data: { id: cp.id, name: 'Ромашка' } });
    const [row] = await deliveries();
    expect(got.headers['webhook-id']).toBe(row.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });

    const log = (await t.get(t.adminCookie, `/api/webhooks/${hook.id}/deliveries`)).json();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ id: row.id, eventType: 'counterparty.created', status: 'delivered', attempts: 1 });
    expect(log.items[0].attemptLog).toEqual([expect.objectContaining({ statusCode: 200, error: null })]);
    // A second run sends nothing again.
    await webhooksJob(deps);
    expect(r.received).toHaveLength(1);
  });

  it('a failing receiver gets retries with backoff, the same webhook-id each time, and the log shows every attempt', async () => {
    const r = await receiver([500, 503, 204]);
    closers.push(r.close);
    const hook = await create(deps, admin, { url: r.url, events: ['event.created'] });
    await t.db.transaction().execute((trx) => enqueue(trx, 'event.created', { id: 'x' }, t.clock.now()));
    await sendDue(deps);
    let [row] = await deliveries();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(new Date(row.nextAttemptAt).getTime() - t.clock.now().getTime()).toBe(backoffMs(1));
    // Not due yet: nothing is sent.
    t.clock.advance(backoffMs(1) - 1000);
    await sendDue(deps);
    expect(r.received).toHaveLength(1);
    t.clock.advance(1000);
    await sendDue(deps);
    [row] = await deliveries();
    expect(row).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503 });
    expect(new Date(row.nextAttemptAt).getTime() - t.clock.now().getTime()).toBe(backoffMs(2));
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    t.clock.advance(backoffMs(2));
    await sendDue(deps);
    [row] = await deliveries();
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 204, lastError: null });
    expect(new Set(r.received.map((x) => x.headers['webhook-id']))).toEqual(new Set([row.id]));
    const log = (await t.get(t.adminCookie, `/api/webhooks/${hook.id}/deliveries`)).json();
    expect(log.items[0].attemptLog.map((a: any) => a.statusCode)).toEqual([500, 503, 204]);
    expect(await t.db.selectFrom('webhookAttempts').select('id').execute()).toHaveLength(3);
  });

  it('two concurrent job runs deliver each change once', async () => {
    const r = await receiver([200]);
    closers.push(r.close);
    const hook = await create(deps, admin, { url: r.url, events: ['counterparty.created'] });
    for (let i = 0; i < 5; i++) await t.post(t.adminCookie, '/api/counterparties', { name: `Контрагент ${i}` });
    await Promise.all([sendDue(deps), sendDue(deps), webhooksJob(deps)]);
    expect(r.received).toHaveLength(5);
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(5);
    expect((await deliveries()).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
    // The log pages newest first.
    const first = (await t.get(t.adminCookie, `/api/webhooks/${hook.id}/deliveries?limit=3`)).json();
    const rest = (await t.get(t.adminCookie, `/api/webhooks/${hook.id}/deliveries?limit=3&cursor=${first.nextCursor}`)).json();
    const ids = (await deliveries()).map((d) => d.id).reverse();
    expect([...first.items, ...rest.items].map((d: any) => d.id)).toEqual(ids);
    expect(rest.nextCursor).toBeNull();
  });

  it('the SSRF guard refuses loopback, private and link-local targets without the flag', async () => {
    for (const url of [
      'http://127.0.0.1/x',
      'http://10.0.0.1/',
      'http://[::1]/',
      'http://169.254.169.254/latest/meta-data',
      'http://localhost:8080/',
    ]) {
      const res = await t.post(t.adminCookie, '/api/webhooks', { url, events: ['task.created'] });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: 'url', code: 'webhook_target_refused' });
    }
    const bad = await t.post(t.adminCookie, '/api/webhooks', { url: 'ftp://example.com/', events: ['task.created'] });
    expect(bad.statusCode).toBe(400);
    expect(await t.db.selectFrom('webhooks').select('id').execute()).toHaveLength(0);

    // A webhook made while allowed is still refused at delivery time once the flag is off.
    const r = await receiver([200]);
    closers.push(r.close);
    await create(deps, admin, { url: r.url, events: ['task.created'] });
    await t.post(t.adminCookie, '/api/tasks', { title: 'Позвонить', dueAt: '2030-01-01T10:00:00Z' });
    await sendDue(t.app.deps);
    expect(r.received).toHaveLength(0);
    const [row] = await deliveries();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(row.lastError).toMatch(/^refused: /);
  });

  it('a change rolled back writes no outbox row; deleting stops deliveries; only admins manage webhooks', async () => {
    const r = await receiver([200]);
    closers.push(r.close);
    const hook = await create(deps, admin, { url: r.url, events: ['counterparty.created'] });
    await t.post(t.adminCookie, '/api/counterparties', { name: 'Первый', inn: '7707083893' });
    // The same INN again fails inside the transaction after nothing is committed.
    const dup = await t.post(t.adminCookie, '/api/counterparties', { name: 'Второй', inn: '7707083893' });
    expect(dup.statusCode).toBe(409);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueue(trx, 'counterparty.created', { id: 'y' }, t.clock.now());
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await deliveries()).toHaveLength(1);

    const manager = await t.userWithCookie('manager');
    expect((await t.get(manager.cookie, '/api/webhooks')).statusCode).toBe(403);
    expect((await t.post(manager.cookie, '/api/webhooks', { url: 'https://example.com/', events: ['task.created'] })).statusCode).toBe(403);
    expect((await t.request(manager.cookie, { method: 'DELETE', url: `/api/webhooks/${hook.id}` })).statusCode).toBe(403);

    expect((await t.request(t.adminCookie, { method: 'DELETE', url: `/api/webhooks/${hook.id}` })).statusCode).toBe(204);
    expect((await t.request(t.adminCookie, { method: 'DELETE', url: `/api/webhooks/${hook.id}` })).statusCode).toBe(404);
    expect((await t.get(t.adminCookie, '/api/webhooks')).json().items).toEqual([]);
    await t.post(t.adminCookie, '/api/counterparties', { name: 'Третий' });
    expect(await deliveries()).toHaveLength(1);
  });

  it('task events go out with their types', async () => {
    const r = await receiver([200]);
    closers.push(r.close);
    await create(deps, admin, { url: r.url, events: ['sale.created', 'task.completed', 'task.created'] });
    const task = (await t.post(t.adminCookie, '/api/tasks', { title: 'Позвонить', dueAt: '2030-01-01T10:00:00Z' })).json();
    await t.post(t.adminCookie, `/api/tasks/${task.id}/complete`);
    await sendDue(deps);
    const types = r.received.map((x) => JSON.parse(x.body).type);
    expect(types.sort()).toEqual(['task.completed', 'task.created']);
  });
});
