// Fills a database with a large data set for the benchmark.
//   npx tsx bench/generate.ts [DATABASE_URL] [--counterparties 1000000] [--reset] [--analyze]
// DATABASE_URL defaults to $BENCH_DATABASE_URL, then sqlite:./data/bench.sqlite.
// Rows go in directly with Kysely (multi-row inserts of 500 rows, large transactions): the services
// would take hours for a million cards. dataset.ts makes them exactly as the services would.
import { sql } from 'kysely';
import { migrate } from '../server/db/migrate.js';
import { systemClock } from '../server/lib/clock.js';
import { createUser } from '../server/features/users/users.service.js';
import { updateSettings } from '../server/features/settings/settings.service.js';
import { phoneToE164 } from '../server/features/contact-info/contact-info.logic.js';
import type { Actor } from '../server/lib/actor.js';
import type { Trx } from '../server/db/database.js';
import { seededRandom } from '../server/demo/demo.logic.js';
import { BENCH_ADMIN, benchUrl, flag, hasFlag, openBenchDb, preparePostgres, redact, resetSqlite, serviceDeps } from './common.js';
import { addCounterparty, type Batch, type GenContext } from './dataset.js';

const ROWS_PER_STATEMENT = 500;
const COUNTERPARTIES_PER_TRANSACTION = 20_000;
const MANAGERS = 10;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of one of three tables, shaped by dataset.ts
async function insertChunked(trx: Trx, table: 'counterparties' | 'contactPersons' | 'contactInfo', rows: any[]) {
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

async function main() {
  const url = benchUrl();
  const total = Number(flag('counterparties') ?? 1_000_000);
  if (!Number.isInteger(total) || total < 1) throw new Error('--counterparties must be a positive integer');
  const reset = hasFlag('reset');
  const isSqlite = url.startsWith('sqlite:');
  if (isSqlite && reset) resetSqlite(url);
  if (!isSqlite) await preparePostgres(url, reset);

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
  const users = [admin.id];
  for (let m = 1; m <= MANAGERS; m++) {
    const u = await createUser(deps, admin, {
      name: `Менеджер ${m}`,
      email: `manager${m}@example.com`,
      password: BENCH_ADMIN.password,
      role: 'manager',
    });
    users.push(u.id);
  }
  await updateSettings(deps, admin, { companyName: 'ООО «Бенчмарк»' });

  const now = Date.now();
  const spanMs = 5 * 365 * 24 * 3600 * 1000;
  const ctx: GenContext = {
    r: seededRandom(1_000_003),
    users,
    adminId: admin.id,
    total,
    startMs: now - spanMs,
    spanMs,
    counters: { legal: 0, sole: 0 },
  };
  const started = Date.now();
  const counts = { counterparties: 0, contactInfo: 0, persons: 0 };
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
      }
    });
    const s = (Date.now() - started) / 1000;
    const eta = ((total - to) / (to / s)).toFixed(0);
    process.stdout.write(
      `\r${to.toLocaleString('en')} / ${total.toLocaleString('en')} counterparties, ${s.toFixed(0)} s, ~${eta} s left   `,
    );
  }
  const loadSeconds = (Date.now() - started) / 1000;
  console.log(
    `\nInserted ${counts.counterparties} counterparties, ${counts.persons} contact persons, ${counts.contactInfo} contact information rows in ${loadSeconds.toFixed(1)} s`,
  );

  // PostgreSQL's autovacuum analyses new tables on its own soon after a load; run it now so the
  // benchmark does not depend on when. SQLite never analyses by itself: only with --analyze.
  if (dialect === 'postgres' || hasFlag('analyze')) {
    const t = Date.now();
    await sql`analyze`.execute(db);
    console.log(`ANALYZE took ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  if (isSqlite) await sql`pragma wal_checkpoint(truncate)`.execute(db);
  await database.close();
  console.log(`Done: ${redact(url)}. Sign in as ${BENCH_ADMIN.email} / ${BENCH_ADMIN.password}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
