// Caller id at a million counterparties: GET /api/caller-id?phone=… measured in-process (app.inject:
// routing, auth, settings, the lookup and serialisation), for numbers written several ways, hits and
// misses, as an administrator and as a manager who sees only their own counterparties.
//   npm run bench:caller-id -- [DATABASE_URL] [--runs 200] [--explain]
// The database comes from bench/generate.ts (e.g. `npx tsx bench/generate.ts --counterparties 1000000
// sqlite:data/callerid.sqlite`). Prints a Markdown table; --explain also prints the query plans.
import os from 'node:os';
import { sql } from 'kysely';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { migrate } from '../server/db/migrate.js';
import { systemClock } from '../server/lib/clock.js';
import type { App } from '../server/http.js';
import { SEES_ALL } from '../server/features/access/access.logic.js';
import { phoneKeyOf } from '../server/features/caller-id/caller-id.logic.js';
import { findByPhone } from '../server/features/caller-id/caller-id.repo.js';
import { BENCH_ADMIN, benchUrl, flag, hasFlag, openBenchDb, redact } from './common.js';
import { PLANTED } from './dataset.js';

interface Case {
  name: string;
  phone: string;
  /** A manager who sees only their own counterparties; the administrator otherwise. */
  manager?: boolean;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function signIn(app: App, email: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  const h = res.headers['set-cookie'];
  const c = (Array.isArray(h) ? h : [h]).find((x) => typeof x === 'string' && x.startsWith('crm_session='));
  if (!c) throw new Error('sign-in failed: no session cookie');
  return c.split(';')[0];
}

/** "+74957654321" -> "8 (495) 765-43-21", the way people write Russian numbers. */
function written(e164: string) {
  const d = e164.slice(2);
  return `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
}

async function main() {
  const url = benchUrl();
  const runs = Number(flag('runs') ?? 200);
  const database = openBenchDb(url);
  const { db, dialect } = database;
  await migrate(db, dialect);
  const counterparties = Number(
    (
      await db
        .selectFrom('counterparties')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (counterparties === 0) throw new Error(`no data in ${redact(url)}: run bench/generate.ts first`);
  const phones = Number(
    (
      await db
        .selectFrom('contactInfo')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('kind', 'in', ['phone', 'fax'])
        .executeTakeFirstOrThrow()
    ).n,
  );
  // Data sets generated before the generator filled digits_rev would make every trailing-digits
  // lookup a miss: fill it the way the app writes it (the migration's backfill).
  const unfilled = await db
    .selectFrom('contactInfo')
    .select('id')
    .where('digits', 'is not', null)
    .where('digitsRev', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (unfilled) {
    console.log('filling contact_info.digits_rev (data generated without it)…');
    await sql`update contact_info set digits_rev = reverse(digits) where digits is not null and digits_rev is null`.execute(db);
  }
  const dbVersion =
    dialect === 'sqlite'
      ? `SQLite ${(await sql<{ v: string }>`select sqlite_version() as v`.execute(db)).rows[0].v}`
      : (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0].v.split(' on ')[0];

  // Numbers that are there: a contact person's mobile and a counterparty's second phone.
  const personPhone = await db
    .selectFrom('contactInfo')
    .select('normalized')
    .where('kind', '=', 'phone')
    .where('contactPersonId', 'is not', null)
    .where('normalized', 'like', '+79%')
    .limit(1)
    .offset(1000)
    .executeTakeFirstOrThrow();
  const cpPhone = await db
    .selectFrom('contactInfo')
    .select('normalized')
    .where('kind', '=', 'phone')
    .where('counterpartyId', 'is not', null)
    .where('position', '=', 2)
    .limit(1)
    .offset(5000)
    .executeTakeFirstOrThrow();

  // A number of a counterparty of manager1, who sees only their own in the manager cases.
  const ownPhone = await db
    .selectFrom('contactInfo as ci')
    .innerJoin('counterparties as cp', 'cp.id', 'ci.counterpartyId')
    .innerJoin('users as u', 'u.id', 'cp.responsibleUserId')
    .select('ci.normalized')
    .where('u.email', '=', 'manager1@example.com')
    .where('ci.kind', '=', 'phone')
    .limit(1)
    .offset(100)
    .executeTakeFirstOrThrow();

  const cases: Case[] = [
    { name: 'Hit, E.164 +74951234567', phone: PLANTED.phoneE164 },
    { name: 'Hit, «8 (495) 123-45-67»', phone: PLANTED.phone },
    { name: 'Hit, «+7 495 123 45 67»', phone: '+7 495 123 45 67' },
    { name: 'Hit, «84951234567» (as a PBX passes it)', phone: '84951234567' },
    { name: 'Hit, ten digits «4951234567»', phone: '4951234567' },
    { name: 'Hit, contact person’s mobile', phone: written(personPhone.normalized!) },
    { name: 'Hit, counterparty’s second phone', phone: cpPhone.normalized!.slice(1) },
    { name: 'Hit, trailing digits «123-45-67»', phone: '123-45-67' },
    { name: 'Trailing five digits «3-45-67» (the widest allowed)', phone: '3-45-67' },
    { name: 'Miss, «+7 (999) 000-00-01»', phone: '+7 (999) 000-00-01' },
    { name: 'Miss, foreign «+1 202 555 0143»', phone: '+1 202 555 0143' },
    { name: 'Miss, trailing digits «00-00-01»', phone: '00-00-01' },
    { name: 'Manager (own counterparties), own customer’s number', phone: written(ownPhone.normalized!), manager: true },
    { name: 'Manager (own counterparties), a colleague’s customer «8 (495) 123-45-67»', phone: PLANTED.phone, manager: true },
    { name: 'Manager (own counterparties), miss', phone: '+7 (999) 000-00-01', manager: true },
  ];

  const app = await buildApp({
    // No request limit: 200 runs per case from one client is the point here.
    config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', EXPOSE_STATEMENT_COUNT: 'true' }),
    database,
    clock: systemClock,
    logger: false,
    webDir: '/nonexistent',
  });
  const admin = await signIn(app, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const manager = await signIn(app, 'manager1@example.com', BENCH_ADMIN.password);
  const setVisibility = async (all: boolean) => {
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/settings',
      headers: { cookie: admin },
      payload: { managersSeeAllCounterparties: all },
    });
    if (res.statusCode !== 200) throw new Error(`settings: ${res.statusCode} ${res.body.slice(0, 300)}`);
  };

  if (hasFlag('explain')) {
    for (const c of cases.filter((x) => !x.manager)) {
      const key = phoneKeyOf(c.phone, 'RU')!;
      const q = findByPhone(db, key, SEES_ALL, 20).compile();
      const rows = await db.executeQuery({ ...q, sql: `${dialect === 'sqlite' ? 'explain query plan' : 'explain analyze'} ${q.sql}` });
      console.log(`\n${c.name}:`);
      for (const r of rows.rows as Record<string, unknown>[]) console.log('  ', Object.values(r).at(-1));
    }
    console.log();
  }

  console.log(
    `${dbVersion}; ${counterparties.toLocaleString('en')} counterparties, ${phones.toLocaleString('en')} phones; ${runs} runs per case\n`,
  );
  const lines: string[] = [];
  const measure = async (c: Case) => {
    const once = async () => {
      const t = process.hrtime.bigint();
      const res = await app.inject({
        method: 'GET',
        url: `/api/caller-id?phone=${encodeURIComponent(c.phone)}`,
        headers: { cookie: c.manager ? manager : admin },
      });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (res.statusCode !== 200) throw new Error(`${c.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return {
        ms,
        matches: (res.json() as { matches: unknown[] }).matches.length,
        statements: Number(res.headers['x-db-statements'] ?? NaN),
      };
    };
    const warm = await once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await once()).ms);
    times.sort((a, b) => a - b);
    const line = `| ${c.name} | ${percentile(times, 0.5).toFixed(2)} | ${percentile(times, 0.95).toFixed(2)} | ${times.at(-1)!.toFixed(1)} | ${warm.matches} | ${warm.statements} |`;
    lines.push(line);
    console.log(line);
  };
  console.log('| Number asked | median, ms | p95, ms | max, ms | matches | SQL statements |\n|---|---:|---:|---:|---:|---:|');
  // The first requests of a process run unoptimised code: warm the whole path before measuring.
  for (let i = 0; i < 300; i++) {
    const c = cases[i % cases.length];
    await app.inject({ method: 'GET', url: `/api/caller-id?phone=${encodeURIComponent(c.phone)}`, headers: { cookie: admin } });
  }
  for (const c of cases.filter((x) => !x.manager)) await measure(c);
  await setVisibility(false);
  try {
    for (const c of cases.filter((x) => x.manager)) await measure(c);
  } finally {
    await setVisibility(true);
  }
  console.log(
    `\n${dbVersion}; ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
  );
  await app.close();
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
