// The ONLY place where SQLite and PostgreSQL differ. Everything else speaks Kysely.
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Dialect,
  type RawBuilder,
  type SqliteDatabase,
  type Driver,
  type Transaction,
} from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type DialectName = 'sqlite' | 'postgres';

/** Column types that differ between the two databases, handed to migrations. */
export interface ColumnTypes {
  instant: 'text' | 'timestamptz';
  date: 'text' | 'date';
  json: 'text' | 'jsonb';
}

export const columnTypes = (d: DialectName): ColumnTypes =>
  d === 'sqlite' ? { instant: 'text', date: 'text', json: 'text' } : { instant: 'timestamptz', date: 'date', json: 'jsonb' };

export function dialectOf(url: string): DialectName {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/** An idle connection dropped by the server (restart, failover, proxy timeout) is an 'error' event
 * of the pool; without a listener Node ends the process. The pool replaces the connection itself. */
const logPoolError = (err: Error) => console.error(`PostgreSQL connection lost: ${err.message}`);

let pgParsersSet = false;
function setPgParsers() {
  if (pgParsersSet) return;
  pgParsersSet = true;
  // Instants travel as ISO strings and dates as YYYY-MM-DD on both dialects.
  pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz
  pg.types.setTypeParser(1114, (v) => new Date(v + 'Z').toISOString()); // timestamp
  pg.types.setTypeParser(1082, (v) => v); // date
  pg.types.setTypeParser(20, (v) => Number(v)); // int8 (counts)
  pg.types.setTypeParser(1700, (v) => v); // numeric stays text
}

export interface DialectHandle {
  name: DialectName;
  dialect: Dialect;
}

/** Write transactions start with BEGIN IMMEDIATE: a deferred one that upgrades to a write can fail
 * at once with SQLITE_BUSY when another process holds the lock. */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/** How many prepared statements a SQLite connection keeps: every query shape the app has, with room. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver calls `prepare(sql)` for every query, and preparing (parsing and planning)
 * was a tenth of a simple request's time. A better-sqlite3 Statement can be run again with new
 * parameters, so this hands out one Statement per SQL text, least recently used dropped first.
 * After a schema change SQLite re-prepares a stale statement by itself on its next run
 * (sqlite3_prepare_v2 and SQLITE_SCHEMA), so migrations need no flush. A statement still busy (a
 * streamed select being iterated) is never handed out twice: such a caller gets a fresh one.
 */
export function cachingStatements(conn: Database.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => {
      cache.clear();
      conn.close();
    },
    prepare(text: string) {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        // Re-inserted so the Map's order is the order of last use.
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const stmt = conn.prepare(text);
      if (hit) return stmt;
      cache.set(text, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

export function makeDialect(url: string, opts: { pgSchema?: string; poolSize?: number } = {}): DialectHandle {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const conn = new Database(file);
    conn.pragma('journal_mode = WAL');
    // better-sqlite3 defaults WAL to NORMAL: an acknowledged commit could be lost on power loss.
    conn.pragma('synchronous = FULL');
    conn.pragma('foreign_keys = ON');
    conn.pragma('busy_timeout = 5000');
    // PostgreSQL's reverse(text), which SQLite lacks: migrations use it on both.
    conn.function('reverse', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? [...v].reverse().join('') : v));
    return { name: 'sqlite', dialect: new ImmediateSqliteDialect({ database: cachingStatements(conn) }) };
  }
  setPgParsers();
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
  });
  pool.on('error', logPoolError);
  return { name: 'postgres', dialect: new PostgresDialect({ pool }) };
}

/** Hold a lock for the rest of the transaction (PostgreSQL), so concurrent instances serialise. */
export async function transactionLock(db: Kysely<any>, d: DialectName, key: number): Promise<void> {
  if (d === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(db);
}

/** A select that can take row locks (Kysely's SelectQueryBuilder). */
interface Lockable<Q> {
  forUpdate(of?: any): Q;
  skipLocked(): Q;
}

/** Locks the rows a read returns until the end of the transaction, for a read-merge-write or a claim.
 * PostgreSQL: FOR UPDATE (OF the given table, so the query may outer-join others; SKIP LOCKED lets
 * concurrent claimers take disjoint rows instead of waiting). SQLite has no row locks and needs
 * none: a write transaction holds the database's one write lock from BEGIN IMMEDIATE on. The
 * dialect is read from the handle, so repos keep taking just `db`. */
export function forUpdate<Q extends Lockable<Q>>(db: Kysely<any>, query: Q, opts: { of?: string; skipLocked?: boolean } = {}): Q {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return query;
  const locked = query.forUpdate(opts.of);
  return opts.skipLocked ? locked.skipLocked() : locked;
}

/** Is this error a unique-constraint violation? */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** Cross-instance publish/subscribe. PostgreSQL: LISTEN/NOTIFY (delivered on commit, a hint only;
 * the tables stay the truth). SQLite: one process, so an in-process emitter is enough. */
export interface PubSub {
  /** Sends at once, outside any transaction (a hint about a change already committed). */
  publish(message: object): Promise<void>;
  /** Runs `work` in a write transaction; what it publishes goes out if and only if that transaction
   * commits. PostgreSQL: pg_notify on the transaction's own connection (NOTIFY is transactional), so
   * a crash or error before the commit sends nothing and leaves the work undone for another
   * instance. SQLite: delivered in-process right after the commit (one process: a crash takes the
   * browsers' streams with it, and they refetch when they reconnect). */
  transaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>, publish: (message: object) => void) => Promise<T>): Promise<T>;
  subscribe(listener: (message: any) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'crm_notifications';

/** `listenUrl`: where the LISTEN connection goes when `url` passes a transaction-mode pooler
 * (LISTEN belongs to a session, which such a pooler does not keep); NOTIFY goes through `url`. */
export function createPubSub(url: string, opts: { pgSchema?: string; listenUrl?: string | null } = {}): PubSub {
  const listeners = new Set<(m: any) => void>();
  const deliver = (m: object) => {
    for (const l of listeners) l(m);
  };
  const subscribe = (l: (m: any) => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  if (url.startsWith('sqlite:')) {
    return {
      publish: async (m) => deliver(m),
      async transaction(db, work) {
        const queued: object[] = [];
        const result = await db.transaction().execute((trx) => work(trx, (m) => queued.push(m)));
        for (const m of queued) deliver(m);
        return result;
      },
      subscribe,
      close: async () => listeners.clear(),
    };
  }
  // A schema-scoped channel keeps parallel test databases apart.
  const channel = opts.pgSchema ? `${CHANNEL}_${opts.pgSchema}` : CHANNEL;
  let client: pg.Client | null = null;
  let closed = false;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // Keeps one LISTEN connection for the life of the process: retried while the database is
  // down, re-opened when it drops. Meanwhile browsers still poll, so nothing is lost; what was
  // missed meanwhile is unknown, so a re-opened connection tells its listeners `{ type: 'resync' }`
  // (the in-memory caches drop everything).
  let listenedBefore = false;
  const connect = async (): Promise<void> => {
    while (!closed) {
      const c = new pg.Client({ connectionString: opts.listenUrl ?? url });
      let up = false;
      c.on('notification', (n) => {
        if (n.channel === channel && n.payload) deliver(JSON.parse(n.payload));
      });
      c.on('error', () => {});
      c.on('end', () => {
        if (client === c) client = null;
        if (up && !closed) void connect();
      });
      try {
        await c.connect();
        await c.query(`listen ${channel}`);
        up = true;
        client = c;
        if (listenedBefore) deliver({ type: 'resync' });
        listenedBefore = true;
        return;
      } catch {
        await c.end().catch(() => {});
        await sleep(1000);
      }
    }
  };
  const ready = connect();
  const publisher = new pg.Pool({ connectionString: url, max: 2 });
  publisher.on('error', logPoolError);
  return {
    async publish(m) {
      await publisher.query('select pg_notify($1, $2)', [channel, JSON.stringify(m)]);
    },
    transaction(db, work) {
      return db.transaction().execute(async (trx) => {
        const queued: string[] = [];
        const result = await work(trx, (m) => queued.push(JSON.stringify(m)));
        // One statement for the whole batch; queued until COMMIT, dropped by a rollback.
        if (queued.length) await sql`select pg_notify(${channel}, m) from unnest(${queued}::text[]) as m`.execute(trx);
        return result;
      });
    },
    subscribe,
    async close() {
      closed = true;
      listeners.clear();
      await ready.catch(() => {});
      await client?.end().catch(() => {});
      await publisher.end();
    },
  };
}

/** For one transaction that groups millions of rows (the ABC fill): on PostgreSQL, enough memory
 * for the hash aggregate to stay off disk, and no JIT compilation (a second of its own per query). */
export async function allowLargeAggregate(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`set local work_mem = '256MB'`.execute(db);
  await sql`set local jit = off`.execute(db);
}

/** Whole minutes from one instant column to another, rounded as the app rounds (half up), never
 * negative, 0 without an end: the events report's duration sums, computed where the rows are. */
export function minutesBetween(db: Kysely<any>, start: string, end: string): RawBuilder<number> {
  const [s, e] = [sql.ref(start), sql.ref(end)];
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    return sql<number>`coalesce(greatest(0, floor((extract(epoch from ${e} - ${s}) * 1000 + 30000) / 60000)), 0)`;
  return sql<number>`coalesce(max(0, (cast(round((julianday(${e}) - julianday(${s})) * 86400000) as integer) + 30000) / 60000), 0)`;
}

/** The UTC hour an instant column falls in, as 'YYYY-MM-DDTHH' (a bucket the app maps to periods in a time zone). */
export function utcHourOf(db: Kysely<any>, column: string): RawBuilder<string> {
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24')`;
  return sql<string>`substr(${sql.ref(column)}, 1, 13)`;
}

/** A column of `rowsOf`: its name and its PostgreSQL type. */
export interface RowsColumn {
  name: string;
  type: 'text' | 'bigint' | 'integer';
}

/**
 * Many rows as one table expression for `INSERT … SELECT … FROM`, bound as a few parameters instead
 * of one per value (a bulk write without compiling and parsing tens of thousands of placeholders):
 * PostgreSQL `unnest` of one typed array per column; SQLite `json_each` over one JSON array of rows
 * (each row an array in column order). `rows[i][j]` is column j of row i.
 */
export function rowsOf(db: Kysely<any>, columns: RowsColumn[], rows: unknown[][]): RawBuilder<unknown> {
  const names = sql.join(columns.map((c) => sql.id(c.name)));
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const arrays = columns.map((c, j) => sql`${rows.map((r) => r[j])}::${sql.raw(c.type)}[]`);
    return sql`(select * from unnest(${sql.join(arrays)}) as r(${names}))`;
  }
  const fields = columns.map((c, j) => sql`json_extract(j.value, ${`$[${j}]`}) as ${sql.id(c.name)}`);
  return sql`(select ${sql.join(fields)} from json_each(${JSON.stringify(rows)}) as j)`;
}
