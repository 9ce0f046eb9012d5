// The server side of the HTTP benchmark (bench/http.ts forks it): in this one process,
//  (a) the ceiling: a bare Fastify route answering a fixed body (the app's own answer for the case),
//  (b) raw routes: the SQL the app ran for the case, captured once, replayed straight on the driver
//      (better-sqlite3 on its own connection with the app's pragmas, or a pg pool of the app's size),
//      answering the rows as JSON,
//  (c) the real app (buildApp) on the same database, statement counting on, the rate limit off.
// It prepares the cases (a manager's session cookie and API token, ids from the data) and tells
// the parent the ports and the cases; it stops when the parent says so or goes away.
import Fastify from 'fastify';
import BetterSqlite from 'better-sqlite3';
import pg from 'pg';
import type { AddressInfo } from 'node:net';
import {
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createDb } from '../server/db/database.js';
import { migrate } from '../server/db/migrate.js';
import { reusableQueryOptions } from '../server/db/reusable-query.js';
import { systemClock } from '../server/lib/clock.js';
import { BENCH_ADMIN, benchUrl } from './common.js';
import { PLANTED } from './dataset.js';

export const MANAGER = 'manager1@example.com';

export interface ServerCase {
  name: string;
  key: string;
  /** Path on the app (and on the ceiling and raw server, see below). */
  path: string;
  /** Statements the app's answer reported (x-db-statements), per auth; null when the app does not say. */
  statements: { cookie: number | null; bearer: number | null };
  /** Statements captured through Kysely and replayed by the raw route, per auth. */
  replayed: { cookie: number; bearer: number };
  rows: number;
}

export interface Ready {
  type: 'ready';
  dialect: 'sqlite' | 'postgres';
  appPort: number;
  barePort: number;
  cookie: string;
  token: string;
  cases: ServerCase[];
  sizes: Record<string, number>;
  database: string;
}

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

/** Compiles every query the app runs while `capturing` is set (the plugin runs after CamelCasePlugin). */
function capturePlugin(compile: (node: RootOperationNode) => Captured) {
  const state: { capturing: Captured[] | null } = { capturing: null };
  const plugin: KyselyPlugin = {
    transformQuery({ node }: PluginTransformQueryArgs) {
      if (state.capturing) state.capturing.push(compile(node));
      return node;
    },
    transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => result,
  };
  return { plugin, state };
}

function rowsOf(body: unknown): number {
  if (body && typeof body === 'object') {
    const b = body as { items?: unknown[]; rows?: unknown[] };
    if (Array.isArray(b.items)) return b.items.length;
    if (Array.isArray(b.rows)) return b.rows.length;
  }
  return 1;
}

async function main() {
  const url = benchUrl();
  const database = createDb(url);
  const { db, dialect } = database;
  await migrate(db, dialect);
  const executor = db.getExecutor();
  const { plugin, state } = capturePlugin((node) => {
    const c = executor.compileQuery(node, { queryId: 'capture' } as never);
    return { sql: c.sql, parameters: c.parameters };
  });
  const app = await buildApp({
    config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', EXPOSE_STATEMENT_COUNT: 'true', RATE_LIMIT_PER_MINUTE: '0' }),
    database: { ...database, db: db.withPlugin(plugin) },
    clock: systemClock,
    logger: false,
    webDir: '/nonexistent',
  });

  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: MANAGER, password: BENCH_ADMIN.password } });
  if (login.statusCode !== 200) throw new Error(`sign-in as ${MANAGER} failed: ${login.statusCode} ${login.body}`);
  const setCookie = [login.headers['set-cookie']].flat().find((c) => typeof c === 'string' && c.startsWith('crm_session='));
  if (!setCookie) throw new Error('sign-in gave no session cookie');
  const cookie = setCookie.split(';')[0];
  const tokenRes = await app.inject({ method: 'POST', url: '/api/me/tokens', headers: { cookie }, payload: { name: 'HTTP benchmark' } });
  if (tokenRes.statusCode !== 201) throw new Error(`token: ${tokenRes.statusCode} ${tokenRes.body}`);
  const token = (tokenRes.json() as { token: string }).token;
  const auth = { cookie: { cookie }, bearer: { authorization: `Bearer ${token}` } } as const;

  // Ids from the data: the busiest counterparty (the generator gives the oldest the most events),
  // a card in the middle of the list, the month before last for the period journal.
  const count = async (t: 'counterparties' | 'contactPersons' | 'events' | 'saleLines' | 'tasks') =>
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
    tasks: await count('tasks'),
    saleLines: await count('saleLines'),
  };
  const busy = await db.selectFrom('counterparties').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const middle = await db
    .selectFrom('counterparties')
    .select('id')
    .orderBy('id')
    .offset(Math.floor(sizes.counterparties / 2))
    .limit(1)
    .executeTakeFirstOrThrow();
  const d = new Date();
  const monthStart = (back: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 0)).toISOString().slice(0, 10);
  const q = encodeURIComponent;
  const list: { key: string; name: string; path: string }[] = [
    { key: 'list', name: 'Counterparty list, first page', path: '/api/counterparties?limit=50' },
    { key: 'card', name: 'Counterparty card', path: `/api/counterparties/${middle.id}` },
    { key: 'events', name: 'Events journal, first page', path: '/api/events?limit=50' },
    { key: 'events-cp', name: 'Events of the busiest counterparty', path: `/api/events?limit=50&counterpartyId=${busy.id}` },
    { key: 'events-period', name: 'Events of a month', path: `/api/events?limit=50&from=${monthStart(2)}&to=${lastDay}` },
    { key: 'tasks', name: 'My open tasks', path: '/api/tasks?limit=50' },
    { key: 'search-name', name: 'Search by name «ромашка»', path: `/api/counterparties?limit=50&q=${q('ромашка')}` },
    { key: 'search-phone', name: `Search by phone ${PLANTED.phoneE164}`, path: `/api/counterparties?limit=50&q=${q(PLANTED.phoneE164)}` },
  ];

  // Capture: two warm-up requests (caches, prepared statements), then the third one's SQL.
  const replays: Record<string, Captured[]> = {};
  const bodies: string[] = [];
  const cases: ServerCase[] = [];
  for (const [i, c] of list.entries()) {
    const statements = { cookie: null as number | null, bearer: null as number | null };
    const replayed = { cookie: 0, bearer: 0 };
    let rows = 0;
    for (const a of ['cookie', 'bearer'] as const) {
      for (let w = 0; w < 2; w++) await app.inject({ method: 'GET', url: c.path, headers: auth[a] });
      // A reusable query is compiled once; verifying compiles it again, so the plugin sees it.
      state.capturing = [];
      reusableQueryOptions.verify = true;
      const res = await app.inject({ method: 'GET', url: c.path, headers: auth[a] });
      reusableQueryOptions.verify = false;
      const captured = state.capturing;
      state.capturing = null;
      if (res.statusCode !== 200) throw new Error(`${c.name} (${a}): ${res.statusCode} ${res.body.slice(0, 300)}`);
      const h = res.headers['x-db-statements'];
      statements[a] = h === undefined ? null : Number(h);
      replayed[a] = captured.length;
      replays[`${i}:${a}`] = captured;
      if (a === 'cookie') {
        bodies[i] = res.body;
        rows = rowsOf(res.json());
      }
    }
    cases.push({ ...c, statements, replayed, rows });
  }

  // The raw side: the captured statements on the bare driver.
  let run: (stmts: Captured[]) => Promise<unknown[]>;
  let closeRaw: () => Promise<void>;
  if (dialect === 'sqlite') {
    const conn = new BetterSqlite(url.slice('sqlite:'.length));
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = FULL');
    conn.pragma('foreign_keys = ON');
    conn.pragma('busy_timeout = 5000');
    conn.function('reverse', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? [...v].reverse().join('') : v));
    const prepared = new Map<string, BetterSqlite.Statement>();
    run = async (stmts) =>
      stmts.map((s) => {
        let st = prepared.get(s.sql);
        if (!st) prepared.set(s.sql, (st = conn.prepare(s.sql)));
        return st.reader ? st.all(s.parameters) : st.run(s.parameters);
      });
    closeRaw = async () => void conn.close();
  } else {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    run = async (stmts) => {
      const out = [];
      for (const s of stmts) out.push((await pool.query(s.sql, s.parameters as unknown[])).rows);
      return out;
    };
    closeRaw = () => pool.end();
  }

  const bare = Fastify({ logger: false });
  bare.get<{ Params: { i: string } }>('/ceiling/:i', async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(bodies[Number(req.params.i)]),
  );
  bare.get<{ Params: { i: string; a: string } }>('/raw/:i/:a', async (req, reply) => {
    const stmts = replays[`${req.params.i}:${req.params.a}`];
    if (!stmts) return reply.status(404).send({ error: 'no such case' });
    const results = await run(stmts);
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(results));
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });
  await app.listen({ host: '127.0.0.1', port: 0 });

  const stop = async () => {
    await bare.close();
    await app.close();
    await closeRaw();
    await database.close();
    process.exit(0);
  };
  process.on('message', (m: { type?: string }) => {
    if (m?.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());

  const dbVersion =
    dialect === 'sqlite'
      ? `SQLite ${(await sql<{ v: string }>`select sqlite_version() as v`.execute(db)).rows[0].v}`
      : (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0].v.split(' on ')[0];
  const ready: Ready = {
    type: 'ready',
    dialect,
    appPort: (app.server.address() as AddressInfo).port,
    barePort: (bare.server.address() as AddressInfo).port,
    cookie,
    token,
    cases,
    sizes,
    database: dbVersion,
  };
  process.send!(ready);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
