// The short crash test: the real server on its own SQLite file, killed with SIGKILL while writers are
// busy, restarted on the same file (scripts/crash-test.ts; `npm run crash-test` runs the long one).
// SQLite only: under TEST_DB=postgres there is nothing of this file to test.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile, runCrashTest, summaryLine, type CrashTestResult } from '../scripts/crash-test.js';

describe.skipIf(process.env.TEST_DB === 'postgres')('crash test: kill -9 under concurrent writes', () => {
  let r: CrashTestResult;
  beforeAll(async () => {
    // At most 35 s: on a loaded machine the budget ends the run after fewer cycles (one at least).
    r = await runCrashTest({ cycles: 3, writers: 2, seconds: 35, killWindowMs: [300, 1500], keep: true });
    console.log(summaryLine(r));
  }, 60_000);
  afterAll(() => {
    if (r && r.problems.length === 0) rmSync(r.dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, writes nothing in part, and the file stays intact', () => {
    expect(r.problems).toEqual([]);
    expect(r.lost).toBe(0);
    expect(r.integrity).toBe('ok');
    expect(r.cycles).toBeGreaterThanOrEqual(1);
    expect(r.acknowledged).toBeGreaterThan(0);
    expect(r.inFlightAtKill).toBeGreaterThan(0);
  });

  it('the check itself reports an acknowledged value that is gone', () => {
    const acknowledged = r.entities.find((e) => e.kind === 'counterparty')!;
    const db = new Database(r.dbFile);
    db.prepare(`update counterparties set comment = 'changed behind the server' where id = ?`).run(acknowledged.id);
    db.close();
    const c = checkFile(r.dbFile, r.entities);
    expect(c.lost).toBe(1);
    expect(c.problems).toEqual([
      expect.stringMatching(new RegExp(`^LOST: counterparty ${acknowledged.id} acknowledged .* but holds .*changed behind`)),
    ]);
  });
});
