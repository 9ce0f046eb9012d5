import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

// The event stream over a real HTTP connection: it must end when the credential it was opened with ends.

let t: TestApp;
let port: number;
const open: http.ClientRequest[] = [];

beforeEach(async () => {
  t = await makeTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterEach(async () => {
  vi.useRealTimers();
  // An open stream would keep the server from closing.
  for (const req of open.splice(0)) req.destroy();
  await t.close();
});

interface Stream {
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  text(): string;
  isEnded(): boolean;
}

function openStream(headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/notifications/stream', headers }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      let body = '';
      let ended = false;
      const done = new Promise<void>((r) => {
        res.on('end', () => ((ended = true), r()));
        res.on('close', () => ((ended = true), r()));
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const first = body === '';
        body += chunk;
        if (first) resolve({ ended: done, text: () => body, isEnded: () => ended });
      });
    });
    req.on('error', reject);
    open.push(req);
  });
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('notification stream', () => {
  it('ends when the session signs out', async () => {
    const s = await openStream({ cookie: t.adminCookie });
    expect(s.text()).toContain('event: hello');
    expect((await t.post(t.adminCookie, '/api/auth/logout')).statusCode).toBe(200);
    await within(s.ended, 5000);
    expect(await t.db.selectFrom('sessions').select('id').execute()).toHaveLength(0);
  });

  it('ends when an administrator blocks the user; the administrator’s own stream stays open', async () => {
    const m = await t.userWithCookie('manager');
    const mine = await openStream({ cookie: m.cookie });
    const admins = await openStream({ cookie: t.adminCookie });
    expect((await t.patch(t.adminCookie, `/api/users/${m.id}`, { blocked: true })).statusCode).toBe(200);
    await within(mine.ended, 5000);
    const row = await t.db.selectFrom('users').select('blockedAt').where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(row.blockedAt).not.toBeNull();
    await pause(200);
    expect(admins.isEnded()).toBe(false);
  });

  it('ends when the password is reset and when the API token it was opened with is revoked', async () => {
    const m = await t.userWithCookie('manager');
    const byCookie = await openStream({ cookie: m.cookie });
    expect((await t.patch(t.adminCookie, `/api/users/${m.id}`, { password: 'new-password-1' })).statusCode).toBe(200);
    await within(byCookie.ended, 5000);

    const { id, token } = (await t.post(t.adminCookie, '/api/me/tokens', { name: 'wallboard' })).json();
    const byToken = await openStream({ authorization: `Bearer ${token}` });
    const bySession = await openStream({ cookie: t.adminCookie });
    expect((await t.post(t.adminCookie, `/api/me/tokens/${id}/revoke`)).statusCode).toBe(200);
    await within(byToken.ended, 5000);
    await pause(200);
    expect(bySession.isEnded()).toBe(false);
  });

  it('re-checks at every heartbeat, so a session ended elsewhere (another instance) closes the stream', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const s = await openStream({ cookie: t.adminCookie });
    // Ended straight in the database: no hint reaches this process.
    await t.db.deleteFrom('sessions').execute();
    await pause(200);
    expect(s.isEnded()).toBe(false);
    await vi.advanceTimersByTimeAsync(20_000);
    await within(s.ended, 5000);
    expect(s.text()).toContain(': keep-alive');
  });

  it('keeps delivering to a session that is still valid', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const s = await openStream({ cookie: t.adminCookie });
    await vi.advanceTimersByTimeAsync(20_000);
    await pause(200);
    expect(s.isEnded()).toBe(false);
    await t.app.deps.notifier.notify({ userId: t.adminId, type: 'taskChanged', taskId: 'task-1' });
    await within(
      (async () => {
        while (!s.text().includes('event: taskChanged')) await pause(20);
      })(),
      5000,
    );
  });
});
