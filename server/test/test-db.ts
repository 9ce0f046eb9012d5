// A fresh, migrated database for one test file, on the dialect chosen by TEST_DB (sqlite | postgres).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { createDb, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';

const testDialect = (process.env.TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const APP_ROLE = 'crm_test';
const APP_DB = 'crm_test';

/** The app connects as an ordinary role that owns its database, never as a superuser. */
async function ensurePgDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const ignoreExists = (err: { code?: string }) => {
      if (!['42710', '42P04', '23505'].includes(err.code ?? '')) throw err;
    };
    const role = await admin.query('select 1 from pg_roles where rolname = $1', [APP_ROLE]);
    if (role.rowCount === 0) await admin.query(`create role ${APP_ROLE} login nosuperuser nocreatedb nocreaterole`).catch(ignoreExists);
    const db = await admin.query('select 1 from pg_database where datname = $1', [APP_DB]);
    if (db.rowCount === 0) await admin.query(`create database ${APP_DB} owner ${APP_ROLE}`).catch(ignoreExists);
  } finally {
    await admin.end();
  }
  const u = new URL(ADMIN_URL);
  u.username = APP_ROLE;
  u.pathname = `/${APP_DB}`;
  return u.toString();
}

export interface TestDatabase extends Database {
  url: string;
  schema?: string;
}

export async function createTestDb(): Promise<TestDatabase> {
  if (testDialect === 'sqlite') {
    const database = createDb('sqlite::memory:');
    await migrate(database.db, database.dialect);
    return { ...database, url: 'sqlite::memory:' };
  }
  const url = await ensurePgDatabase();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(`create schema ${schema}`);
  await setup.end();
  const database = createDb(url, { pgSchema: schema, poolSize: 5 });
  await migrate(database.db, database.dialect);
  return {
    ...database,
    url,
    schema,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
