// Searches, journals and jobs on the scale-L data set (bench/generate.ts --scale L):
//   npx tsx bench/scale-jobs.ts [DATABASE_URL] [--runs 30] [--skip-jobs] [--json FILE]
// - name searches through the API (app.inject, as bench/run.ts): counterparties, contact persons,
//   event subjects; rare, absent and frequent texts; each also with the plain LIKE plan (as before
//   migration 0012), in alternating rounds, so a loaded machine slows both alike;
// - the events journal of a counterparty (the one with most events, and a typical one) and of a
//   period (a day, a week), first page and the next one;
// - the birthday job over every contact person, then again (the re-run must insert nothing); the
//   tasks it made are deleted afterwards, so the shared database is left as it was;
// - the ABC «Заполнить» of the last twelve months of sales against the bare aggregate it runs
//   (abc.repo customerSums); the classification is deleted afterwards.
// Timings only: nothing is asserted. Medians and p95 in milliseconds.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { sql } from 'kysely';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { migrate } from '../server/db/migrate.js';
import { fixedClock, systemClock } from '../server/lib/clock.js';
import type { App } from '../server/http.js';
import type { Actor } from '../server/lib/actor.js';
import { runBirthdayJob } from '../server/features/birthdays/birthdays.service.js';
import * as abcService from '../server/features/abc/abc.service.js';
import { fill } from '../server/features/abc/abc-fill.service.js';
import { customerSums } from '../server/features/abc/abc.repo.js';
import { monthBounds, monthsOf } from '../server/features/abc/abc.logic.js';
import { searchTuning } from '../server/db/substring-search.js';
import { BENCH_ADMIN, benchUrl, flag, hasFlag, openBenchDb, redact, serviceDeps } from './common.js';

const q = encodeURIComponent;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const seconds = (t0: number) => (performance.now() - t0) / 1000;

interface Row {
  name: string;
  median: number;
  p95: number;
  runs: number;
  rows: number;
}

async function signIn(app: App): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password },
  });
  const h = res.headers['set-cookie'];
  const c = (Array.isArray(h) ? h : [h]).find((x) => typeof x === 'string' && x.startsWith('crm_session='));
  if (!c) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return c.split(';')[0];
}

async function measure(app: App, cookie: string, name: string, url: string, runs: number): Promise<Row & { next?: string }> {
  const once = async () => {
    const t = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    const body = res.json();
    return { ms, rows: body.items.length as number, next: body.nextCursor as string | undefined };
  };
  const warm = await once();
  const n = warm.ms > 2000 ? Math.min(5, runs) : runs;
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await once()).ms);
  times.sort((a, b) => a - b);
  return { name, median: percentile(times, 0.5), p95: percentile(times, 0.95), runs: n, rows: warm.rows, next: warm.next ?? undefined };
}

async function main() {
  const url = benchUrl();
  const runs = Number(flag('runs') ?? 30);
  const database = openBenchDb(url);
  const { db, dialect } = database;
  const t0 = performance.now();
  const applied = await migrate(db, dialect);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')} in ${seconds(t0).toFixed(1)} s`);
  const count = async (t: 'counterparties' | 'contactPersons' | 'events' | 'sales' | 'tasks') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const sizes = {
    counterparties: await count('counterparties'),
    contactPersons: await count('contactPersons'),
    events: await count('events'),
    sales: await count('sales'),
    tasks: await count('tasks'),
  };
  const dbVersion =
    dialect === 'sqlite'
      ? `SQLite ${(await sql<{ v: string }>`select sqlite_version() as v`.execute(db)).rows[0].v}`
      : (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0].v.split(' on ')[0];
  console.log(
    `${dbVersion}, ${redact(url)}: ${JSON.stringify(sizes)}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  const app = await buildApp({
    config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000' }),
    database,
    clock: systemClock,
    logger: false,
    webDir: '/nonexistent',
  });
  const cookie = await signIn(app);
  const results: Row[] = [];
  const print = (r: Row) => {
    results.push(r);
    console.log(
      `${r.name.padEnd(58)} median ${r.median.toFixed(1).padStart(8)} ms   p95 ${r.p95.toFixed(1).padStart(8)} ms   runs ${String(r.runs).padStart(2)}   rows ${r.rows}`,
    );
  };

  // Searches: texts the generator's names contain often, rarely, or never.
  const subject = await db.selectFrom('events').select('subjectSearch').where('subjectSearch', '!=', '').limit(1).executeTakeFirst();
  const searches: [string, string][] = [
    ['Counterparties, search frequent «ромашка»', `/api/counterparties?limit=50&q=${q('ромашка')}`],
    ['Counterparties, search rare «кедр-снаб»', `/api/counterparties?limit=50&q=${q('кедр-снаб')}`],
    ['Counterparties, search no match', `/api/counterparties?limit=50&q=${q('несуществующая фирма')}`],
    ['Counterparties, search «ооо» (nearly every name)', `/api/counterparties?limit=50&q=${q('ооо')}`],
    ['Contact persons, search frequent «орлов»', `/api/contact-persons?limit=50&q=${q('орлов')}`],
    ['Contact persons, search «иван»', `/api/contact-persons?limit=50&q=${q('иван')}`],
    ['Contact persons, search no match', `/api/contact-persons?limit=50&q=${q('несуществующий')}`],
    ['Events, search no match', `/api/events?limit=50&q=${q('несуществующая тема')}`],
  ];
  if (subject)
    searches.push([
      `Events, search «${subject.subjectSearch.slice(0, 12)}»`,
      `/api/events?limit=50&q=${q(subject.subjectSearch.slice(0, 12))}`,
    ]);
  // Each search with the trigram plan and with the plain LIKE alone (as before migration 0012),
  // in alternating rounds so both see the same machine load.
  const plain = new Map<string, Row>();
  for (const [name, u] of searches) {
    const rounds = 3;
    const runsEach = Math.max(1, Math.ceil(runs / rounds));
    const parts: { now: Row[]; before: Row[] } = { now: [], before: [] };
    for (let i = 0; i < rounds; i++) {
      parts.now.push(await measure(app, cookie, name, u, runsEach));
      searchTuning.plainLike = true;
      try {
        parts.before.push(await measure(app, cookie, name, u, runsEach));
      } finally {
        searchTuning.plainLike = false;
      }
    }
    const merge = (rows: Row[]): Row => {
      const med = rows.map((r) => r.median).sort((a, b) => a - b);
      const p95 = rows.map((r) => r.p95).sort((a, b) => a - b);
      return {
        name,
        median: med[Math.floor(med.length / 2)],
        p95: p95[Math.floor(p95.length / 2)],
        runs: rows.reduce((n, r) => n + r.runs, 0),
        rows: rows[0].rows,
      };
    };
    const before = merge(parts.before);
    plain.set(name, before);
    print(merge(parts.now));
    console.log(`${''.padEnd(58)}   plain LIKE: median ${before.median.toFixed(1)} ms, p95 ${before.p95.toFixed(1)} ms`);
  }

  // Journals: the counterparty with most events, a typical one, and periods.
  const busiest = await db
    .selectFrom('events')
    .select(['counterpartyId', (eb) => eb.fn.countAll().as('n')])
    .where('counterpartyId', 'is not', null)
    .groupBy('counterpartyId')
    .orderBy(sql`count(*)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  const typical = await db
    .selectFrom('events')
    .select('counterpartyId')
    .where('counterpartyId', 'is not', null)
    .limit(1)
    .offset(Math.floor(sizes.events / 2))
    .executeTakeFirst();
  const middle = await db
    .selectFrom('events')
    .select('startAt')
    .orderBy('startAt')
    .limit(1)
    .offset(Math.floor(sizes.events / 2))
    .executeTakeFirst();
  const journals: [string, string][] = [];
  if (busiest?.counterpartyId)
    journals.push([
      `Events of the busiest counterparty (${Number(busiest.n)} events)`,
      `/api/events?limit=50&counterpartyId=${busiest.counterpartyId}`,
    ]);
  if (typical?.counterpartyId)
    journals.push(['Events of a typical counterparty', `/api/events?limit=50&counterpartyId=${typical.counterpartyId}`]);
  if (middle) {
    const day = String(middle.startAt).slice(0, 10);
    const weekEnd = new Date(Date.parse(day) + 6 * 86_400_000).toISOString().slice(0, 10);
    journals.push(['Events of a day', `/api/events?limit=50&from=${day}&to=${day}`]);
    journals.push(['Events of a week', `/api/events?limit=50&from=${day}&to=${weekEnd}`]);
  }
  journals.push(['Events, all, newest first', '/api/events?limit=50']);
  for (const [name, u] of journals) {
    const first = await measure(app, cookie, `${name}, first page`, u, runs);
    print(first);
    if (first.next) print(await measure(app, cookie, `${name}, next page`, `${u}&cursor=${first.next}`, runs));
  }
  await app.close();

  const jobs: Record<string, unknown> = {};
  if (!hasFlag('skip-jobs')) {
    // The birthday job at a fixed instant; its tasks are recognised by that instant and removed after.
    const at = '2026-06-15T03:00:00.000Z';
    const deps = serviceDeps(database, fixedClock(at), url);
    let t = performance.now();
    const first = await runBirthdayJob(deps);
    const firstS = seconds(t);
    t = performance.now();
    const again = await runBirthdayJob(deps);
    const againS = seconds(t);
    console.log(`Birthday job: ${firstS.toFixed(1)} s (${first.summary}); re-run ${againS.toFixed(1)} s (${again.created} created)`);
    const removed = await db.deleteFrom('tasks').where('source', '=', 'birthday').where('createdAt', '=', at).executeTakeFirst();
    console.log(`  removed ${Number(removed.numDeletedRows)} birthday task(s) made by the benchmark`);
    jobs.birthdays = { firstS, againS, created: first.created, candidates: first.candidates, recreated: again.created };

    // ABC: the last twelve months of sales, the bare aggregate first, then the fill (three times each).
    const last = await db
      .selectFrom('sales')
      .select((eb) => eb.fn.max('date').as('d'))
      .executeTakeFirst();
    if (last?.d) {
      const periodTo = String(last.d).slice(0, 10);
      const y = new Date(Date.parse(periodTo) - 364 * 86_400_000).toISOString().slice(0, 10);
      const months = monthsOf(y, periodTo).map((m) => monthBounds(m, y, periodTo));
      const admin = await db
        .selectFrom('users')
        .select(['id', 'name', 'email'])
        .where('email', '=', BENCH_ADMIN.email)
        .executeTakeFirstOrThrow();
      const actor: Actor = { ...admin, role: 'admin', language: 'ru', timeZone: 'Europe/Moscow', via: 'session' } as Actor;
      const aggregate: number[] = [];
      const fills: number[] = [];
      const sdeps = serviceDeps(database, systemClock, url);
      const doc = await abcService.create(sdeps, actor, { periodFrom: y, periodTo });
      try {
        for (let i = 0; i < 3; i++) {
          t = performance.now();
          await db.transaction().execute(async (trx) => {
            const { allowLargeAggregate } = await import('../server/db/dialect.js');
            await allowLargeAggregate(trx);
            await customerSums(trx, y, periodTo, months);
          });
          aggregate.push(seconds(t));
          t = performance.now();
          await fill(sdeps, actor, doc.id);
          fills.push(seconds(t));
        }
      } finally {
        await db.deleteFrom('abcClassificationLines').where('classificationId', '=', doc.id).execute();
        await db.deleteFrom('auditLog').where('entityId', '=', doc.id).execute();
        await db.deleteFrom('abcClassifications').where('id', '=', doc.id).execute();
      }
      const med = (a: number[]) => [...a].sort((x, z) => x - z)[1];
      console.log(
        `ABC fill ${y}..${periodTo}: aggregate ${aggregate.map((s) => s.toFixed(2)).join(', ')} s; fill ${fills
          .map((s) => s.toFixed(2))
          .join(', ')} s; ratio of medians ${(med(fills) / med(aggregate)).toFixed(2)}; ${doc.id}`,
      );
      jobs.abc = { periodFrom: y, periodTo, aggregateS: aggregate, fillS: fills, ratio: med(fills) / med(aggregate) };
    }
  }
  await database.close();
  const out = flag('json');
  if (out)
    writeFileSync(
      out,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          database: dbVersion,
          sizes,
          load: os.loadavg(),
          results,
          plainLike: Object.fromEntries(plain),
          jobs,
        },
        null,
        2,
      ) + '\n',
    );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
