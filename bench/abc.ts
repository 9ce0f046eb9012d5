// The ABC classification's «Заполнить» on a large data set: generates customers and a year of sales
// once, then times fill (and apply) through the service, as the API would run it.
//   npx tsx bench/abc.ts [DATABASE_URL] [--customers 100000] [--sales 5000000] [--reset] [--runs 3]
//   npm run bench:abc -- --short        # 10,000 customers, 200,000 sales: a minute, for a quick check
//   npx tsx bench/abc.ts sqlite:./data/bench-abc-l.sqlite --customers 850000 --sales 500000
//                                       # the shape of a year at scale L: most customers buy nothing
// Each run times the bare aggregate (abc.repo customerSums) and then the fill, alternately.
// DATABASE_URL defaults to sqlite:./data/bench-abc.sqlite (its own file: the API benchmark's
// database is left alone). Generation is skipped when the database already holds the customers.
//
// Only `sales` rows are generated, one per sale line: fill reads `sales` alone (revenue and cost are
// the documents' sums, kept in step with the lines by the sales service) and never touches
// `sale_lines`, so 5,000,000 one-line sales are the hardest form of "5,000,000 sale lines" for it:
// five times the rows to group than the same lines in five-line documents.
import os from 'node:os';
import { sql } from 'kysely';
import { v7 } from 'uuid';
import { migrate } from '../server/db/migrate.js';
import { systemClock } from '../server/lib/clock.js';
import { searchKey } from '../server/lib/names.js';
import { createUser } from '../server/features/users/users.service.js';
import type { Actor } from '../server/lib/actor.js';
import { seededRandom } from '../server/demo/demo.logic.js';
import * as abc from '../server/features/abc/abc.service.js';
import * as abcFill from '../server/features/abc/abc-fill.service.js';
import { customerSums } from '../server/features/abc/abc.repo.js';
import { monthBounds, monthsOf } from '../server/features/abc/abc.logic.js';
import { allowLargeAggregate } from '../server/db/dialect.js';
import { BENCH_ADMIN, flag, hasFlag, openBenchDb, preparePostgres, redact, resetSqlite, serviceDeps } from './common.js';

const ROWS_PER_STATEMENT = 500;
const ROWS_PER_TRANSACTION = 100_000;
const PERIOD = { from: '2025-12-01', to: '2026-11-30' };
const DAYS = 365;

const VALUE_FLAGS = ['--customers', '--sales', '--runs'];
const positional = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !VALUE_FLAGS.includes(all[i - 1]));
const url = positional ?? process.env.BENCH_ABC_DATABASE_URL ?? 'sqlite:./data/bench-abc.sqlite';
const short = hasFlag('short');
const customers = Number(flag('customers') ?? (short ? 10_000 : 100_000));
const salesCount = Number(flag('sales') ?? (short ? 200_000 : 5_000_000));
const runs = Number(flag('runs') ?? 3);

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const dayOf = (n: number) => new Date(Date.UTC(2025, 11, 1) + n * 86_400_000).toISOString().slice(0, 10);

async function generate(db: ReturnType<typeof openBenchDb>['db'], dialect: 'sqlite' | 'postgres', adminId: string) {
  const r = seededRandom(20_260_101);
  const at = new Date().toISOString();
  const ids: string[] = [];
  const started = Date.now();
  for (let from = 0; from < customers; from += ROWS_PER_TRANSACTION) {
    await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
      for (let b = from; b < Math.min(customers, from + ROWS_PER_TRANSACTION); b += ROWS_PER_STATEMENT) {
        const rows = [];
        for (let i = b; i < Math.min(customers, b + ROWS_PER_STATEMENT); i++) {
          const id = v7();
          ids.push(id);
          const name = `ООО «Покупатель ${String(i).padStart(6, '0')}»`;
          rows.push({
            id,
            name,
            nameSearch: searchKey(name),
            fullName: null,
            kind: 'legalEntity' as const,
            inn: null,
            kpp: null,
            isCustomer: 1,
            isSupplier: 0,
            responsibleUserId: adminId,
            comment: null,
            abcClass: null,
            createdAt: at,
            createdBy: adminId,
            updatedAt: at,
            updatedBy: adminId,
            archivedAt: null,
          });
        }
        await trx.insertInto('counterparties').values(rows).execute();
      }
    });
  }
  for (let from = 0; from < salesCount; from += ROWS_PER_TRANSACTION) {
    await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
      for (let b = from; b < Math.min(salesCount, from + ROWS_PER_TRANSACTION); b += ROWS_PER_STATEMENT) {
        const rows = [];
        for (let i = b; i < Math.min(salesCount, b + ROWS_PER_STATEMENT); i++) {
          // A Pareto spread: a few customers buy most often.
          const customer = Math.floor(customers * r.next() ** 3);
          const revenue = r.int(100_00, 50_000_00);
          rows.push({
            id: v7(),
            number: i + 1,
            date: dayOf(r.int(0, DAYS - 1)),
            counterpartyId: ids[customer],
            orderId: null,
            responsibleUserId: adminId,
            comment: null,
            revenue,
            cost: Math.floor(revenue * (0.5 + r.next() * 0.45)),
            vatTotal: 0,
            createdAt: at,
            createdBy: adminId,
            updatedAt: at,
            updatedBy: adminId,
            archivedAt: null,
          });
        }
        await trx.insertInto('sales').values(rows).execute();
      }
    });
    const s = (Date.now() - started) / 1000;
    process.stdout.write(
      `\r${Math.min(salesCount, from + ROWS_PER_TRANSACTION).toLocaleString('en')} / ${salesCount.toLocaleString('en')} sales, ${s.toFixed(0)} s   `,
    );
  }
  console.log(`\nGenerated ${customers} customers and ${salesCount} sales in ${seconds(Date.now() - started)} s`);
  // PostgreSQL: VACUUM too, so the visibility map lets the fill read the covering index alone, as
  // autovacuum would have done some time after a real load.
  const t = Date.now();
  await (dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
  console.log(`${dialect === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'} took ${seconds(Date.now() - t)} s`);
}

async function main() {
  const isSqlite = url.startsWith('sqlite:');
  if (hasFlag('reset')) {
    if (isSqlite) resetSqlite(url);
  }
  if (!isSqlite) await preparePostgres(url, hasFlag('reset'));
  const database = openBenchDb(url);
  const { db, dialect } = database;
  if (isSqlite) await sql`pragma cache_size = -1000000`.execute(db);
  await migrate(db, dialect);
  const deps = serviceDeps(database, systemClock, url);
  let adminRow = await db.selectFrom('users').select('id').where('email', '=', BENCH_ADMIN.email).executeTakeFirst();
  if (!adminRow) adminRow = { id: (await createUser(deps, null, { ...BENCH_ADMIN, role: 'admin' })).id };
  const admin: Actor = {
    id: adminRow.id,
    role: 'admin',
    name: BENCH_ADMIN.name,
    email: BENCH_ADMIN.email,
    language: 'ru',
    timeZone: 'Europe/Moscow',
    via: 'session',
  };
  const count = async (table: 'counterparties' | 'sales') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  if ((await count('counterparties')) === 0) {
    if (isSqlite) await sql`pragma synchronous = off`.execute(db);
    await generate(db, dialect, admin.id);
    if (isSqlite) await sql`pragma synchronous = full`.execute(db);
  }
  console.log(`${redact(url)}: ${await count('counterparties')} counterparties, ${await count('sales')} sales`);

  const doc = await abc.create(deps, admin, { date: '2026-12-01', periodFrom: PERIOD.from, periodTo: PERIOD.to });
  // The bare aggregate the fill runs (abc.repo customerSums, with the same session settings),
  // alternating with the fill in the same run, so a shared machine slows both alike.
  const months = monthsOf(PERIOD.from, PERIOD.to).map((m) => monthBounds(m, PERIOD.from, PERIOD.to));
  const times: number[] = [];
  const aggregates: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = Date.now();
    const buyers = await db.transaction().execute(async (trx) => {
      await allowLargeAggregate(trx);
      return (await customerSums(trx, PERIOD.from, PERIOD.to, months)).length;
    });
    aggregates.push(Date.now() - t);
    t = Date.now();
    const filled = await abcFill.fill(deps, admin, doc.id);
    times.push(Date.now() - t);
    console.log(
      `aggregate ${i + 1}: ${seconds(aggregates[i])} s (${buyers} buyers); fill ${i + 1}: ${seconds(times[i])} s (${filled.customerCount} lines, total ${filled.total})`,
    );
  }
  const t = Date.now();
  await abcFill.apply(deps, admin, doc.id);
  const applyMs = Date.now() - t;
  const c = Date.now();
  await abcFill.cancel(deps, admin, doc.id);
  const cancelMs = Date.now() - c;
  const sorted = [...times].sort((a, b) => a - b);
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(
    `fill median ${seconds(median(times))} s (min ${seconds(sorted[0])}, max ${seconds(sorted[sorted.length - 1])}); aggregate median ${seconds(median(aggregates))} s; fill / aggregate ${(median(times) / median(aggregates)).toFixed(2)}; apply ${seconds(applyMs)} s; cancel ${seconds(cancelMs)} s; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
