// Two app instances on one PostgreSQL behind a round-robin proxy, measured from outside.
//   npx tsx bench/two-instances.ts postgres://postgres@127.0.0.1:5432/crm_bench [--seconds 10] [--connections 10]
// The database is one made by bench/generate.ts (its admin signs in). Starts two real servers
// (`server/main.ts`, each with its own pool, LISTEN connection and scheduler), the proxy
// (bench/proxy.ts), then with autocannon from this process, alternating, twice:
//   one instance direct · one instance through the proxy · two instances through the proxy
// for the counterparty list page and the card. It also checks what must hold across instances: a
// session started on one is valid on the other, and a sign-out on one is refused by the other at
// once (the time until the other instance answers 401 is printed).
// Writes bench/results/two-instances.json. No timing is asserted anywhere.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { BENCH_ADMIN, benchUrl, flag, redact } from './common.js';

type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<{
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const url = benchUrl();
if (!url.startsWith('postgres')) {
  console.error('two instances share a PostgreSQL database: pass a postgres:// URL');
  process.exit(2);
}
const seconds = Number(flag('seconds') ?? 10);
const connections = Number(flag('connections') ?? 10);
const PORT_A = 3111;
const PORT_B = 3112;
const PORT_PROXY_ONE = 3113;
const PORT_PROXY_TWO = 3114;

const children: ChildProcess[] = [];
function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  // tsx itself (not npx), in its own process group, so stopping it stops its node child too.
  const child = spawn('node_modules/.bin/tsx', args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  children.push(child);
  return child;
}
const stopAll = () => {
  for (const c of children) {
    try {
      if (c.pid) process.kill(-c.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
};
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

async function waitUp(port: number) {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`nothing answers on port ${port}`);
}

async function signIn(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('crm_session='));
  if (!cookie) throw new Error('sign-in gave no session cookie');
  return cookie.split(';')[0];
}

const get = (port: number, path: string, cookie: string) => fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie } });

interface Row {
  case: string;
  setup: string;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function load(port: number, path: string, cookie: string): Promise<Omit<Row, 'case' | 'setup' | 'round'>> {
  const r = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: seconds, headers: { cookie } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

async function main() {
  const env = { DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  start(['server/main.ts'], { ...env, PORT: String(PORT_A) });
  start(['server/main.ts'], { ...env, PORT: String(PORT_B) });
  start(['bench/proxy.ts', String(PORT_PROXY_ONE), String(PORT_A)]);
  start(['bench/proxy.ts', String(PORT_PROXY_TWO), String(PORT_A), String(PORT_B)]);
  await Promise.all([PORT_A, PORT_B, PORT_PROXY_ONE, PORT_PROXY_TWO].map(waitUp));
  console.log('two instances and the proxies answer');

  const cookie = await signIn(PORT_A);
  const list = await (await get(PORT_B, '/api/counterparties?limit=50', cookie)).json();
  if (!Array.isArray(list.items) || list.items.length === 0) throw new Error('a session from instance A is not accepted by instance B');
  const cardPath = `/api/counterparties/${list.items[0].id}`;

  // A sign-out on B must be refused on A at once (A may hold the session in memory).
  const other = await signIn(PORT_A);
  if ((await get(PORT_A, cardPath, other)).status !== 200) throw new Error('second session not accepted');
  const out = await fetch(`http://127.0.0.1:${PORT_B}/api/auth/logout`, { method: 'POST', headers: { cookie: other } });
  if (out.status !== 200) throw new Error(`sign-out failed: ${out.status}`);
  const t0 = performance.now();
  let refusedAfterMs = -1;
  while (performance.now() - t0 < 5000) {
    if ((await get(PORT_A, cardPath, other)).status === 401) {
      refusedAfterMs = performance.now() - t0;
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  console.log(
    refusedAfterMs < 0
      ? 'SIGN-OUT NOT SEEN by the other instance within 5 s'
      : `sign-out on B refused on A after ${refusedAfterMs.toFixed(1)} ms`,
  );

  const cases = [
    { name: 'Counterparties, first page by name', path: '/api/counterparties?limit=50' },
    { name: 'Counterparty card', path: cardPath },
  ];
  const setups = [
    { name: 'one instance, direct', port: PORT_A },
    { name: 'one instance behind the proxy', port: PORT_PROXY_ONE },
    { name: 'two instances behind the proxy', port: PORT_PROXY_TWO },
  ];
  const rows: Row[] = [];
  for (const c of cases) {
    await load(PORT_PROXY_TWO, c.path, cookie); // warm both instances' caches and plans
    for (let round = 1; round <= 2; round++) {
      for (const s of setups) {
        const r = await load(s.port, c.path, cookie);
        rows.push({ case: c.name, setup: s.name, round, ...r });
        console.log(
          `${c.name} | ${s.name} | round ${round}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}`,
        );
      }
    }
  }
  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
    database: redact(url),
    connections,
    seconds,
    signOutSeenByOtherInstanceMs: refusedAfterMs,
    rows,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/two-instances.json', JSON.stringify(result, null, 2) + '\n');
  console.log('written: bench/results/two-instances.json');
}

main()
  .then(() => {
    stopAll();
    process.exit(0);
  })
  .catch((err) => {
    console.error(err);
    stopAll();
    process.exit(1);
  });
