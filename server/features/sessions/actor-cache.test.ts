import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createDb } from '../../db/database.js';
import { createPubSub } from '../../db/dialect.js';
import type { App } from '../../http.js';

// Sessions, API tokens, users and settings come from memory; every change that matters takes effect
// on the very next request — on this instance at once, on another PostgreSQL instance within moments.

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ env: { EXPOSE_STATEMENT_COUNT: 'true' } });
});
afterEach(async () => t.close());

const statements = (res: LightMyRequestResponse) => Number(res.headers['x-db-statements']);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const getWith = (headers: Record<string, string>, url: string, app: App = t.app) => app.inject({ method: 'GET', url, headers });
const cookieHeader = (cookie: string) => ({ cookie });

async function newToken(cookie: string) {
  const res = await t.post(cookie, '/api/me/tokens', { name: 'integration' });
  expect(res.statusCode).toBe(201);
  return res.json().token as string;
}

/** A manager signed in twice over: a browser session and an API token, both already used once (cached). */
async function warmManager() {
  const m = await t.userWithCookie('manager', 'Мария Менеджерова');
  const token = await newToken(m.cookie);
  expect((await getWith(cookieHeader(m.cookie), '/api/me')).statusCode).toBe(200);
  expect((await getWith(bearer(token), '/api/me')).statusCode).toBe(200);
  return { ...m, token };
}

describe('statements per request', () => {
  it('a list page runs two statements and a card one, with a cookie and with a token alike', async () => {
    const m = await warmManager();
    const cp = await t.post(t.adminCookie, '/api/counterparties', {
      name: 'ООО «Ромашка»',
      contactInfo: [
        { kind: 'phone', value: '+7 495 123-45-67' },
        { kind: 'email', value: 'zakaz@romashka.ru' },
      ],
    });
    expect(cp.statusCode).toBe(201);
    const id = cp.json().id;
    for (const headers of [cookieHeader(m.cookie), bearer(m.token)]) {
      // The first request may fill the caches (settings); from then on only the page's own queries run.
      await getWith(headers, '/api/counterparties?limit=50');
      const list = await getWith(headers, '/api/counterparties?limit=50');
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([id]);
      // The page of counterparties and the contact information of its rows.
      expect(statements(list)).toBe(2);
      const card = await getWith(headers, `/api/counterparties/${id}`);
      expect(card.statusCode).toBe(200);
      expect(card.json().contactInfo.map((e: { kind: string }) => e.kind)).toEqual(['phone', 'email']);
      // One statement: the counterparty with its responsible user's name and its contact information.
      expect(statements(card)).toBe(1);
    }
  });

  it('a request with a credential not yet in memory reads it once, then never again', async () => {
    const m = await t.userWithCookie('manager');
    const first = await getWith(cookieHeader(m.cookie), '/api/me');
    expect(first.statusCode).toBe(200);
    expect(statements(first)).toBe(2); // the session with its user, then the user's card
    expect(statements(await getWith(cookieHeader(m.cookie), '/api/me'))).toBe(1);
  });

  it('a token’s use is written once a minute, not on every request', async () => {
    const m = await warmManager();
    t.clock.advance(30_000);
    expect(statements(await getWith(bearer(m.token), '/api/me'))).toBe(1);
    t.clock.advance(31_000);
    const due = await getWith(bearer(m.token), '/api/me');
    expect(statements(due)).toBe(2); // the conditional UPDATE of last_used_at
    const row = await t.db.selectFrom('apiTokens').select('lastUsedAt').where('userId', '=', m.id).executeTakeFirstOrThrow();
    expect(row.lastUsedAt).toBe(t.clock.now().toISOString());
    expect(statements(await getWith(bearer(m.token), '/api/me'))).toBe(1);
  });

  it('is not sent unless configured', async () => {
    const plain = await makeTestApp();
    try {
      const res = await plain.get(plain.adminCookie, '/api/me');
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-db-statements']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});

describe('changes take effect on the next request', () => {
  it('after sign-out the old cookie is refused', async () => {
    const m = await warmManager();
    const out = await t.post(m.cookie, '/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect((await getWith(cookieHeader(m.cookie), '/api/me')).statusCode).toBe(401);
    expect(await t.db.selectFrom('sessions').select('id').where('userId', '=', m.id).execute()).toEqual([]);
    // The token is another credential and lives on.
    expect((await getWith(bearer(m.token), '/api/me')).statusCode).toBe(200);
  });

  it('blocking a user stops their session and their token at once', async () => {
    const m = await warmManager();
    expect((await t.patch(t.adminCookie, `/api/users/${m.id}`, { blocked: true })).statusCode).toBe(200);
    expect((await getWith(cookieHeader(m.cookie), '/api/me')).statusCode).toBe(401);
    expect((await getWith(bearer(m.token), '/api/me')).statusCode).toBe(401);
  });

  it('a revoked token and a password reset end what they end', async () => {
    const m = await warmManager();
    const tokens = (await t.get(m.cookie, '/api/me/tokens')).json().items;
    expect((await t.post(m.cookie, `/api/me/tokens/${tokens[0].id}/revoke`)).statusCode).toBe(200);
    expect((await getWith(bearer(m.token), '/api/me')).statusCode).toBe(401);
    expect((await getWith(cookieHeader(m.cookie), '/api/me')).statusCode).toBe(200);
    expect((await t.patch(t.adminCookie, `/api/users/${m.id}`, { password: 'new-password-9' })).statusCode).toBe(200);
    expect((await getWith(cookieHeader(m.cookie), '/api/me')).statusCode).toBe(401);
  });

  it('a role change applies to the next request, both ways', async () => {
    const m = await warmManager();
    expect((await getWith(cookieHeader(m.cookie), '/api/users')).statusCode).toBe(403);
    expect((await t.patch(t.adminCookie, `/api/users/${m.id}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await getWith(cookieHeader(m.cookie), '/api/users')).statusCode).toBe(200);
    expect((await getWith(bearer(m.token), '/api/users')).statusCode).toBe(200);
    expect((await t.patch(t.adminCookie, `/api/users/${m.id}`, { role: 'manager' })).statusCode).toBe(200);
    expect((await getWith(bearer(m.token), '/api/users')).statusCode).toBe(403);
  });

  it('the user’s own time zone applies to the next request', async () => {
    // 22:30 UTC on the 28th is already the 29th in Moscow (the default zone).
    expect((await t.post(t.adminCookie, '/api/tasks', { title: 'Позвонить', dueAt: '2026-11-28T22:30:00Z' })).statusCode).toBe(201);
    const onThe28th = async () => (await t.get(t.adminCookie, '/api/tasks?from=2026-11-28&to=2026-11-28')).json().items.length;
    expect(await onThe28th()).toBe(0);
    expect((await t.patch(t.adminCookie, '/api/me/settings', { timeZone: 'UTC' })).statusCode).toBe(200);
    expect(await onThe28th()).toBe(1);
  });

  it('a settings change (managers see only their counterparties) applies to the next request', async () => {
    const m = await warmManager();
    const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'ООО «Чужая»', responsibleUserId: t.adminId })).json();
    const seen = async () => (await getWith(cookieHeader(m.cookie), '/api/counterparties?limit=50')).json().items.length;
    expect(await seen()).toBe(1);
    expect((await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false })).statusCode).toBe(200);
    expect(await seen()).toBe(0);
    expect((await getWith(bearer(m.token), `/api/counterparties/${cp.id}`)).statusCode).toBe(404);
    expect((await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: true })).statusCode).toBe(200);
    expect(await seen()).toBe(1);
  });

  it('an expired session is refused although it is in memory', async () => {
    const m = await warmManager();
    t.clock.advance(14 * 24 * 3600 * 1000 - 1000);
    expect((await getWith(cookieHeader(m.cookie), '/api/me')).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await getWith(cookieHeader(m.cookie), '/api/me')).statusCode).toBe(401);
  });
});

describe.runIf(process.env.TEST_DB === 'postgres')('two instances on one PostgreSQL database', () => {
  let second: App;
  let closeSecond: () => Promise<void>;
  beforeEach(async () => {
    const database = createDb(t.database.url, { pgSchema: t.database.schema, poolSize: 2 });
    const pubsub = createPubSub(t.database.url, { pgSchema: t.database.schema });
    second = await buildApp({
      config: loadConfig({
        LOG_LEVEL: 'silent',
        DATABASE_URL: t.database.url,
        RATE_LIMIT_PER_MINUTE: '1000000',
        EXPOSE_STATEMENT_COUNT: 'true',
      }),
      database,
      clock: t.clock,
      pubsub,
      logger: false,
      webDir: '/nonexistent',
    });
    closeSecond = async () => {
      await second.close();
      await pubsub.close();
      await database.close();
    };
    // Let both LISTEN connections come up before anything is published.
    await new Promise((r) => setTimeout(r, 300));
  });
  afterEach(async () => closeSecond());

  /** Polls instance 2 for up to 2 s until the answer is the expected one; returns the last status. */
  async function eventually(check: () => Promise<boolean>): Promise<boolean> {
    const until = Date.now() + 2000;
    for (;;) {
      if (await check()) return true;
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('sign-out, block, role and settings changed on one instance apply on the other', async () => {
    const m = await warmManager();
    const other = await t.userWithCookie('manager', 'Олег Другой');
    await t.post(t.adminCookie, '/api/counterparties', { name: 'ООО «Чужая»', responsibleUserId: t.adminId });
    const on2 = (headers: Record<string, string>, url: string) => getWith(headers, url, second);
    // Instance 2 has everything in memory: its requests run only their own statements.
    for (const h of [cookieHeader(m.cookie), bearer(m.token), cookieHeader(other.cookie)]) await on2(h, '/api/counterparties?limit=50');
    const warm = await on2(cookieHeader(m.cookie), '/api/counterparties?limit=50');
    expect(statements(warm)).toBe(2);
    expect(warm.json().items).toHaveLength(1);

    expect((await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false })).statusCode).toBe(200);
    expect(
      await eventually(async () => (await on2(cookieHeader(m.cookie), '/api/counterparties?limit=50')).json().items.length === 0),
    ).toBe(true);

    expect((await t.patch(t.adminCookie, `/api/users/${m.id}`, { role: 'admin' })).statusCode).toBe(200);
    expect(await eventually(async () => (await on2(bearer(m.token), '/api/users')).statusCode === 200)).toBe(true);

    expect((await t.post(other.cookie, '/api/auth/logout')).statusCode).toBe(200);
    expect(await eventually(async () => (await on2(cookieHeader(other.cookie), '/api/me')).statusCode === 401)).toBe(true);

    expect((await t.patch(t.adminCookie, `/api/users/${m.id}`, { role: 'manager', blocked: true })).statusCode).toBe(200);
    expect(await eventually(async () => (await on2(cookieHeader(m.cookie), '/api/me')).statusCode === 401)).toBe(true);
    expect((await on2(bearer(m.token), '/api/me')).statusCode).toBe(401);
  });
});
