// The HTTP benchmark as a smoke test (no timing asserted): a small data set made by the generator
// (bench/generate.ts --scale S, cut down) in the test database, then the harness for 40 requests per
// run — every case must answer 200s on the ceiling, the raw-SQL route and the app, with a cookie
// and with a bearer token, and the ratios must be computed. The figures live in docs/benchmarks.md.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from './test/test-db.js';
import { runHttpBench, type HttpReport } from '../bench/http.js';

const run = promisify(execFile);
const SMALL = [
  '--scale',
  'S',
  '--counterparties',
  '600',
  '--events',
  '3000',
  '--sale-lines',
  '2000',
  '--users',
  '6',
  '--products',
  '50',
  '--no-write',
];

describe('HTTP benchmark harness (smoke, scale S)', () => {
  let url: string;
  let testDb: TestDatabase | undefined;
  let dir: string | undefined;
  let report: HttpReport;

  beforeAll(async () => {
    if ((process.env.TEST_DB ?? 'sqlite') === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
      url = `sqlite:${join(dir, 'bench.sqlite')}`;
    } else {
      // A schema of its own in the test database, reached through search_path.
      testDb = await createTestDb();
      const u = new URL(testDb.url);
      u.searchParams.set('options', `-c search_path=${testDb.schema}`);
      url = u.toString();
    }
    process.stderr.write(`generating ${url}\n`);
    // --reset only for the file of its own: on PostgreSQL it would drop the shared test database.
    await run('npx', ['tsx', 'bench/generate.ts', url, ...SMALL, ...(dir ? ['--reset'] : [])], { timeout: 90_000 });
    report = await runHttpBench({
      url,
      seconds: 1,
      requests: 40,
      rounds: 1,
      connections: 4,
      warmup: 0,
      log: () => {},
    });
  }, 180_000);

  afterAll(async () => {
    await testDb?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('measures every case on the ceiling, the raw route and the app, with a cookie and a bearer token', () => {
    expect(report.cases.map((c) => c.key)).toEqual([
      'list',
      'card',
      'events',
      'events-cp',
      'events-period',
      'tasks',
      'search-name',
      'search-phone',
    ]);
    expect(report.meta.sizes).toMatchObject({ counterparties: 600, events: 3000 });
    for (const c of report.cases) {
      for (const [target, m] of Object.entries(c.targets)) {
        expect({ case: c.key, target, failures: m.failures }).toEqual({ case: c.key, target, failures: 0 });
        expect(m.ok, `${c.key} ${target}`).toBeGreaterThan(0);
      }
      expect(c.replayed.cookie, c.key).toBeGreaterThan(0);
      for (const r of Object.values(c.ratios)) expect(Number.isFinite(r) && r > 0, c.key).toBe(true);
    }
    // Pages hold rows: the generator planted what the cases look for.
    expect(report.cases.find((c) => c.key === 'list')!.rows).toBe(50);
    expect(report.cases.find((c) => c.key === 'search-phone')!.rows).toBeGreaterThan(0);
    expect(report.cases.find((c) => c.key === 'events-cp')!.rows).toBeGreaterThan(0);
  });
});
