import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { makeTestApp, type TestApp } from '../test/test-app.js';
import { createDb } from './database.js';
import { columnTypes } from './dialect.js';
import { containsPattern } from './keyset.js';
import { containsText, searchTuning, type SearchTarget } from './substring-search.js';
import { searchKey } from '../lib/names.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_events_tasks_scheduler.js';
import * as m0003 from './migrations/0003_search_indexes.js';
import * as m0004 from './migrations/0004_login_throttle.js';
import * as m0005 from './migrations/0005_reminder_delivery.js';
import * as m0006 from './migrations/0006_trade.js';
import * as m0007 from './migrations/0007_abc.js';
import * as m0008 from './migrations/0008_calendar_feeds.js';
import * as m0009 from './migrations/0009_webhooks.js';
import * as m0010 from './migrations/0010_idempotency.js';
import * as m0011 from './migrations/0011_email_reminders.js';
import * as m0012 from './migrations/0012_search_at_scale.js';

// Names built from pieces that stress the matching: Cyrillic with ё/Ё, Latin in both cases, LIKE
// wildcards and the escape character, FTS5 quotes, repeated letters and spaces.
const PIECES = [
  'ООО',
  'Ромашка',
  'ромаш',
  'Ёлка',
  'елка',
  'ЁЖ',
  'ab',
  'AB',
  '%',
  '_',
  '\\',
  '"',
  "'",
  ' ',
  '  ',
  'ааа',
  'а',
  '-',
  '1',
  '23',
  'Ïx',
];
const nameArb = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 })
  .map((p) => p.join(''))
  .filter((n) => n.trim() !== '');

let t: TestApp;
let db: Kysely<any>;
beforeAll(async () => {
  t = await makeTestApp();
  db = t.db;
  // A test database holds a few rows: take the index path on PostgreSQL too, not only beyond 1,000.
  searchTuning.plannerFinds = -1;
});
afterAll(async () => {
  searchTuning.plannerFinds = 1000;
  await t.close();
});

const TABLE = { counterparties: 'counterparties', contactPersons: 'contact_persons', events: 'events' } as const;
const COLUMN = { counterparties: 'name_search', contactPersons: 'name_search', events: 'subject_search' } as const;

/** What the search matched before the trigram indexes: the plain escaped LIKE. */
async function oldLike(target: SearchTarget, text: string): Promise<string[]> {
  const r = await sql<{ id: string }>`select id from ${sql.table(TABLE[target])} where ${sql.ref(COLUMN[target])} like ${containsPattern(
    text,
  )} escape '\\'`.execute(db);
  return r.rows.map((x) => x.id).sort();
}

/** containsText as a list uses it, with the index path (few) and the plain path (many) forced. */
async function viaContainsText(target: SearchTarget, text: string, few: number): Promise<string[]> {
  const alias = TABLE[target];
  const cond = await containsText(db, target, alias, text, few);
  const r = await sql<{ id: string }>`select id from ${sql.table(alias)} where ${cond}`.execute(db);
  return r.rows.map((x) => x.id).sort();
}

const api = async (url: string) => {
  const res = await t.get(t.adminCookie, url);
  expect(res.statusCode).toBe(200);
  return res.json().items as any[];
};

describe('substring search through the trigram indexes', () => {
  it('finds exactly what the plain LIKE found, on random names and texts (both plans)', async () => {
    const names = fc.sample(nameArb, { numRuns: 40, seed: 7 });
    const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Опорный контрагент' })).json();
    for (const name of names) {
      expect((await t.post(t.adminCookie, '/api/counterparties', { name })).statusCode).toBe(201);
      expect((await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: cp.id, lastName: name })).statusCode).toBe(201);
      const ev = await t.post(t.adminCookie, '/api/events', {
        kind: 'phoneCall',
        startAt: '2026-11-27T10:00:00+03:00',
        counterpartyId: cp.id,
        subject: name,
      });
      expect(ev.statusCode).toBe(201);
    }
    // Texts: pieces of the stored names (found), and random texts (mostly not).
    const stored = names.map(searchKey);
    const fromNames = fc.tuple(fc.constantFrom(...stored), fc.nat(), fc.nat()).map(([s, a, b]) => {
      const chars = [...s];
      const i = a % chars.length;
      return chars.slice(i, i + 1 + (b % 6)).join('');
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fromNames, nameArb.map(searchKey)), async (text) => {
        fc.pre(text !== '');
        for (const target of ['counterparties', 'contactPersons', 'events'] as const) {
          const expected = await oldLike(target, text);
          expect(await viaContainsText(target, text, 1_000_000)).toEqual(expected);
          expect(await viaContainsText(target, text, 0)).toEqual(expected);
        }
        // And through the API as users search (the service applies searchKey to what they type).
        const expectedNames = (await oldLike('counterparties', text)).length;
        const items = await api(`/api/counterparties?limit=200&q=${encodeURIComponent(text.toLocaleUpperCase('ru'))}`);
        if (!/^[\d\s+()\-.]+$/.test(text) && !text.includes('@'))
          expect(items.filter((i) => searchKey(i.name).includes(text)).length).toBe(expectedNames);
      }),
      { numRuns: 60, seed: 11 },
    );
  }, 300_000);

  it('ё and е, upper and lower case find each other through the API', async () => {
    await t.post(t.adminCookie, '/api/counterparties', { name: 'ООО «Зелёный Берёзовый Ёж»' });
    for (const q of ['березовый', 'БЕРЁЗОВЫЙ', 'зеленый берез', 'ёж»']) {
      const items = await api(`/api/counterparties?q=${encodeURIComponent(q)}`);
      expect(items.map((i) => i.name)).toContain('ООО «Зелёный Берёзовый Ёж»');
    }
  });

  it('keeps the index in step with creating, renaming, archiving and deleting', async () => {
    const a = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Трапеция Старая' })).json();
    expect((await api('/api/counterparties?q=трапеция')).map((i) => i.id)).toEqual([a.id]);
    const renamed = await t.request(t.adminCookie, {
      method: 'PATCH',
      url: `/api/counterparties/${a.id}`,
      payload: { name: 'Параллелограмм Новый' },
      headers: { 'if-match': (await t.get(t.adminCookie, `/api/counterparties/${a.id}`)).headers.etag as string },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await api('/api/counterparties?q=трапеция')).toEqual([]);
    expect((await api('/api/counterparties?q=параллелограмм')).map((i) => i.id)).toEqual([a.id]);

    expect((await t.post(t.adminCookie, `/api/counterparties/${a.id}/archive`)).statusCode).toBe(200);
    expect(await api('/api/counterparties?q=параллелограмм')).toEqual([]);
    expect((await api('/api/counterparties?q=параллелограмм&archived=archived')).map((i) => i.id)).toEqual([a.id]);
    expect((await t.post(t.adminCookie, `/api/counterparties/${a.id}/restore`)).statusCode).toBe(200);
    expect((await api('/api/counterparties?q=параллелограмм')).map((i) => i.id)).toEqual([a.id]);

    const p = (await t.post(t.adminCookie, '/api/contact-persons', { lastName: 'Ромбова' })).json();
    const ev = (
      await t.post(t.adminCookie, '/api/events', { kind: 'meeting', startAt: '2026-11-27T10:00:00+03:00', subject: 'Ромбический договор' })
    ).json();
    await db.deleteFrom('contactPersons').where('id', '=', p.id).execute();
    await db.deleteFrom('events').where('id', '=', ev.id).execute();
    await db.deleteFrom('counterparties').where('id', '=', a.id).execute();
    expect(await api('/api/counterparties?q=параллелограмм')).toEqual([]);
    expect(await api('/api/contact-persons?q=ромбова')).toEqual([]);
    expect(await api('/api/events?q=ромбический')).toEqual([]);

    if (t.database.dialect === 'sqlite') {
      // FTS5 compares each index with its content table: every insert, update and delete above kept step.
      for (const table of Object.values(TABLE)) {
        await sql`insert into ${sql.table(`${table}_fts`)}(${sql.table(`${table}_fts`)}, rank) values ('integrity-check', 1)`.execute(db);
      }
      const hits = await sql<{
        n: number;
      }>`select count(*) as n from counterparties_fts where counterparties_fts match '"трапеция"'`.execute(db);
      expect(Number(hits.rows[0].n)).toBe(0);
    }
  });
});

describe.skipIf(process.env.TEST_DB === 'postgres')('migration 0012 on a database with data (SQLite)', () => {
  it('back-fills the trigram tables from the rows already there', async () => {
    const d = createDb('sqlite::memory:');
    const ctx = { dialect: d.dialect, t: columnTypes(d.dialect) };
    for (const m of [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011]) await m.up(d.db, ctx);
    const now = '2026-11-27T09:00:00.000Z';
    const rows = ['ООО «Кедр-Снаб»', 'ИП Кедров А.А.', 'АО «Сосна»'].map((name, i) => ({
      id: `00000000-0000-7000-8000-00000000000${i}`,
      kind: 'legalEntity',
      name,
      nameSearch: searchKey(name),
      isCustomer: 1,
      isSupplier: 0,
      createdAt: now,
      updatedAt: now,
    }));
    await d.db
      .insertInto('counterparties')
      .values(rows as any)
      .execute();
    await m0012.up(d.db, ctx);
    const found = await d.db
      .selectFrom('counterparties')
      .select('name')
      .where(await containsText(d.db, 'counterparties', 'counterparties', 'кедр', 10))
      .orderBy('nameSearch')
      .execute();
    expect(found.map((r) => r.name)).toEqual(['ИП Кедров А.А.', 'ООО «Кедр-Снаб»']);
    await sql`insert into counterparties_fts(counterparties_fts, rank) values ('integrity-check', 1)`.execute(d.db);
    await d.close();
  });
});
