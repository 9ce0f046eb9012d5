// Shared by the generator and the harness: which database, how to reach it, and service deps.
import pg from 'pg';
import { rmSync } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig } from '../server/config.js';
import { createDb, type Database } from '../server/db/database.js';
import type { Deps } from '../server/deps.js';
import type { Clock } from '../server/lib/clock.js';
import { silentNotifier } from '../server/features/notifications/notifications.service.js';

const DEFAULT_URL = 'sqlite:./data/bench.sqlite';
export const BENCH_ADMIN = { name: 'Администратор бенчмарка', email: 'bench@example.com', password: 'bench-password' };

/** `--name value` from argv; positional arguments are returned by positionals(). */
export function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
export const hasFlag = (name: string) => process.argv.includes(`--${name}`);

function positionals(): string[] {
  const out: string[] = [];
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) {
      // Flags with a value: skip it.
      if (args[i + 1] !== undefined && !args[i + 1].startsWith('--') && !['--reset', '--analyze', '--no-write', '--http'].includes(args[i]))
        i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

export const benchUrl = () => positionals()[0] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_URL;

export const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** PostgreSQL: creates the database named in the URL when missing (or recreates it with reset). */
export async function preparePostgres(url: string, reset: boolean): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    if (reset) await c.query(`drop database if exists ${name} with (force)`);
    const exists = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await c.query(`create database ${name}`);
  } finally {
    await c.end();
  }
}

export function resetSqlite(url: string) {
  const file = url.slice('sqlite:'.length);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

export function openBenchDb(url: string): Database {
  return createDb(url, { poolSize: 4 });
}

const noop = () => {};
const silentLog = {
  level: 'silent',
  fatal: noop,
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  trace: noop,
  silent: noop,
  child: () => silentLog,
} as unknown as FastifyBaseLogger;

/** Dependencies for calling services directly (users, settings). */
export function serviceDeps(database: Database, clock: Clock, url: string): Deps {
  return {
    db: database.db,
    dialect: database.dialect,
    clock,
    log: silentLog,
    config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }),
    notifier: silentNotifier,
  };
}
