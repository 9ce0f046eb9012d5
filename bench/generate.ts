// Fills a database with a large data set for the benchmark.
//   npx tsx bench/generate.ts [DATABASE_URL] [--counterparties 1000000] [--reset] [--analyze]
//   npx tsx bench/generate.ts [DATABASE_URL] --scale L [--reset]    # the full data set, see SCALES
//   npx tsx bench/generate.ts [DATABASE_URL] --scale S [--reset]    # the same shape, a few thousand rows (CI)
// DATABASE_URL defaults to $BENCH_DATABASE_URL, then sqlite:./data/bench.sqlite.
// Without --scale only counterparties, their contact information and persons are made (10 managers).
// With --scale also products, events with reminder tasks and sales with lines, 200 users owning the
// counterparties Zipf-like; --counterparties, --events, --sale-lines, --users, --products override.
// Rows go in directly with Kysely (multi-row inserts of 500 rows, large transactions): the services
// would take hours for a million cards. dataset.ts and activity.ts make them as the services would.
// Timings go to stdout and, with --scale, to bench/results/generate-<dialect>-<scale>.json (not with --no-write).
import os from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { migrate } from '../server/db/migrate.js';
import { systemClock } from '../server/lib/clock.js';
import { createUser } from '../server/features/users/users.service.js';
import { updateSettings } from '../server/features/settings/settings.service.js';
import { phoneToE164 } from '../server/features/contact-info/contact-info.logic.js';
import type { Actor } from '../server/lib/actor.js';
import type { Trx } from '../server/db/database.js';
import type { DB as Schema } from '../server/db/schema.js';
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

const ROWS_PER_STATEMENT = 500;
const COUNTERPARTIES_PER_TRANSACTION = 20_000;
const MANAGERS = 10;
const EVENTS_PER_TRANSACTION = 50_000;
const SALES_PER_STATEMENT = 100;
const SALES_PER_TRANSACTION = 10_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of the named table, shaped by dataset.ts / activity.ts
async function insertChunked(trx: Trx, table: keyof Schema, rows: any[]) {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .execute();
  }
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
  const { db, dialect } = database;
  if (isSqlite) {
    // Bulk load only: no fsync per commit and a big page cache. The app opens the file with its own settings.
    await sql`pragma synchronous = off`.execute(db);
    await sql`pragma cache_size = -1000000`.execute(db);
  }
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
  for (let i = 0; i < more.length; i += ROWS_PER_STATEMENT)
    await db
      .insertInto('users')
      .values(more.slice(i, i + ROWS_PER_STATEMENT))
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
  const started = Date.now();
  const counts = { counterparties: 0, contactInfo: 0, persons: 0, products: 0, events: 0, tasks: 0, sales: 0, saleLines: 0 };
  const progress = (what: string, done: number, all: number, since: number) => {
    const s = (Date.now() - since) / 1000;
    const eta = ((all - done) / (done / s)).toFixed(0);
    process.stdout.write(`\r${done.toLocaleString('en')} / ${all.toLocaleString('en')} ${what}, ${s.toFixed(0)} s, ~${eta} s left   `);
  };
  for (let from = 0; from < total; from += COUNTERPARTIES_PER_TRANSACTION) {
    const to = Math.min(total, from + COUNTERPARTIES_PER_TRANSACTION);
    await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
      for (let b = from; b < to; b += ROWS_PER_STATEMENT) {
        const batch: Batch = { counterparties: [], contactInfo: [], persons: [] };
        for (let i = b; i < Math.min(to, b + ROWS_PER_STATEMENT); i++) addCounterparty(ctx, i, batch);
        if (b === 0) checkSample(batch);
        // Parents first: contact information and persons refer to counterparties, person info to persons.
        await insertChunked(trx, 'counterparties', batch.counterparties);
        await insertChunked(trx, 'contactPersons', batch.persons);
        await insertChunked(trx, 'contactInfo', batch.contactInfo);
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
    });
    progress('counterparties', to, total, started);
  }
  timings.counterparties = (Date.now() - started) / 1000;
  console.log(
    `\nInserted ${counts.counterparties} counterparties, ${counts.persons} contact persons, ${counts.contactInfo} contact information rows in ${timings.counterparties.toFixed(1)} s`,
  );

  if (plan) {
    const r = seededRandom(2_000_003);
    // Products.
    let t = Date.now();
    const catalogue = products(r, productCount, admin.id, new Date(now - 2 * 365 * 86_400_000).toISOString());
    await db.transaction().execute((trx) => insertChunked(trx, 'products', catalogue.rows));
    counts.products = catalogue.rows.length;
    timings.products = (Date.now() - t) / 1000;

    // Events over two years (21 months back, 3 ahead), one in ten with a reminder task.
    t = Date.now();
    const span = { fromMs: now - 639 * 86_400_000, spanMs: 730 * 86_400_000, nowMs: now };
    for (let from = 0; from < eventCount; from += EVENTS_PER_TRANSACTION) {
      const to = Math.min(eventCount, from + EVENTS_PER_TRANSACTION);
      await db.transaction().execute(async (trx) => {
        if (dialect === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
        for (let b = from; b < to; b += ROWS_PER_STATEMENT) {
          const out = { events: [], tasks: [] };
          for (let i = b; i < Math.min(to, b + ROWS_PER_STATEMENT); i++) event(r, pop, span, i + 1, out);
          await insertChunked(trx, 'events', out.events);
          await insertChunked(trx, 'tasks', out.tasks);
          counts.events += out.events.length;
          counts.tasks += out.tasks.length;
        }
      });
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
      await db.transaction().execute(async (trx) => {
        if (dialect === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
        for (let k = 0; k < SALES_PER_TRANSACTION / SALES_PER_STATEMENT && counts.saleLines < saleLineTarget; k++) {
          const out = { sales: [], lines: [] };
          for (let i = 0; i < SALES_PER_STATEMENT && counts.saleLines < saleLineTarget; i++)
            counts.saleLines += sale(r, pop, catalogue.catalogue, days, counts.sales + out.sales.length + 1, out);
          await insertChunked(trx, 'sales', out.sales);
          await insertChunked(trx, 'saleLines', out.lines);
          counts.sales += out.sales.length;
        }
      });
      progress('sale lines', counts.saleLines, saleLineTarget, t);
    }
    timings.sales = (Date.now() - t) / 1000;
    if (saleLineTarget) console.log(`\nInserted ${counts.sales} sales, ${counts.saleLines} sale lines in ${timings.sales.toFixed(1)} s`);

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
  const loadSeconds = (Date.now() - started) / 1000;

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
  await database.close();
  timings.inserts = loadSeconds;
  timings.wall = (Date.now() - wallStarted) / 1000;
  console.log(`Inserts took ${loadSeconds.toFixed(1)} s, ${timings.wall.toFixed(1)} s in all`);
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
    writeFileSync(file, JSON.stringify({ meta, counts: { users: users.length, ...counts }, seconds: timings }, null, 2) + '\n');
    console.log(`Written: ${file}`);
  }
  console.log(`Done: ${redact(url)}. Sign in as ${BENCH_ADMIN.email} / ${BENCH_ADMIN.password}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
