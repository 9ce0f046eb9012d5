// GET /api/users pages by name like the other lists: limit, cursor, { items, nextCursor }.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

describe('users list', () => {
  it('pages by name with a cursor and refuses a bad limit', async () => {
    for (const name of ['Борис', 'Вера', 'Глеб', 'Дина']) await t.userWithCookie('manager', name);
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.get(t.adminCookie, `/api/users?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      names.push(...page.items.map((u: { name: string }) => u.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    const stored = await t.db.selectFrom('users').select(['name', 'id']).orderBy('name').orderBy('id').execute();
    expect(names).toEqual(stored.map((u) => u.name));
    expect(names).toHaveLength(5);
    expect((await t.get(t.adminCookie, '/api/users?limit=0')).statusCode).toBe(400);
    expect((await t.get(t.adminCookie, '/api/users?cursor=%%%')).statusCode).toBe(400);
  });
});
