import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDatabase } from '../test/test-db.js';
import { migrate } from './migrate.js';

let database: TestDatabase;
afterEach(async () => database.close());

describe('migrations', () => {
  it('are applied once; a second run does nothing', async () => {
    database = await createTestDb();
    expect(await migrate(database.db, database.dialect)).toEqual([]);
    const names = await database.db
      .selectFrom('schemaMigrations' as never)
      .select('name' as never)
      .execute();
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it('reverse() exists on both dialects (search index backfill relies on it)', async () => {
    database = await createTestDb();
    const r = await sql<{ v: string }>`select reverse('74951234567') as v`.execute(database.db);
    expect(r.rows[0].v).toBe('76543215947');
  });
});
