import { CamelCasePlugin, Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import { dialectOf, makeDialect, type DialectName } from './dialect.js';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** A database handle or an open transaction: repos accept either. */
export type DbOrTrx = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

export function createDb(url: string, opts: { pgSchema?: string; poolSize?: number } = {}): Database {
  const handle = makeDialect(url, opts);
  const db = new Kysely<DB>({ dialect: handle.dialect, plugins: [new CamelCasePlugin()] });
  return { db, dialect: dialectOf(url), close: () => db.destroy() };
}
