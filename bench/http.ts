// The HTTP benchmark: measured from outside, over real sockets, with autocannon in this process
// against a server forked as a second process (bench/http-server.ts). For each case, one after the
// other and alternating in every round: the bare-route ceiling (a fixed body), the raw-SQL route
// (the app's own SQL replayed on the driver) and the app, with a session cookie and with a bearer
// token. Writes req/s, p50/p99, statements per request and the app/raw ratios to
// bench/results/http-<dialect>.json and docs/benchmarks.md (<!-- results:http-<dialect> -->).
//   npm run bench:http -- [DATABASE_URL] [--seconds 10] [--rounds 2] [--connections 10] [--warmup 2] [--cases list,card] [--no-write] [--out FILE]
//   npm run bench -- --http [same flags]
import os from 'node:os';
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { benchUrl, flag, hasFlag, redact } from './common.js';
import type { Ready, ServerCase } from './http-server.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  /** Seconds the run took. */
  duration: number;
  latency: { p50: number; p99: number; average: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;
/** Requests answered over the run's whole duration (autocannon's per-second mean drops a last partial second). */
const rate = (r: AutocannonResult) => (r.duration > 0 ? r.requests.total / r.duration : 0);
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export type Target = 'ceiling' | 'raw-cookie' | 'app-cookie' | 'raw-bearer' | 'app-bearer';
const TARGETS: Target[] = ['ceiling', 'raw-cookie', 'app-cookie', 'raw-bearer', 'app-bearer'];

export interface Measured {
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, errors and timeouts over all rounds. */
  failures: number;
  ok: number;
}
export interface CaseResult {
  key: string;
  name: string;
  path: string;
  rows: number;
  statements: ServerCase['statements'];
  replayed: ServerCase['replayed'];
  targets: Record<Target, Measured>;
  ratios: { appToRawCookie: number; appToRawBearer: number; bearerToCookie: number; appToCeilingCookie: number };
}
export interface HttpReport {
  meta: Record<string, unknown>;
  cases: CaseResult[];
}

const num = (name: string, fallback: number) => {
  const v = Number(flag(name) ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
};

function startServer(url: string): Promise<{ ready: Ready; stop: () => Promise<void> }> {
  const child = fork(fileURLToPath(new URL('./http-server.ts', import.meta.url)), [url], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const early = (code: number | null) => reject(new Error(`the benchmark server exited (${code}) before it was ready`));
    child.once('exit', early);
    child.once('message', (m: Ready) => {
      child.off('exit', early);
      resolve({
        ready: m,
        stop: async () => {
          if (child.connected) child.send({ type: 'stop' });
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
}

export async function runHttpBench(opts: {
  url: string;
  seconds: number;
  rounds: number;
  connections: number;
  warmup: number;
  /** Instead of `seconds`: this many requests per run (the smoke test). */
  requests?: number;
  /** Only these cases (their keys); all when absent. */
  cases?: string[];
  log?: (line: string) => void;
}): Promise<HttpReport> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const server = await startServer(opts.url);
  const { ready } = server;
  const startedAt = new Date();
  try {
    const app = `http://127.0.0.1:${ready.appPort}`;
    const bare = `http://127.0.0.1:${ready.barePort}`;
    const request = (i: number, c: ServerCase, t: Target) => {
      const headers: Record<string, string> =
        t === 'app-cookie' ? { cookie: ready.cookie } : t === 'app-bearer' ? { authorization: `Bearer ${ready.token}` } : {};
      const url = t === 'ceiling' ? `${bare}/ceiling/${i}` : t.startsWith('raw') ? `${bare}/raw/${i}/${t.slice(4)}` : `${app}${c.path}`;
      return { url, headers };
    };
    const runs = new Map<string, AutocannonResult[]>();
    const chosen = [...ready.cases.entries()].filter(([, c]) => !opts.cases || opts.cases.includes(c.key));
    if (!chosen.length) throw new Error(`--cases names none of ${ready.cases.map((c) => c.key).join(', ')}`);
    log(`${ready.database}; ${opts.connections} connections, ${opts.seconds} s per run, ${opts.rounds} rounds`);
    if (opts.warmup > 0)
      for (const [i, c] of chosen)
        for (const t of TARGETS) await autocannon({ ...request(i, c, t), connections: opts.connections, duration: opts.warmup });
    for (let round = 1; round <= opts.rounds; round++) {
      for (const [i, c] of chosen) {
        for (const t of TARGETS) {
          const r = await autocannon({
            ...request(i, c, t),
            connections: opts.connections,
            ...(opts.requests ? { amount: opts.requests } : { duration: opts.seconds }),
          });
          const k = `${c.key}:${t}`;
          runs.set(k, [...(runs.get(k) ?? []), r]);
          log(
            `round ${round}  ${c.name.padEnd(40)} ${t.padEnd(10)} ${rate(r).toFixed(0).padStart(6)} req/s  p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(4)} ms${r.non2xx + r.errors + r.timeouts ? `  FAILURES ${r.non2xx + r.errors + r.timeouts}` : ''}`,
          );
        }
      }
    }
    const cases: CaseResult[] = chosen.map(([, c]) => {
      const targets = Object.fromEntries(
        TARGETS.map((t) => {
          const rs = runs.get(`${c.key}:${t}`) ?? [];
          // Mean throughput over the rounds, the median of the rounds' p50 and the worst p99.
          const p50s = rs.map((r) => r.latency.p50).sort((a, b) => a - b);
          return [
            t,
            {
              reqPerSec: rs.reduce((s, r) => s + rate(r), 0) / Math.max(1, rs.length),
              p50: p50s[Math.floor((p50s.length - 1) / 2)] ?? 0,
              p99: Math.max(0, ...rs.map((r) => r.latency.p99)),
              failures: rs.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0),
              ok: rs.reduce((s, r) => s + r['2xx'], 0),
            } satisfies Measured,
          ];
        }),
      ) as Record<Target, Measured>;
      const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
      return {
        key: c.key,
        name: c.name,
        path: c.path,
        rows: c.rows,
        statements: c.statements,
        replayed: c.replayed,
        targets,
        ratios: {
          appToRawCookie: ratio(targets['app-cookie'].reqPerSec, targets['raw-cookie'].reqPerSec),
          appToRawBearer: ratio(targets['app-bearer'].reqPerSec, targets['raw-bearer'].reqPerSec),
          bearerToCookie: ratio(targets['app-bearer'].reqPerSec, targets['app-cookie'].reqPerSec),
          appToCeilingCookie: ratio(targets['app-cookie'].reqPerSec, targets.ceiling.reqPerSec),
        },
      };
    });
    const load = os.loadavg();
    return {
      meta: {
        date: startedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        dialect: ready.dialect,
        database: ready.database,
        url: redact(opts.url),
        sizes: ready.sizes,
        machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}`,
        loadAverageAtEnd: load.map((x) => Number(x.toFixed(2))),
        node: process.version,
        connections: opts.connections,
        seconds: opts.seconds,
        rounds: opts.rounds,
        warmup: opts.warmup,
        command: `npm run bench:http -- ${process.argv.slice(2).join(' ')}`.trim().replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      },
      cases,
    };
  } finally {
    await server.stop();
  }
}

const f0 = (n: number) => n.toFixed(0);
const f2 = (n: number) => n.toFixed(2);
const stmts = (n: number | null) => (n === null ? 'n/a' : String(n));

export function renderMarkdown(report: HttpReport): string {
  const m = report.meta as {
    database: string;
    sizes: Record<string, number>;
    machine: string;
    node: string;
    date: string;
    connections: number;
    seconds: number;
    rounds: number;
    command: string;
    loadAverageAtEnd: number[];
  };
  const sizes = Object.entries(m.sizes)
    .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
    .join(', ');
  const lines = [
    `${m.database}; ${sizes}. ${m.machine}; Node ${m.node}; ${m.date}; load average at the end ${m.loadAverageAtEnd.join(' / ')}` +
      `${m.loadAverageAtEnd[0] > os.cpus().length ? ' (a loaded machine: other work ran at the same time)' : ''}. ` +
      `autocannon, ${m.connections} connections, ${m.seconds} s per run, ${m.rounds} rounds alternating ceiling / raw / app; req/s is the mean of the rounds, p99 the worst. ` +
      `Command: \`${m.command}\`.`,
    '',
    '| Case | ceiling req/s | raw req/s (cookie) | app req/s (cookie) | app p50 / p99, ms | raw req/s (bearer) | app req/s (bearer) | app p50 / p99, ms (bearer) | statements (cookie / bearer) | app/raw cookie | app/raw bearer | bearer/cookie |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...report.cases.map((c) => {
      const t = c.targets;
      return (
        `| ${c.name} | ${f0(t.ceiling.reqPerSec)} | ${f0(t['raw-cookie'].reqPerSec)} | ${f0(t['app-cookie'].reqPerSec)} | ${t['app-cookie'].p50} / ${t['app-cookie'].p99} ` +
        `| ${f0(t['raw-bearer'].reqPerSec)} | ${f0(t['app-bearer'].reqPerSec)} | ${t['app-bearer'].p50} / ${t['app-bearer'].p99} ` +
        `| ${stmts(c.statements.cookie)} / ${stmts(c.statements.bearer)} | ${f2(c.ratios.appToRawCookie)} | ${f2(c.ratios.appToRawBearer)} | ${f2(c.ratios.bearerToCookie)} |`
      );
    }),
  ];
  return lines.join('\n');
}

/** Replaces the text between `<!-- results:<name> -->` and `<!-- /results:<name> -->`. */
export function writeSection(name: string, body: string, file = 'docs/benchmarks.md') {
  const open = `<!-- results:${name} -->`,
    close = `<!-- /results:${name} -->`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  if (!text.includes(open)) text += `\n### ${name}\n\n${open}\n${close}\n`;
  const start = text.indexOf(open) + open.length;
  const end = text.indexOf(close);
  writeFileSync(file, `${text.slice(0, start)}\n${body}\n${text.slice(end)}`);
}

export async function main() {
  const url = benchUrl();
  const report = await runHttpBench({
    url,
    seconds: num('seconds', 10),
    rounds: num('rounds', 2),
    connections: num('connections', 10),
    warmup: Number(flag('warmup') ?? 2),
    cases: flag('cases')?.split(','),
  });
  const out = flag('out');
  if (out) writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  console.log('\n' + renderMarkdown(report));
  if (hasFlag('no-write')) return;
  const dialect = report.meta.dialect as string;
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/http-${dialect}.json`, JSON.stringify(report, null, 2) + '\n');
  writeSection(`http-${dialect}`, renderMarkdown(report));
  console.log(`\nWritten: bench/results/http-${dialect}.json and docs/benchmarks.md (section http-${dialect})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
