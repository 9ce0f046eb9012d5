import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, cookieFrom, makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

describe('setup and sign-in', () => {
  it('creates the first admin once, then refuses with 409', async () => {
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { name: 'X', email: 'x@example.com', password: 'password-123' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    const users = await t.db.selectFrom('users').select(['email', 'role']).execute();
    expect(users).toEqual([{ email: ADMIN.email, role: 'admin' }]);
    expect((await t.get(null, '/api/setup')).json()).toEqual({ needsSetup: false });
  });

  it('the first admin can choose the interface language at setup', async () => {
    const fresh = await t.db.selectFrom('users').select('language').executeTakeFirstOrThrow();
    expect(fresh.language).toBe('ru');
    const other = await makeTestApp({ setupLanguage: 'en' });
    expect((await other.get(other.adminCookie, '/api/me')).json().language).toBe('en');
    await other.close();
  });

  it('health needs no sign-in; the API does', async () => {
    expect((await t.get(null, '/api/health')).json()).toEqual({ status: 'ok' });
    const me = await t.get(null, '/api/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('unauthorized');
  });

  it('answers a wrong password and an unknown e-mail identically, and leaves no session', async () => {
    const wrong = await t.login(ADMIN.email, 'nope-nope-nope');
    const unknown = await t.login('ghost@example.com', 'nope-nope-nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(String(wrong.headers['set-cookie'] ?? '')).not.toMatch(/crm_session=[^;]/);
    expect(await t.db.selectFrom('sessions').select('id').execute()).toHaveLength(1); // the setup session only
  });

  it('gives a new session id at login and kills the pre-set one', async () => {
    const res = await t.request(t.adminCookie, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ADMIN.email, password: ADMIN.password },
    });
    expect(res.statusCode).toBe(200);
    const fresh = cookieFrom(res);
    expect(fresh).not.toBe(t.adminCookie);
    expect((await t.get(t.adminCookie, '/api/me')).statusCode).toBe(401);
    expect((await t.get(fresh, '/api/me')).json().email).toBe(ADMIN.email);
  });

  it('logout ends the session', async () => {
    expect((await t.post(t.adminCookie, '/api/auth/logout')).statusCode).toBe(200);
    expect((await t.get(t.adminCookie, '/api/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request from a foreign Origin', async () => {
    const res = await t.request(t.adminCookie, {
      method: 'POST',
      url: '/api/me/tokens',
      payload: { name: 'x' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect(await t.db.selectFrom('apiTokens').select('id').execute()).toHaveLength(0);
  });
});

describe('personal API tokens', () => {
  it('authenticates with Bearer, stores only a hash, and stops working when revoked', async () => {
    const created = await t.post(t.adminCookie, '/api/me/tokens', { name: 'telephony' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const row = await t.db.selectFrom('apiTokens').selectAll().executeTakeFirstOrThrow();
    expect(row.tokenHash).not.toContain(token);
    const me = await t.request(null, { method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().email).toBe(ADMIN.email);
    expect((await t.post(t.adminCookie, `/api/me/tokens/${id}/revoke`)).statusCode).toBe(200);
    const after = await t.request(null, { method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });
});
