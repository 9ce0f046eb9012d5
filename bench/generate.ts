// Fills a database with a large data set for the benchmark.
//   npx tsx bench/generate.ts [DATABASE_URL] [--counterparties 1000000] [--reset] [--analyze]
//   npx tsx bench/generate.ts [DATABASE_URL] --scale L [--reset]    # the full data set, see SCALES
//   npx tsx bench/generate.ts [DATABASE_URL] --scale S [--reset]    # the same shape, a few thousand rows (CI)
// DATABASE_URL defaults to $BENCH_DATABASE_URL, then sqlite:./data/bench.sqlite.
// Without --scale only counterparties, their contact information and persons are made (10 managers).
// With --scale also products, events with reminder tasks and sales with lines, 200 users owning the
// counterparties Zipf-like; --counterparties, --events, --sale-lines, --users, --products override.
// Rows go in directly, not through the services (they would take hours for a million cards);
// dataset.ts and activity.ts make them as the services would. The bulk tables' secondary indexes
// (and on SQLite the FTS5 triggers of migration 0012) are dropped for the load and made again from
// their saved definitions at the end, then the trigram tables are rebuilt. SQLite: reused prepared
// multi-row INSERTs of better-sqlite3 in big transactions (--rows-per-statement, default 100).
// PostgreSQL: INSERT … SELECT FROM unnest(one array per column), 10,000 rows a statement,
// synchronous_commit off; foreign keys off for the load when the user may (a superuser), then each
// key checked once with an anti-join; VACUUM ANALYZE.
// Timings go to stdout and, with --scale, to bench/results/generate-<dialect>-<scale>.json (not with --no-write).
import os from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { migrate } from '../server/db/migrate.js';
import { systemClock } from '../server/lib/clock.js';
import { createUser } from '../server/features/users/users.service.js';
import { updateSettings } from '../server/features/settings/settings.service.js';
import { phoneToE164 } from '../server/features/contact-info/contact-info.logic.js';
import type { Actor } from '../server/lib/actor.js';
import { seededRandom } from '../server/demo/demo.logic.js';
import { newId } from '../server/lib/ids.js';
import { BENCH_ADMIN, benchUrl, flag, hasFlag, openBenchDb, preparePostgres, redact, resetSqlite, serviceDeps } from './common.js';
import { addCounterparty, type Batch, type GenContext } from './dataset.js';
import { event, products, sale, zipfPicker, type Population } from './activity.js';

export const SCALES = {
  L: { counterparties: 1_000_000, personsPerCounterparty: 3, events: 5_000_000, saleLines: 5_000_000, users: 200, products: 3_000 },
  S: { counterparties: 2_000, personsPerCounterparty: 3, events: 10_000, saleLines: 10_000, users: 20, products: 200 },
} as const;
export type Scale = keyof typeof SCALES;

const COUNTERPARTIES_PER_TRANSACTION = 20_000;
const MANAGERS = 10;
const EVENTS_PER_TRANSACTION = 50_000;
const SALES_PER_TRANSACTION = 10_000;
const SALES_PER_CHUNK = 1_000;
const SQLITE_ROWS_PER_STATEMENT = 100;
/** Journal mode during the load; the file is a WAL database again afterwards. */
const SQLITE_LOAD_JOURNAL = 'wal';
/** Rows made in memory before they are handed to the loader (parents first within a chunk). */
const CHUNK = 5_000;

/** The tables the generator fills in bulk: their secondary indexes (and, on SQLite, search triggers)
 * are dropped for the load and made again at the end, from their own saved definitions. */
const BULK_TABLES = ['counterparties', 'contact_persons', 'contact_info', 'products', 'events', 'tasks', 'sales', 'sale_lines'];

type Row = Record<string, unknown>;
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

interface TableStat {
  rows: number;
  /** Time the database spent on this table's statements. */
  seconds: number;
}

/** Writes generated rows in bulk, outside Kysely (it would compile every multi-row statement again). */
interface BulkLoader {
  /** Rows of one table; rows of a call go in after those of every earlier call. */
  insert(table: string, rows: Row[]): Promise<void>;
  /** Ends the transaction (SQLite) or waits for what was sent (PostgreSQL). */
  commit(): Promise<void>;
  /** Indexes, triggers and search tables back; foreign keys checked if they were off. Step timings. */
  finish(): Promise<Record<string, number>>;
  close(): Promise<void>;
  stats: Record<string, TableStat>;
}

/** SQLite: prepared multi-row INSERTs of better-sqlite3, reused, inside big transactions. */
function sqliteLoader(file: string, opts: { rowsPerStatement: number; journal: string }): BulkLoader {
  const conn = new Sqlite(file);
  conn.pragma('synchronous = off');
  conn.pragma('cache_size = -1000000');
  conn.pragma('temp_store = memory');
  conn.pragma('foreign_keys = on');
  if (opts.journal !== 'wal') conn.pragma(`journal_mode = ${opts.journal}`);
  const names = BULK_TABLES.map((t) => `'${t}'`).join(', ');
  const saved = conn
    .prepare(
      `select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null and tbl_name in (${names}) order by rowid`,
    )
    .all() as { type: 'index' | 'trigger'; name: string; sql: string }[];
  for (const s of saved) conn.exec(`drop ${s.type} "${s.name}"`);
  const statements = new Map<string, Sqlite.Statement>();
  const stats: Record<string, TableStat> = {};
  let open = false;
  const statement = (table: string, cols: string[], n: number) => {
    const key = `${table}|${cols.join(',')}|${n}`;
    let s = statements.get(key);
    if (!s) {
      const tuple = `(${cols.map(() => '?').join(', ')})`;
      s = conn.prepare(`insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values ${Array(n).fill(tuple).join(', ')}`);
      statements.set(key, s);
    }
    return s;
  };
  return {
    stats,
    async insert(table, rows) {
      if (rows.length === 0) return;
      const t = process.hrtime.bigint();
      if (!open) conn.exec('begin');
      open = true;
      const keys = Object.keys(rows[0]);
      const cols = keys.map(snake);
      // SQLite allows 32,766 parameters in a statement.
      const per = Math.max(1, Math.min(opts.rowsPerStatement, Math.floor(32_000 / keys.length)));
      for (let i = 0; i < rows.length; i += per) {
        const n = Math.min(per, rows.length - i);
        const values: unknown[] = new Array(n * keys.length);
        let k = 0;
        for (let j = i; j < i + n; j++) {
          const row = rows[j];
          for (const key of keys) values[k++] = row[key] ?? null;
        }
        statement(table, cols, n).run(values);
      }
      const s = (stats[table] ??= { rows: 0, seconds: 0 });
      s.rows += rows.length;
      s.seconds += seconds(t);
    },
    async commit() {
      if (open) conn.exec('commit');
      open = false;
    },
    async finish() {
      await this.commit();
      const steps: Record<string, number> = {};
      let t = process.hrtime.bigint();
      for (const s of saved) if (s.type === 'index') conn.exec(s.sql);
      steps.indexes = seconds(t);
      t = process.hrtime.bigint();
      for (const s of saved) if (s.type === 'trigger') conn.exec(s.sql);
      // The trigram tables of migration 0012, filled once from their base tables.
      for (const table of BULK_TABLES) {
        const fts = `${table}_fts`;
        if (conn.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(fts))
          conn.exec(`insert into "${fts}"("${fts}") values ('rebuild')`);
      }
      steps.searchIndexes = seconds(t);
      if (opts.journal !== 'wal') conn.pragma('journal_mode = wal');
      return steps;
    },
    async close() {
      conn.close();
    },
  };
}

const PG_ROWS_PER_STATEMENT = 10_000;
/** Statements sent and not yet answered: the next chunk is made while the server writes. */
const PG_IN_FLIGHT = 3;

/** PostgreSQL: INSERT … SELECT FROM unnest(one array per column) on one connection, pipelined. */
async function pgLoader(url: string): Promise<BulkLoader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  await client.query("set maintenance_work_mem = '512MB'");
  // Foreign keys are triggers: off for the load when allowed (a superuser), checked once at the end.
  let foreignKeysOff = false;
  try {
    await client.query('set session_replication_role = replica');
    foreignKeysOff = true;
  } catch {
    // Not allowed: every row is checked as it goes in.
  }
  const saved = (
    await client.query(
      `select schemaname, indexname, tablename, indexdef from pg_indexes i
        where schemaname = current_schema() and tablename = any($1)
          and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
        order by tablename, indexname`,
      [BULK_TABLES],
    )
  ).rows as { schemaname: string; indexname: string; indexdef: string }[];
  for (const s of saved) await client.query(`drop index "${s.schemaname}"."${s.indexname}"`);
  const types = new Map<string, string>();
  for (const c of (
    await client.query(
      'select table_name, column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = any($1)',
      [BULK_TABLES],
    )
  ).rows)
    types.set(`${c.table_name}.${c.column_name}`, c.udt_name);
  const stats: Record<string, TableStat> = {};
  let inFlight: Promise<void>[] = [];
  let failure: unknown;
  let lastDone = process.hrtime.bigint();
  let tail: Promise<unknown> = Promise.resolve();
  const send = (table: string, cols: string[], arrays: unknown[][], n: number) => {
    const params = cols.map((c, i) => {
      const type = types.get(`${table}.${c}`);
      if (!type) throw new Error(`${table}.${c}: no such column`);
      return `$${i + 1}::${type}[]`;
    });
    const text = `insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) select * from unnest(${params.join(', ')})`;
    // One statement at a time on the connection (pg queues, but no longer wants to be asked to),
    // chained so the caller makes the next rows meanwhile.
    let sent = 0n;
    tail = tail.then(() => {
      sent = process.hrtime.bigint();
      return client.query(text, arrays);
    });
    return tail.then(
      () => {
        const done = process.hrtime.bigint();
        const s = (stats[table] ??= { rows: 0, seconds: 0 });
        s.rows += n;
        s.seconds += Number(done - (sent > lastDone ? sent : lastDone)) / 1e9;
        lastDone = done;
      },
      (err) => {
        failure ??= err;
      },
    );
  };
  const wait = async () => {
    await Promise.all(inFlight);
    inFlight = [];
    if (failure) throw failure;
  };
  return {
    stats,
    async insert(table, rows) {
      if (rows.length === 0) return;
      const keys = Object.keys(rows[0]);
      const cols = keys.map(snake);
      for (let i = 0; i < rows.length; i += PG_ROWS_PER_STATEMENT) {
        const n = Math.min(PG_ROWS_PER_STATEMENT, rows.length - i);
        const arrays = keys.map(() => new Array(n));
        for (let j = 0; j < n; j++) {
          const row = rows[i + j];
          for (let k = 0; k < keys.length; k++) arrays[k][j] = row[keys[k]] ?? null;
        }
        inFlight.push(send(table, cols, arrays, n));
        if (inFlight.length > PG_IN_FLIGHT) await inFlight.shift();
        if (failure) throw failure;
      }
    },
    commit: wait,
    async finish() {
      await wait();
      if (foreignKeysOff) await client.query('reset session_replication_role');
      const steps: Record<string, number> = {};
      let t = process.hrtime.bigint();
      for (const s of saved) await client.query(s.indexdef);
      steps.indexes = seconds(t);
      if (foreignKeysOff) {
        t = process.hrtime.bigint();
        const keys = (
          await client.query(
            `select c.conname, cardinality(c.conkey) as width, c.conrelid::regclass::text as child, a.attname as col, c.confrelid::regclass::text as parent, pa.attname as pcol
               from pg_constraint c
               join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
               join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
              where c.contype = 'f' and c.connamespace = current_schema()::regnamespace
                and c.conrelid in (select oid from pg_class where relname = any($1) and relnamespace = current_schema()::regnamespace)`,
            [BULK_TABLES],
          )
        ).rows as { conname: string; width: number; child: string; col: string; parent: string; pcol: string }[];
        for (const k of keys) {
          if (k.width !== 1) throw new Error(`foreign key ${k.conname}: only single-column keys are checked`);
          const orphans = await client.query(
            `select count(*)::int as n from ${k.child} x where x."${k.col}" is not null and not exists (select 1 from ${k.parent} p where p."${k.pcol}" = x."${k.col}")`,
          );
          if (orphans.rows[0].n > 0)
            throw new Error(`foreign key ${k.conname}: ${orphans.rows[0].n} rows of ${k.child} without their ${k.parent}`);
        }
        steps.foreignKeyCheck = seconds(t);
      }
      return steps;
    },
    async close() {
      await client.end();
    },
  };
}

/** The generator must write what the services write: check a sample against the real normaliser. */
function checkSample(batch: Batch) {
  for (const row of batch.contactInfo.filter((c) => c.kind === 'phone').slice(0, 200)) {
    const e164 = phoneToE164(row.value as string, 'RU');
    if (e164 !== row.normalized) throw new Error(`phone "${row.value}" normalises to ${e164}, generator wrote ${row.normalized}`);
  }
}

function scaleOf(): Scale | undefined {
  const v = flag('scale');
  if (v === undefined) return undefined;
  if (v !== 'L' && v !== 'S') throw new Error('--scale must be L or S');
  return v;
}

function count(name: string, fallback: number): number {
  const raw = flag(name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
}

async function main() {
  const url = benchUrl();
  const scale = scaleOf();
  const plan = scale ? SCALES[scale] : undefined;
  const total = count('counterparties', plan?.counterparties ?? 1_000_000);
  if (total < 1) throw new Error('--counterparties must be a positive integer');
  const eventCount = count('events', plan?.events ?? 0);
  const saleLineTarget = count('sale-lines', plan?.saleLines ?? 0);
  const userCount = count('users', plan?.users ?? MANAGERS + 1);
  const productCount = Math.max(1, count('products', plan?.products ?? 0));
  if (userCount < 2) throw new Error('--users must be at least 2');
  const reset = hasFlag('reset');
  const isSqlite = url.startsWith('sqlite:');
  if (isSqlite && reset) resetSqlite(url);
  if (!isSqlite && reset && new URL(url).searchParams.has('options'))
    throw new Error('--reset drops the whole PostgreSQL database: not with connection options (a schema of a shared database) in the URL');
  if (!isSqlite) await preparePostgres(url, reset);

  const wallStarted = Date.now();
  const database = openBenchDb(url);
  const { dialect } = database;
  let { db } = database;
  await migrate(db, dialect);
  const existing = Number(
    (
      await db
        .selectFrom('counterparties')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (existing > 0) {
    console.error(`${redact(url)} already holds ${existing} counterparties; run with --reset to start again.`);
    await database.close();
    process.exit(1);
  }

  const deps = serviceDeps(database, systemClock, url);
  const adminUser = await createUser(deps, null, { ...BENCH_ADMIN, role: 'admin' });
  const admin: Actor = {
    id: adminUser.id,
    role: 'admin',
    name: adminUser.name,
    email: adminUser.email,
    language: 'ru',
    timeZone: 'Europe/Moscow',
    via: 'session',
  };
  // Managers: the first through the service, the others with its password hash (hashing 200 times
  // would only slow the generator down). Ranked: manager1 owns the most under the Zipf ownership.
  const users: string[] = [];
  const first = await createUser(deps, admin, {
    name: 'Менеджер 1',
    email: 'manager1@example.com',
    password: BENCH_ADMIN.password,
    role: 'manager',
  });
  users.push(first.id);
  const hash = (await db.selectFrom('users').select('passwordHash').where('id', '=', first.id).executeTakeFirstOrThrow()).passwordHash;
  const at = new Date().toISOString();
  const more = [];
  for (let m = 2; m < userCount; m++) {
    const id = newId();
    users.push(id);
    more.push({
      id,
      email: `manager${m}@example.com`,
      name: `Менеджер ${m}`,
      passwordHash: hash,
      role: 'manager' as const,
      blockedAt: null,
      createdAt: at,
      createdBy: admin.id,
      updatedAt: at,
      updatedBy: admin.id,
    });
  }
  for (let i = 0; i < more.length; i += 500)
    await db
      .insertInto('users')
      .values(more.slice(i, i + 500))
      .execute();
  // Without --scale the admin owns counterparties too, uniformly as before; with it the admin is last.
  if (scale) users.push(admin.id);
  else users.unshift(admin.id);
  await updateSettings(deps, admin, { companyName: 'ООО «Бенчмарк»' });

  const now = Date.now();
  const spanMs = 5 * 365 * 24 * 3600 * 1000;
  const pickUser = zipfPicker(users.length);
  const ctx: GenContext = {
    r: seededRandom(1_000_003),
    users,
    adminId: admin.id,
    total,
    startMs: now - spanMs,
    spanMs,
    counters: { legal: 0, sole: 0 },
    ...(plan ? { personsPerCounterparty: plan.personsPerCounterparty, pickOwner: pickUser } : {}),
  };
  const userIndex = new Map(users.map((u, i) => [u, i]));
  const pop: Population = {
    ids: [],
    owner: new Uint16Array(total),
    isCustomer: new Uint8Array(total),
    firstPerson: [],
    users,
    pickUser,
  };
  const timings: Record<string, number> = {};
  // Settings and users are in; the rest goes in through the bulk loader on a connection of its own.
  await database.close();
  const started = Date.now();
  const loader: BulkLoader = isSqlite
    ? sqliteLoader(url.slice('sqlite:'.length), {
        rowsPerStatement: count('rows-per-statement', SQLITE_ROWS_PER_STATEMENT),
        journal: flag('journal') ?? SQLITE_LOAD_JOURNAL,
      })
    : await pgLoader(url);
  timings.dropIndexes = (Date.now() - started) / 1000;
  const counts = { counterparties: 0, contactInfo: 0, persons: 0, products: 0, events: 0, tasks: 0, sales: 0, saleLines: 0 };
  const progress = (what: string, done: number, all: number, since: number) => {
    const s = (Date.now() - since) / 1000;
    const eta = ((all - done) / (done / s)).toFixed(0);
    process.stdout.write(`\r${done.toLocaleString('en')} / ${all.toLocaleString('en')} ${what}, ${s.toFixed(0)} s, ~${eta} s left   `);
  };
  let t = Date.now();
  for (let from = 0; from < total; from += COUNTERPARTIES_PER_TRANSACTION) {
    const to = Math.min(total, from + COUNTERPARTIES_PER_TRANSACTION);
    for (let b = from; b < to; b += CHUNK) {
      const batch: Batch = { counterparties: [], contactInfo: [], persons: [] };
      for (let i = b; i < Math.min(to, b + CHUNK); i++) addCounterparty(ctx, i, batch);
      if (b === 0) checkSample(batch);
      // Parents first: contact information and persons refer to counterparties, person info to persons.
      await loader.insert('counterparties', batch.counterparties);
      await loader.insert('contact_persons', batch.persons);
      await loader.insert('contact_info', batch.contactInfo);
      counts.counterparties += batch.counterparties.length;
      counts.contactInfo += batch.contactInfo.length;
      counts.persons += batch.persons.length;
      if (plan) {
        const personOf = new Map<string, string>();
        for (const p of batch.persons) if (p.counterpartyId && !personOf.has(p.counterpartyId)) personOf.set(p.counterpartyId, p.id);
        for (const c of batch.counterparties) {
          const k = pop.ids.length;
          pop.ids.push(c.id);
          pop.owner[k] = userIndex.get(c.responsibleUserId as string) ?? 0;
          pop.isCustomer[k] = c.isCustomer ? 1 : 0;
          pop.firstPerson.push(personOf.get(c.id) ?? null);
        }
      }
    }
    await loader.commit();
    progress('counterparties', to, total, t);
  }
  timings.counterparties = (Date.now() - t) / 1000;
  console.log(
    `\nInserted ${counts.counterparties} counterparties, ${counts.persons} contact persons, ${counts.contactInfo} contact information rows in ${timings.counterparties.toFixed(1)} s`,
  );

  if (plan) {
    const r = seededRandom(2_000_003);
    // Products.
    t = Date.now();
    const catalogue = products(r, productCount, admin.id, new Date(now - 2 * 365 * 86_400_000).toISOString());
    await loader.insert('products', catalogue.rows);
    await loader.commit();
    counts.products = catalogue.rows.length;
    timings.products = (Date.now() - t) / 1000;

    // Events over two years (21 months back, 3 ahead), one in ten with a reminder task.
    t = Date.now();
    const span = { fromMs: now - 639 * 86_400_000, spanMs: 730 * 86_400_000, nowMs: now };
    for (let from = 0; from < eventCount; from += EVENTS_PER_TRANSACTION) {
      const to = Math.min(eventCount, from + EVENTS_PER_TRANSACTION);
      for (let b = from; b < to; b += CHUNK) {
        const out = { events: [], tasks: [] };
        for (let i = b; i < Math.min(to, b + CHUNK); i++) event(r, pop, span, i + 1, out);
        await loader.insert('events', out.events);
        await loader.insert('tasks', out.tasks);
        counts.events += out.events.length;
        counts.tasks += out.tasks.length;
      }
      await loader.commit();
      progress('events', to, eventCount, t);
    }
    timings.events = (Date.now() - t) / 1000;
    if (eventCount) console.log(`\nInserted ${counts.events} events, ${counts.tasks} tasks in ${timings.events.toFixed(1)} s`);

    // Sales over the last two years, 1-9 lines each, until the lines reach the target.
    t = Date.now();
    const days = {
      firstDayMs: Date.UTC(new Date(now).getUTCFullYear() - 2, new Date(now).getUTCMonth(), new Date(now).getUTCDate()),
      count: 730,
    };
    while (counts.saleLines < saleLineTarget) {
      for (let k = 0; k < SALES_PER_TRANSACTION / SALES_PER_CHUNK && counts.saleLines < saleLineTarget; k++) {
        const out = { sales: [], lines: [] };
        for (let i = 0; i < SALES_PER_CHUNK && counts.saleLines < saleLineTarget; i++)
          counts.saleLines += sale(r, pop, catalogue.catalogue, days, counts.sales + out.sales.length + 1, out);
        await loader.insert('sales', out.sales);
        await loader.insert('sale_lines', out.lines);
        counts.sales += out.sales.length;
      }
      await loader.commit();
      progress('sale lines', counts.saleLines, saleLineTarget, t);
    }
    timings.sales = (Date.now() - t) / 1000;
    if (saleLineTarget) console.log(`\nInserted ${counts.sales} sales, ${counts.saleLines} sale lines in ${timings.sales.toFixed(1)} s`);
  }
  const insertSeconds = (Date.now() - started) / 1000;
  t = Date.now();
  const steps = await loader.finish();
  await loader.close();
  for (const [step, s] of Object.entries(steps)) {
    timings[step] = s;
    console.log(`${step}: ${s.toFixed(1)} s`);
  }
  timings.finish = (Date.now() - t) / 1000;
  const tables = Object.fromEntries(
    Object.entries(loader.stats).map(([table, s]) => [
      table,
      { rows: s.rows, seconds: Number(s.seconds.toFixed(2)), rowsPerSecond: Math.round(s.rows / s.seconds) },
    ]),
  );
  for (const [table, s] of Object.entries(tables))
    console.log(
      `${table}: ${s.rows.toLocaleString('en')} rows in ${s.seconds} s of statements, ${s.rowsPerSecond.toLocaleString('en')} rows/s`,
    );

  const again = openBenchDb(url);
  db = again.db;
  if (plan) {
    // The numbering carries on after the generated documents, as nextNumber would.
    for (const [docType, lastNumber] of [
      ['event', counts.events],
      ['sale', counts.sales],
    ] as const) {
      if (lastNumber > 0)
        await db
          .insertInto('numberSequences')
          .values({ docType, lastNumber })
          .onConflict((oc) => oc.column('docType').doUpdateSet({ lastNumber }))
          .execute();
    }
  }

  // PostgreSQL's autovacuum analyses new tables on its own soon after a load; run it now so the
  // benchmark does not depend on when (with --scale VACUUM too, so index-only scans work as after
  // autovacuum). SQLite never analyses by itself: only with --analyze.
  if (dialect === 'postgres' || hasFlag('analyze')) {
    const t = Date.now();
    // Only the generated tables: the database may hold other schemas (the CI smoke test's).
    const tables = sql.raw('users, counterparties, contact_persons, contact_info, products, events, tasks, sales, sale_lines');
    await (dialect === 'postgres' && scale ? sql`vacuum analyze ${tables}` : sql`analyze`).execute(db);
    timings.analyze = (Date.now() - t) / 1000;
    console.log(`${dialect === 'postgres' && scale ? 'VACUUM ANALYZE' : 'ANALYZE'} took ${timings.analyze.toFixed(1)} s`);
  }
  if (isSqlite) await sql`pragma wal_checkpoint(truncate)`.execute(db);
  await again.close();
  timings.inserts = insertSeconds;
  timings.wall = (Date.now() - wallStarted) / 1000;
  console.log(`Inserts took ${insertSeconds.toFixed(1)} s, ${timings.wall.toFixed(1)} s in all`);
  if (scale && !hasFlag('no-write')) {
    mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/generate-${dialect}-${scale}.json`;
    const meta = {
      date: new Date().toISOString().slice(0, 10),
      url: redact(url),
      scale,
      machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}`,
      loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
      node: process.version,
      command: `npx tsx bench/generate.ts ${process.argv.slice(2).join(' ')}`.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    };
    writeFileSync(file, JSON.stringify({ meta, counts: { users: users.length, ...counts }, seconds: timings, tables }, null, 2) + '\n');
    console.log(`Written: ${file}`);
  }
  console.log(`Done: ${redact(url)}. Sign in as ${BENCH_ADMIN.email} / ${BENCH_ADMIN.password}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
