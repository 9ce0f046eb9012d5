// Measures the API on a generated data set (bench/generate.ts), in-process through app.inject:
// routing, validation, auth, services, SQL and JSON serialisation, without network noise.
//   npm run bench -- [DATABASE_URL] [--runs 30] [--no-write]
//   npm run bench -- --http [DATABASE_URL] ...    the HTTP benchmark instead, see bench/http.ts
// Prints a table and writes it into docs/benchmarks.md (between the markers for the dialect) and
// bench/results/<dialect>.json.
import os from 'node:os';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { sql } from 'kysely';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { migrate } from '../server/db/migrate.js';
import { encodeCursor } from '../server/db/keyset.js';
import { systemClock } from '../server/lib/clock.js';
import type { App } from '../server/http.js';
import { BENCH_ADMIN, benchUrl, flag, hasFlag, openBenchDb, redact } from './common.js';
import { PLANTED } from './dataset.js';

interface Case {
  name: string;
  url: string;
  /** Runs as this user (cookie); the admin by default. */
  cookie?: string;
}
interface Result {
  name: string;
  url: string;
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  rows: number;
}

const SLOW_MS = 2000;

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const h = res.headers['set-cookie'];
  const c = (Array.isArray(h) ? h : [h]).find((x) => typeof x === 'string' && x.startsWith('crm_session='));
  if (!c) throw new Error('sign-in failed: no session cookie');
  return (c as string).split(';')[0];
}

async function signIn(app: App, email: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  return cookieOf(res);
}

const q = (s: string) => encodeURIComponent(s);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function measure(app: App, c: Case, cookie: string, runs: number): Promise<Result> {
  const once = async () => {
    const t = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url: c.url, headers: { cookie: c.cookie ?? cookie } });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (res.statusCode !== 200) throw new Error(`${c.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    const body = res.json();
    return { ms, rows: Array.isArray(body.items) ? body.items.length : Array.isArray(body.rows) ? body.rows.length : 1 };
  };
  const warm = await once();
  // A query that takes seconds is measured fewer times: the point is made and the run stays short.
  const n = warm.ms > SLOW_MS ? Math.min(runs, 5) : runs;
  const times: number[] = [];
  let rows = warm.rows;
  for (let i = 0; i < n; i++) {
    const r = await once();
    times.push(r.ms);
    rows = r.rows;
  }
  times.sort((a, b) => a - b);
  return {
    name: c.name,
    url: c.url,
    runs: n,
    median: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    min: times[0],
    max: times[times.length - 1],
    rows,
  };
}

async function main() {
  // `npm run bench -- --http`: the HTTP benchmark (bench/http.ts) instead of the in-process one.
  if (hasFlag('http')) return (await import('./http.js')).main();
  const url = benchUrl();
  const runs = Number(flag('runs') ?? 30);
  const database = openBenchDb(url);
  const { db, dialect } = database;
  await migrate(db, dialect);
  const count = async (t: 'counterparties' | 'contactPersons' | 'contactInfo') =>
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
    contactInfo: await count('contactInfo'),
  };
  if (sizes.counterparties === 0) throw new Error(`no data in ${redact(url)}: run bench/generate.ts first`);
  const dbVersion =
    dialect === 'sqlite'
      ? `SQLite ${(await sql<{ v: string }>`select sqlite_version() as v`.execute(db)).rows[0].v}`
      : (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0].v.split(' on ')[0];
  const analyzed =
    dialect === 'postgres' ||
    (await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db)).rows[0].n > 0;

  // A page in the middle of the list by name, and a card and an INN from there.
  const middle = await db
    .selectFrom('counterparties')
    .select(['id', 'nameSearch', 'inn'])
    .where('archivedAt', 'is', null)
    .orderBy('nameSearch')
    .orderBy('id')
    .offset(Math.floor(sizes.counterparties / 2))
    .limit(1)
    .executeTakeFirstOrThrow();
  const legal = await db
    .selectFrom('counterparties')
    .select('inn')
    .where('kind', '=', 'legalEntity')
    .where('id', '>', middle.id)
    .limit(1)
    .executeTakeFirstOrThrow();

  const app = await buildApp({
    config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }),
    database,
    clock: systemClock,
    logger: false,
    webDir: '/nonexistent',
  });
  const admin = await signIn(app, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const cases: Case[] = [
    { name: 'Counterparties, first page by name', url: '/api/counterparties?limit=50' },
    {
      name: 'Counterparties, page in the middle (cursor)',
      url: `/api/counterparties?limit=50&cursor=${encodeCursor(middle.nameSearch, middle.id, 'name')}`,
    },
    { name: 'Counterparties, newest first', url: '/api/counterparties?limit=50&sort=-createdAt' },
    { name: 'Counterparties, suppliers only', url: '/api/counterparties?limit=50&isSupplier=true' },
    { name: 'Counterparty card', url: `/api/counterparties/${middle.id}` },
    { name: 'Search by name, frequent word «ромашка»', url: `/api/counterparties?limit=50&q=${q('ромашка')}` },
    { name: 'Search by name, rare «кедр-снаб»', url: `/api/counterparties?limit=50&q=${q('кедр-снаб')}` },
    { name: 'Search by name, no match', url: `/api/counterparties?limit=50&q=${q('несуществующая фирма')}` },
    { name: 'Search by phone +74951234567', url: `/api/counterparties?limit=50&q=${q(PLANTED.phoneE164)}` },
    { name: 'Search by phone 8 (495) 123-45-67', url: `/api/counterparties?limit=50&q=${q(PLANTED.phone)}` },
    { name: 'Search by phone part 123-45-67', url: `/api/counterparties?limit=50&q=${q('123-45-67')}` },
    { name: 'Search by e-mail', url: `/api/counterparties?limit=50&q=${q(PLANTED.email)}` },
    { name: 'Search by INN (10 digits)', url: `/api/counterparties?limit=50&q=${legal.inn}` },
    { name: 'Contact information report, first screen (JSON)', url: '/api/reports/contact-info' },
    { name: 'Contact information report, phones of «ромашка»', url: `/api/reports/contact-info?kinds=phone&q=${q('ромашка')}` },
    { name: 'Contact persons, first page', url: '/api/contact-persons?limit=50' },
    { name: 'Contact persons, search «орлов»', url: `/api/contact-persons?limit=50&q=${q('орлов')}` },
  ];

  // A manager who sees only their own counterparties (managersSeeAllCounterparties = false).
  const setVisibility = (all: boolean) =>
    app.inject({ method: 'PATCH', url: '/api/settings', headers: { cookie: admin }, payload: { managersSeeAllCounterparties: all } });
  const manager = await signIn(app, 'manager1@example.com', BENCH_ADMIN.password);
  const ownCases: Case[] = [
    { name: 'Manager, own counterparties, first page', url: '/api/counterparties?limit=50', cookie: manager },
    { name: 'Manager, own counterparties, search «ромашка»', url: `/api/counterparties?limit=50&q=${q('ромашка')}`, cookie: manager },
    { name: 'Manager, own contact persons, first page', url: '/api/contact-persons?limit=50', cookie: manager },
  ];

  console.log(`${dbVersion}; ${sizes.counterparties.toLocaleString('en')} counterparties; ${runs} runs per case\n`);
  const results: Result[] = [];
  const print = (r: Result) =>
    console.log(
      `${r.name.padEnd(52)} median ${r.median.toFixed(1).padStart(8)} ms   p95 ${r.p95.toFixed(1).padStart(8)} ms   runs ${String(r.runs).padStart(2)}   rows ${r.rows}`,
    );
  for (const c of cases) {
    const r = await measure(app, c, admin, runs);
    results.push(r);
    print(r);
  }
  await setVisibility(false);
  try {
    for (const c of ownCases) {
      const r = await measure(app, c, admin, runs);
      results.push(r);
      print(r);
    }
  } finally {
    await setVisibility(true);
  }
  await app.close();
  await database.close();

  const meta = {
    date: new Date().toISOString().slice(0, 10),
    database: dbVersion,
    url: redact(url),
    analyzed,
    sizes,
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}`,
    node: process.version,
    runs,
  };
  if (hasFlag('no-write')) return;
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${dialect}.json`, JSON.stringify({ meta, results }, null, 2) + '\n');
  writeSection(dialect, renderMarkdown(meta, results));
  console.log(`\nWritten: bench/results/${dialect}.json and docs/benchmarks.md (section ${dialect})`);
}

interface Meta {
  database: string;
  sizes: { counterparties: number; contactPersons: number; contactInfo: number };
  analyzed: boolean;
  machine: string;
  node: string;
  date: string;
  runs: number;
}

function renderMarkdown(meta: Meta, results: Result[]): string {
  const lines = [
    `${meta.database}, ${meta.sizes.counterparties.toLocaleString('en')} counterparties, ${meta.sizes.contactPersons.toLocaleString('en')} contact persons, ` +
      `${meta.sizes.contactInfo.toLocaleString('en')} contact information rows${meta.analyzed ? '' : ' (no ANALYZE statistics)'}. ` +
      `${meta.machine}; Node ${meta.node}; ${meta.date}. Up to ${meta.runs} runs per case after one warm-up (5 when a request takes over ${SLOW_MS / 1000} s).`,
    '',
    '| Case | median, ms | p95, ms | runs | rows |',
    '|---|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.name} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.runs} | ${r.rows} |`),
  ];
  return lines.join('\n');
}

/** Replaces the text between `<!-- results:<dialect> -->` and `<!-- /results:<dialect> -->`. */
function writeSection(dialect: string, body: string) {
  const file = 'docs/benchmarks.md';
  const open = `<!-- results:${dialect} -->`,
    close = `<!-- /results:${dialect} -->`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  if (!text.includes(open)) text += `\n## ${dialect}\n\n${open}\n${close}\n`;
  const start = text.indexOf(open) + open.length;
  const end = text.indexOf(close);
  writeFileSync(file, `${text.slice(0, start)}\n${body}\n${text.slice(end)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
