// Reports and exports at scale: the events report and the sales report for a year through the app
// (app.inject: routing, auth, validation, service, SQL, JSON) against the raw aggregate SQL of the
// same question run straight on the driver (median of N runs each, alternating), and the memory
// (RSS growth) of contact information exports of 100,000 and 1,000,000 rows, CSV and XLSX, each
// downloaded over HTTP in a child process of its own.
//   npx tsx bench/scale-reports.ts [DATABASE_URL] [--runs 5] [--exports 100000,1000000] [--no-exports] [--no-reports] [--no-write]
// DATABASE_URL defaults to $BENCH_DATABASE_URL, then sqlite:./data/bench-l.sqlite (made by
// `bench/generate.ts --scale L`). Figures go to bench/results/scale-reports-<dialect>.json.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CompiledQuery } from 'kysely';
import { DateTime } from 'luxon';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { systemClock } from '../server/lib/clock.js';
import { BENCH_ADMIN, flag, hasFlag, openBenchDb, redact } from './common.js';

const VALUE_FLAGS = ['--runs', '--exports', '--child'];
const positional = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !VALUE_FLAGS.includes(all[i - 1]));
const url = positional ?? process.env.BENCH_DATABASE_URL ?? 'sqlite:./data/bench-l.sqlite';
const runs = Number(flag('runs') ?? 5);
const TZ = 'Europe/Moscow'; // the bench admin's zone

type App = Awaited<ReturnType<typeof buildApp>>;

async function openApp() {
  const database = openBenchDb(url);
  const app = await buildApp({
    config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }),
    database,
    clock: systemClock,
    logger: false,
    webDir: '/nonexistent',
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password },
  });
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? raw : [raw]).find((c) => typeof c === 'string' && c.startsWith('crm_session='));
  if (!cookie) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { app, database, cookie: cookie.split(';')[0] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

// --- Reports against raw SQL ------------------------------------------------------------------

interface Case {
  name: string;
  url: string;
  /** The same question in plain SQL: what the database must do at least. */
  raw: { sql: string; params: unknown[] };
}

function cases(dialect: 'sqlite' | 'postgres', days: { from: string; to: string }): Case[] {
  const pg = dialect === 'postgres';
  // The year in the admin's zone, as the app turns dates into instants.
  const startFrom = DateTime.fromISO(days.from, { zone: TZ }).startOf('day').toUTC().toISO()!;
  const startTo = DateTime.fromISO(days.to, { zone: TZ }).plus({ days: 1 }).startOf('day').toUTC().toISO()!;
  const p = (i: number) => (pg ? `$${i}` : '?');
  const minutes = pg
    ? 'coalesce(greatest(0, floor((extract(epoch from e.end_at - e.start_at) * 1000 + 30000) / 60000)), 0)'
    : 'coalesce(max(0, (cast(round((julianday(e.end_at) - julianday(e.start_at)) * 86400000) as integer) + 30000) / 60000), 0)';
  const month = pg ? "to_char(e.start_at at time zone 'Europe/Moscow', 'YYYY-MM')" : 'substr(e.start_at, 1, 7)';
  const events = (select: string, joins: string, group: string) => ({
    sql: `select ${select}, count(*) as n, sum(${minutes}) as minutes from events e ${joins}
          where e.archived_at is null and e.start_at >= ${p(1)} and e.start_at < ${p(2)} group by ${group}`,
    params: [startFrom, startTo],
  });
  const sales = (select: string, joins: string, group: string) => ({
    sql: `select ${select}, sum(sl.quantity) as q, sum(sl.amount) as revenue, sum(sl.cost) as cost
          from sale_lines sl join sales s on s.id = sl.sale_id join counterparties cp on cp.id = s.counterparty_id ${joins}
          where s.archived_at is null and s.date >= ${p(1)} and s.date <= ${p(2)} group by ${group}`,
    params: [days.from, days.to],
  });
  const period = `from=${days.from}&to=${days.to}`;
  return [
    {
      name: 'Events report, a year by counterparty',
      url: `/api/reports/events?groupBy=counterparty&details=false&${period}`,
      raw: events('e.counterparty_id, cp.name', 'left join counterparties cp on cp.id = e.counterparty_id', 'e.counterparty_id, cp.name'),
    },
    {
      name: 'Events report, a year by kind, then responsible',
      url: `/api/reports/events?groupBy=kind,responsible&details=false&${period}`,
      raw: events(
        'e.kind, e.responsible_user_id, u.name',
        'left join users u on u.id = e.responsible_user_id',
        'e.kind, e.responsible_user_id, u.name',
      ),
    },
    {
      name: 'Events report, a year by month, then state',
      url: `/api/reports/events?groupBy=period,state&period=month&details=false&${period}`,
      raw: events(`${month} as m, e.state`, '', `${month}, e.state`),
    },
    {
      name: 'Sales report, a year by customer',
      url: `/api/reports/sales?groupBy=customer&${period}`,
      raw: sales('s.counterparty_id, cp.name', '', 's.counterparty_id, cp.name'),
    },
    {
      name: 'Sales report, a year by product',
      url: `/api/reports/sales?groupBy=product&${period}`,
      raw: sales('sl.product_id, p.sku, p.name', 'left join products p on p.id = sl.product_id', 'sl.product_id, p.sku, p.name'),
    },
  ];
}

async function measureReports(app: App, db: ReturnType<typeof openBenchDb>['db'], cookie: string, list: Case[]) {
  const results = [];
  for (const c of list) {
    const appMs: number[] = [];
    const rawMs: number[] = [];
    let rows = 0;
    let groups = 0;
    // One warm-up of each, then alternate so both see the same cache and machine load.
    for (let i = 0; i <= runs; i++) {
      let t = process.hrtime.bigint();
      const res = await app.inject({ method: 'GET', url: c.url, headers: { cookie } });
      const a = ms(t);
      if (res.statusCode !== 200) throw new Error(`${c.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      t = process.hrtime.bigint();
      const raw = await db.executeQuery(CompiledQuery.raw(c.raw.sql, c.raw.params));
      const r = ms(t);
      if (i === 0) {
        groups = raw.rows.length;
        const body = res.json();
        rows = body.rows.length;
        continue;
      }
      appMs.push(a);
      rawMs.push(r);
    }
    const result = {
      name: c.name,
      appMs: median(appMs),
      rawMs: median(rawMs),
      ratio: median(appMs) / median(rawMs),
      rows,
      rawRows: groups,
    };
    console.log(
      `${c.name}: app ${result.appMs.toFixed(0)} ms, raw SQL ${result.rawMs.toFixed(0)} ms, ×${result.ratio.toFixed(2)} (${rows} rows)`,
    );
    results.push(result);
  }
  return results;
}

// --- Exports: RSS growth while a file streams --------------------------------------------------

/** In a child: serve the app, download one export over HTTP (bytes discarded), sample RSS. */
async function exportChild(format: 'csv' | 'xlsx', query: string) {
  const { app, cookie } = await openApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  // A small export first: code loaded, caches warm, so the baseline is the running app's.
  await download(port, cookie, `/api/reports/contact-info?format=${format}&objects=individuals`);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t = process.hrtime.bigint();
  const { bytes, status } = await download(port, cookie, `/api/reports/contact-info?format=${format}&${query}`);
  const seconds = ms(t) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  await app.close();
  process.stdout.write(
    JSON.stringify({ status, bytes, seconds, baselineMb: baseline / 2 ** 20, growthMb: (peak - baseline) / 2 ** 20 }) + '\n',
  );
  process.exit(0);
}

function download(port: number, cookie: string, path: string): Promise<{ bytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { cookie } }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ bytes, status: res.statusCode ?? 0 }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function runChild(
  format: 'csv' | 'xlsx',
  query: string,
): Promise<{ status: number; bytes: number; seconds: number; baselineMb: number; growthMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'bench/scale-reports.ts', url, '--child', `${format}|${query}`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`export child exited ${code}`)),
    );
  });
}

/** A filter that selects about `target` rows of the contact information report. */
async function exportQuery(db: ReturnType<typeof openBenchDb>['db'], target: number): Promise<{ query: string; rows: number }> {
  const n = (r: { n: number | string }) => Number(r.n);
  const cps = n(
    await db
      .selectFrom('counterparties')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('archivedAt', 'is', null)
      .executeTakeFirstOrThrow(),
  );
  const persons = n(
    await db
      .selectFrom('contactPersons')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('archivedAt', 'is', null)
      .where('counterpartyId', 'is not', null)
      .executeTakeFirstOrThrow(),
  );
  if (target >= cps) return { query: 'objects=counterparties,contactPersons', rows: cps + persons };
  // Counterparties of the responsible users that add up closest to the target... one user is enough
  // when ownership is skewed; otherwise all counterparties and fewer rows are reported as measured.
  const owners = await db
    .selectFrom('counterparties')
    .select(['responsibleUserId', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('archivedAt', 'is', null)
    .groupBy('responsibleUserId')
    .execute();
  const best = owners
    .filter((o) => o.responsibleUserId)
    .map((o) => ({ id: o.responsibleUserId!, n: Number(o.n) }))
    .sort((a, b) => Math.abs(a.n - target) - Math.abs(b.n - target))[0];
  return { query: `objects=counterparties&responsibleUserId=${best.id}`, rows: best.n };
}

async function main() {
  const child = flag('child');
  if (child) {
    const [format, query] = child.split('|');
    return exportChild(format as 'csv' | 'xlsx', query);
  }
  const { app, database, cookie } = await openApp();
  const dialect = database.dialect;
  const latest = await database.db
    .selectFrom('sales')
    .select((eb) => eb.fn.max('date').as('d'))
    .executeTakeFirst();
  const to = (latest?.d as string | undefined) ?? DateTime.now().toISODate()!;
  const days = { from: DateTime.fromISO(to).minus({ days: 364 }).toISODate()!, to };
  console.log(`${redact(url)}: reports for ${days.from}..${days.to}, median of ${runs}`);
  const reports = hasFlag('no-reports') ? [] : await measureReports(app, database.db, cookie, cases(dialect, days));

  const exportsOut = [];
  if (!hasFlag('no-exports')) {
    for (const target of (flag('exports') ?? '100000,1000000').split(',').map(Number)) {
      const { query, rows } = await exportQuery(database.db, target);
      for (const format of ['csv', 'xlsx'] as const) {
        const r = await runChild(format, query);
        console.log(
          `Contact information export, ${rows.toLocaleString('en')} rows, ${format}: ${r.seconds.toFixed(1)} s, ${(r.bytes / 2 ** 20).toFixed(0)} MB, RSS growth ${r.growthMb.toFixed(0)} MB (status ${r.status})`,
        );
        exportsOut.push({ target, rows, format, ...r });
      }
    }
  }
  await app.close();
  if (!hasFlag('no-write')) {
    const file = `bench/results/scale-reports-${dialect}.json`;
    writeFileSync(
      file,
      JSON.stringify({ date: new Date().toISOString(), url: redact(url), days, runs, reports, exports: exportsOut }, null, 2) + '\n',
    );
    console.log(`Wrote ${file}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
