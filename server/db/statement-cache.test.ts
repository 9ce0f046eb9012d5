import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { cachingStatements } from './dialect.js';
import { createTestDb, type TestDatabase } from '../test/test-db.js';

// SQLite statements are prepared once per SQL text and reused (dialect.ts cachingStatements).

describe('the prepared-statement cache (SQLite connection)', () => {
  it('hands out one statement per SQL text and keeps only the most recently used', () => {
    const conn = new Database(':memory:');
    const db = cachingStatements(conn, 2);
    const a = db.prepare('select 1 as v');
    expect(db.prepare('select 1 as v')).toBe(a);
    db.prepare('select 2 as v');
    db.prepare('select 1 as v'); // used again: now the newest
    db.prepare('select 3 as v'); // drops "select 2", the least recently used
    expect(db.prepare('select 1 as v')).toBe(a);
    expect(db.prepare('select 1 as v').all([])).toEqual([{ v: 1 }]);
    db.close();
    expect(conn.open).toBe(false);
  });

  it('never hands out a statement that is still being iterated', () => {
    const conn = new Database(':memory:');
    const db = cachingStatements(conn);
    conn.exec('create table t (n integer); insert into t values (1), (2)');
    const first = db.prepare('select n from t order by n');
    const it = first.iterate([]);
    expect(it.next().value).toEqual({ n: 1 });
    const second = db.prepare('select n from t order by n');
    expect(second).not.toBe(first);
    expect(second.all([])).toEqual([{ n: 1 }, { n: 2 }]);
    expect(it.next().value).toEqual({ n: 2 });
    it.return?.();
    expect(db.prepare('select n from t order by n')).toBe(first);
    db.close();
  });
});

describe('queries through the app’s database handle', () => {
  let database: TestDatabase;
  afterEach(async () => database?.close());

  it('a schema change between two runs of the same query is seen', async () => {
    database = await createTestDb();
    const db = database.db;
    await sql`create table cache_probe (id integer primary key, name text)`.execute(db);
    await sql`insert into cache_probe (id, name) values (1, 'one')`.execute(db);
    const read = () => sql<Record<string, unknown>>`select * from cache_probe`.execute(db);
    expect((await read()).rows).toEqual([{ id: 1, name: 'one' }]);
    await sql`alter table cache_probe add column extra text default 'x'`.execute(db);
    expect((await read()).rows).toEqual([{ id: 1, name: 'one', extra: 'x' }]);
    await sql`drop table cache_probe`.execute(db);
    await expect(read()).rejects.toThrow(/cache_probe/);
    await sql`create table cache_probe (id integer primary key, title text)`.execute(db);
    await sql`insert into cache_probe (id, title) values (2, 'two')`.execute(db);
    expect((await read()).rows).toEqual([{ id: 2, title: 'two' }]);
  });

  it('write transactions (BEGIN IMMEDIATE … COMMIT) commit and roll back as before', async () => {
    database = await createTestDb();
    const db = database.db;
    await sql`create table cache_tx (n integer)`.execute(db);
    for (let i = 1; i <= 3; i++) {
      await db.transaction().execute(async (trx) => {
        await sql`insert into cache_tx (n) values (${i})`.execute(trx);
      });
    }
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into cache_tx (n) values (${99})`.execute(trx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const rows = await sql<{ n: number }>`select n from cache_tx order by n`.execute(db);
    expect(rows.rows.map((r) => r.n)).toEqual([1, 2, 3]);
  });
});
