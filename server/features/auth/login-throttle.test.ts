import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ADMIN, makeTestApp, type TestApp } from '../../test/test-app.js';

// The sign-in throttle: per account-and-IP pair with growing delays, plus a looser per-IP ceiling.
// Requests are sent at once (Promise.all) because the old limit was read, checked and written with
// nothing in between, so parallel guesses all got through.

const ATTACKER = '203.0.113.7';
const OWNER_IP = '198.51.100.20';
const FREE_FAILURES = 5; // PAIR_FREE_FAILURES in login-throttle.logic.ts
const IP_CEILING = 500; // IP_MAX_FAILURES in login-throttle.logic.ts

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

const signIn = (email: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

const failuresLogged = async (where: { email?: string; ip?: string }) => {
  let q = t.db.selectFrom('loginAttempts').select('id');
  if (where.email) q = q.where('email', '=', where.email);
  if (where.ip) q = q.where('ip', '=', where.ip);
  return (await q.execute()).length;
};

function expectRetryAfter(res: LightMyRequestResponse, min: number, max: number) {
  expect(res.statusCode).toBe(429);
  expect(res.json().error.code).toBe('rate_limited');
  const seconds = Number(res.headers['retry-after']);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(min);
  expect(seconds).toBeLessThanOrEqual(max);
}

describe('sign-in throttle', () => {
  it('60 wrong passwords at once check only the free attempts; the owner still signs in from another IP', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn(ADMIN.email, `wrong-password-${i}`, ATTACKER)));
    const checked = answers.filter((r) => r.statusCode === 401);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(checked).toHaveLength(FREE_FAILURES);
    expect(refused).toHaveLength(60 - FREE_FAILURES);
    for (const r of refused) expectRetryAfter(r, 1, 30);
    // Only the checked passwords were recorded as failures, in the log and in the pair's counter.
    expect(await failuresLogged({ email: ADMIN.email })).toBe(FREE_FAILURES);
    const pair = await t.db
      .selectFrom('loginThrottlePairs')
      .select(['failures', 'lockedUntil'])
      .where('email', '=', ADMIN.email)
      .where('ip', '=', ATTACKER)
      .executeTakeFirstOrThrow();
    expect(pair).toEqual({ failures: FREE_FAILURES, lockedUntil: '2026-11-27T09:00:30.000Z' });

    // The right password from the attacker's address waits too: the throttle cannot be a guessing oracle.
    expectRetryAfter(await signIn(ADMIN.email, ADMIN.password, ATTACKER), 30, 30);
    // The owner, elsewhere, is not locked out by the attack.
    const owner = await signIn(ADMIN.email, ADMIN.password, OWNER_IP);
    expect(owner.statusCode).toBe(200);
    expect(await t.db.selectFrom('sessions').select('id').where('ip', '=', OWNER_IP).execute()).toHaveLength(1);
  });

  it('delays double after the free attempts and a success forgets the failures', async () => {
    for (let i = 0; i < FREE_FAILURES; i++) expect((await signIn(ADMIN.email, `wrong-password-${i}`, ATTACKER)).statusCode).toBe(401);
    expectRetryAfter(await signIn(ADMIN.email, 'wrong-password-x', ATTACKER), 30, 30);
    t.clock.advance(29_000);
    expectRetryAfter(await signIn(ADMIN.email, 'wrong-password-x', ATTACKER), 1, 1);
    t.clock.advance(1_000);
    expect((await signIn(ADMIN.email, 'wrong-password-6', ATTACKER)).statusCode).toBe(401);
    expectRetryAfter(await signIn(ADMIN.email, 'wrong-password-x', ATTACKER), 60, 60);
    t.clock.advance(60_000);
    expect((await signIn(ADMIN.email, 'wrong-password-7', ATTACKER)).statusCode).toBe(401);
    expectRetryAfter(await signIn(ADMIN.email, ADMIN.password, ATTACKER), 120, 120);
    expect(await failuresLogged({ email: ADMIN.email })).toBe(FREE_FAILURES + 2);

    t.clock.advance(120_000);
    expect((await signIn(ADMIN.email, ADMIN.password, ATTACKER)).statusCode).toBe(200);
    const pair = await t.db
      .selectFrom('loginThrottlePairs')
      .select(['failures', 'lockedUntil', 'lastSuccessAt'])
      .where('email', '=', ADMIN.email)
      .where('ip', '=', ATTACKER)
      .executeTakeFirstOrThrow();
    expect(pair).toEqual({ failures: 0, lockedUntil: null, lastSuccessAt: t.clock.now().toISOString() });
    expect((await signIn(ADMIN.email, 'wrong-password-8', ATTACKER)).statusCode).toBe(401);
  });

  it('the per-IP ceiling holds under parallel spraying, and a colleague who signed in from there before still gets in', async () => {
    // A colleague behind the same NAT signed in from this address earlier.
    expect((await signIn(ADMIN.email, ADMIN.password, ATTACKER)).statusCode).toBe(200);
    // The address is three failures short of its ceiling in the current window.
    await t.db.deleteFrom('loginThrottleIps').where('ip', '=', ATTACKER).execute();
    await t.db
      .insertInto('loginThrottleIps')
      .values({ ip: ATTACKER, failures: IP_CEILING - 3, windowStart: t.clock.now().toISOString() })
      .execute();
    t.clock.advance(60_000);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(`sprayed-${i}@example.com`, 'Winter2026!', ATTACKER)));
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(3);
    for (const r of answers.filter((r) => r.statusCode !== 401)) expectRetryAfter(r, 14 * 60, 14 * 60);
    expect(await failuresLogged({ ip: ATTACKER })).toBe(3);
    const ipRow = await t.db.selectFrom('loginThrottleIps').select('failures').where('ip', '=', ATTACKER).executeTakeFirstOrThrow();
    expect(ipRow.failures).toBe(IP_CEILING);

    // The office is not locked out: a known account-and-address pair is not counted against the ceiling.
    expect((await signIn(ADMIN.email, ADMIN.password, ATTACKER)).statusCode).toBe(200);
    // After the window the address gets its allowance back.
    t.clock.advance(15 * 60_000);
    expect((await signIn('sprayed-0@example.com', 'Winter2026!', ATTACKER)).statusCode).toBe(401);
  });

  it('a refused attempt does not count against the address', async () => {
    for (let i = 0; i < FREE_FAILURES; i++) await signIn(ADMIN.email, `wrong-password-${i}`, ATTACKER);
    await Promise.all(Array.from({ length: 20 }, () => signIn(ADMIN.email, 'wrong-password-x', ATTACKER)));
    const ipRow = await t.db.selectFrom('loginThrottleIps').select('failures').where('ip', '=', ATTACKER).executeTakeFirstOrThrow();
    expect(ipRow.failures).toBe(FREE_FAILURES);
  });
});
