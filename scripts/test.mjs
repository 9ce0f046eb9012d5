#!/usr/bin/env node
// The project's test command: checks formatting and lint, builds the web app, then runs the API
// suite on SQLite and on PostgreSQL (same files), the web unit tests and the browser journeys, and
// prints one closing summary line.
// Under CI=true a suite that cannot run (no PostgreSQL, no chromium) is a failure, not a skip.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const adminUrl = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const extraArgs = process.argv.slice(2);

async function postgresReachable() {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

const projects = ['sqlite', 'web'];
const skipped = [];
if (await postgresReachable()) projects.push('postgres');
else skipped.push(`PostgreSQL suite SKIPPED: no server at ${adminUrl.replace(/\/\/[^@]*@/, '//')} (set TEST_PG_ADMIN_URL)`);
if (existsSync(chromium)) projects.push('e2e');
else skipped.push(`Browser journeys SKIPPED: ${chromium} not found (apt-get install -y chromium)`);

if (ci && skipped.length) {
  for (const s of skipped) console.error(`ERROR (CI): ${s}`);
  process.exit(1);
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

// Style and lint first: a few seconds, and a failure here is the cheapest one to read.
console.log('> checking formatting (prettier) and lint (eslint)');
if (run('npx', ['prettier', '--check', '--log-level', 'warn', '.']) !== 0) {
  console.error('ERROR: files are not formatted; run `npm run format`');
  process.exit(1);
}
if (run('npx', ['eslint', '--max-warnings', '0', '.']) !== 0) {
  console.error('ERROR: lint failed (`npm run lint`)');
  process.exit(1);
}

if (projects.includes('e2e')) {
  console.log('> building the web app for the browser journeys');
  if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
}

// API suites first (both databases in one run), then the browser journeys on their own, so
// chromium does not compete with the API tests for the two cores.
const groups = [projects.filter((p) => p !== 'e2e'), projects.filter((p) => p === 'e2e')].filter((g) => g.length);
let status = 0;
let passed = 0,
  failed = 0,
  skippedTests = 0;
for (const [i, group] of groups.entries()) {
  const results = `.vitest-results-${i}.json`;
  rmSync(results, { force: true });
  const code = run('npx', [
    'vitest',
    'run',
    ...group.flatMap((p) => ['--project', p]),
    // Vitest's default on two cores is one worker; the API files spend much of their time waiting for
    // PostgreSQL, so a second worker overlaps those waits (the journeys keep one file at a time).
    ...(group.includes('e2e') ? [] : ['--maxWorkers=2']),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${results}`,
    ...extraArgs,
  ]);
  if (code !== 0) status = code;
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skippedTests += r.numPendingTests + r.numTodoTests;
    rmSync(results, { force: true });
  } else {
    status = status || 1;
  }
}

for (const s of skipped) console.warn(`\nWARNING: ${s}`);
console.log(`\nSuites run: ${projects.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skippedTests} skipped`);
process.exit(status !== 0 || failed > 0 || passed === 0 ? 1 : 0);
