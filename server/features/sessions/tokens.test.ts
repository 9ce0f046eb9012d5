import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestApp, type TestApp } from '../../test/test-app.js';

// Personal API tokens: what ends them (password change, block) and how often their use is written.

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

async function newToken(cookie: string, name = 'telephony') {
  const res = await t.post(cookie, '/api/me/tokens', { name });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string };
}

const withToken = (token: string, url = '/api/me') =>
  t.request(null, { method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

const tokenRow = (id: string) =>
  t.db.selectFrom('apiTokens').select(['revokedAt', 'lastUsedAt']).where('id', '=', id).executeTakeFirstOrThrow();

describe('a password change revokes API tokens', () => {
  it('an administrator resetting a password revokes all of that user’s tokens, and nobody else’s', async () => {
    const m = await t.userWithCookie('manager');
    const first = await newToken(m.cookie, 'telephony');
    const second = await newToken(m.cookie, 'mail');
    const admins = await newToken(t.adminCookie, 'admin tool');
    expect((await withToken(first.token)).statusCode).toBe(200);

    t.clock.advance(1000);
    expect((await t.patch(t.adminCookie, `/api/users/${m.id}`, { password: 'new-password-1' })).statusCode).toBe(200);
    const at = t.clock.now().toISOString();
    expect((await withToken(first.token)).statusCode).toBe(401);
    expect((await withToken(second.token)).statusCode).toBe(401);
    expect((await tokenRow(first.id)).revokedAt).toBe(at);
    expect((await tokenRow(second.id)).revokedAt).toBe(at);
    expect((await tokenRow(admins.id)).revokedAt).toBeNull();
    expect((await withToken(admins.token)).statusCode).toBe(200);
  });

  it('changing one’s own password revokes one’s tokens; the browser that changed it stays signed in', async () => {
    const { id, token } = await newToken(t.adminCookie);
    const res = await t.post(t.adminCookie, '/api/me/password', { currentPassword: ADMIN.password, newPassword: 'another-password-2' });
    expect(res.statusCode).toBe(200);
    expect((await withToken(token)).statusCode).toBe(401);
    expect((await tokenRow(id)).revokedAt).toBe(t.clock.now().toISOString());
    expect((await t.get(t.adminCookie, '/api/me')).statusCode).toBe(200);
  });

  it('a wrong current password revokes nothing', async () => {
    const { id, token } = await newToken(t.adminCookie);
    const res = await t.post(t.adminCookie, '/api/me/password', { currentPassword: 'not-my-password', newPassword: 'another-password-2' });
    expect(res.statusCode).toBe(400);
    expect((await tokenRow(id)).revokedAt).toBeNull();
    expect((await withToken(token)).statusCode).toBe(200);
  });
});

describe('blocking and tokens', () => {
  it('a blocked user’s tokens stop at once and unblocking does not revive them', async () => {
    const m = await t.userWithCookie('manager');
    const { id, token } = await newToken(m.cookie);
    expect((await withToken(token)).statusCode).toBe(200);

    expect((await t.patch(t.adminCookie, `/api/users/${m.id}`, { blocked: true })).statusCode).toBe(200);
    expect((await withToken(token)).statusCode).toBe(401);
    expect((await tokenRow(id)).revokedAt).toBe(t.clock.now().toISOString());

    expect((await t.patch(t.adminCookie, `/api/users/${m.id}`, { blocked: false })).statusCode).toBe(200);
    expect((await withToken(token)).statusCode).toBe(401);
    expect((await tokenRow(id)).revokedAt).not.toBeNull();
    // After unblocking the user signs in again and makes new tokens on purpose.
    const relogin = await t.login(m.email, 'password-123');
    expect(relogin.statusCode).toBe(200);
  });
});

describe('last use of a token', () => {
  it('is written at most once a minute', async () => {
    const { id, token } = await newToken(t.adminCookie);
    const start = t.clock.now().getTime();
    expect((await withToken(token, '/api/health')).statusCode).toBe(200);
    expect((await tokenRow(id)).lastUsedAt).toBe(new Date(start).toISOString());

    t.clock.advance(5_000);
    expect((await withToken(token, '/api/health')).statusCode).toBe(200);
    t.clock.advance(50_000);
    expect((await withToken(token, '/api/me')).statusCode).toBe(200);
    expect((await tokenRow(id)).lastUsedAt).toBe(new Date(start).toISOString()); // not rewritten within the minute

    t.clock.set(new Date(start + 61_000));
    expect((await withToken(token, '/api/health')).statusCode).toBe(200);
    expect((await tokenRow(id)).lastUsedAt).toBe(new Date(start + 61_000).toISOString());
    const listed = (await t.get(t.adminCookie, '/api/me/tokens')).json().items;
    expect(listed[0].lastUsedAt).toBe(new Date(start + 61_000).toISOString());
  });
});
