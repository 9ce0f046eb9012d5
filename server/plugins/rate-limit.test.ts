// The API's request budget with a small limit of its own (the rest of the suite runs with a huge one):
// RateLimit-* headers on every answer, 429 rate_limited with Retry-After past the limit, one budget
// per session, the documentation exempt.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
});
afterEach(async () => t.close());

describe('rate limits', () => {
  it('counts per session and answers 429 rate_limited with Retry-After past the limit', async () => {
    const m = await t.userWithCookie('manager');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.get(t.adminCookie, '/api/counterparties');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['ratelimit-limit']).toBe('5');
      seen.push(String(res.headers['ratelimit-remaining']));
      expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThan(0);
    }
    // userWithCookie spent one request of the admin's budget.
    expect(seen).toEqual(['3', '2', '1', '0']);
    const over = await t.get(t.adminCookie, '/api/counterparties');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
    // A refused POST writes nothing.
    expect((await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка' })).statusCode).toBe(429);
    expect(await t.db.selectFrom('counterparties').select('id').execute()).toHaveLength(0);

    // Another session has its own budget.
    const other = await t.get(m.cookie, '/api/counterparties');
    expect(other.statusCode).toBe(200);
    expect(other.headers['ratelimit-remaining']).toBe('4');
  });

  it('leaves the API documentation and the web app out', async () => {
    for (let i = 0; i < 8; i++) {
      const res = await t.get(t.adminCookie, '/api/docs/json');
      expect(res.statusCode).toBe(200);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
    }
    expect((await t.get(null, '/')).statusCode).not.toBe(429);
  });
});
