import { CamelCasePlugin, Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import { dialectOf, makeDialect, type DialectName } from './dialect.js';
import { createCaches, type Caches } from '../lib/caches.js';
import { countStatement } from '../lib/statement-count.js';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** A database handle or an open transaction: repos accept either. */
export type DbOrTrx = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  dialect: DialectName;
  /** Sessions, tokens, users and settings kept in memory for this handle (lib/caches.ts). Every app
   * built on the handle shares them, so a change made through one is seen by the others at once. */
  caches: Caches;
  close(): Promise<void>;
}

export function createDb(url: string, opts: { pgSchema?: string; poolSize?: number } = {}): Database {
  const handle = makeDialect(url, opts);
  const db = new Kysely<DB>({
    dialect: handle.dialect,
    plugins: [new CamelCasePlugin()],
    // Counts the request's statements when it is being counted (tests and the benchmark); else nothing.
    log: countStatement,
  });
  return { db, dialect: dialectOf(url), caches: createCaches(), close: () => db.destroy() };
}
