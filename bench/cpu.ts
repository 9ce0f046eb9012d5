// CPU time per request inside the process: the app built as in production (rate limit off), signed
// in as manager1@example.com, each case requested through app.inject after 200 warm-up requests, and
// the process's user + system CPU divided by the requests. No sockets and no load generator, so the
// figure is steady on a shared machine and two trees can be compared on the same data file.
//   npx tsx bench/cpu.ts [DATABASE_URL] [--requests 3000]
// (the pages of 50 rows get a fifth of --requests). Prints one JSON line: µs per request per case.
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createDb } from '../server/db/database.js';
import { systemClock } from '../server/lib/clock.js';
import { benchUrl, BENCH_ADMIN, flag } from './common.js';

const url = benchUrl();
const n = Number(flag('requests') ?? 3000);
const database = createDb(url);
const app = await buildApp({
  config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' }),
  database,
  clock: systemClock,
  logger: false,
  webDir: '/nonexistent',
});
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { email: 'manager1@example.com', password: BENCH_ADMIN.password },
});
const cookie = String([login.headers['set-cookie']].flat().find((c) => String(c).startsWith('crm_session='))).split(';')[0];
const list = await app.inject({ method: 'GET', url: '/api/counterparties?limit=50', headers: { cookie } });
const id = (list.json() as { items: { id: string }[] }).items[10].id;
const cases: [string, string, number][] = [
  ['card', `/api/counterparties/${id}`, n],
  ['me', '/api/me', n],
  ['list', '/api/counterparties?limit=50', Math.ceil(n / 5)],
  ['tasks', '/api/tasks?limit=50', Math.ceil(n / 5)],
  ['events', '/api/events?limit=50', Math.ceil(n / 5)],
];
const out: Record<string, number> = {};
for (const [name, path, k] of cases) {
  const get = async () => {
    const r = await app.inject({ method: 'GET', url: path, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode} ${r.body}`);
  };
  for (let i = 0; i < 200; i++) await get();
  const started = process.cpuUsage();
  for (let i = 0; i < k; i++) await get();
  const used = process.cpuUsage(started);
  out[name] = Math.round((used.user + used.system) / k);
}
console.log(JSON.stringify(out));
await app.close();
await database.close();
