// The short crash test: the real server on its own SQLite file, killed with SIGKILL while writers are
// busy, restarted on the same file (scripts/crash-test.ts; `npm run crash-test` runs the long one).
// SQLite only: under TEST_DB=postgres there is nothing of this file to test.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCrashTest, summaryLine } from '../scripts/crash-test.js';

describe.skipIf(process.env.TEST_DB === 'postgres')('crash test: kill -9 under concurrent writes', () => {
  it('keeps every acknowledged write, writes nothing in part, and the file stays intact', async () => {
    const r = await runCrashTest({ cycles: 3, writers: 2, seconds: 25, killWindowMs: [300, 1500] });
    console.log(summaryLine(r));
    expect(r.problems).toEqual([]);
    expect(r.lost).toBe(0);
    expect(r.integrity).toBe('ok');
    // On a loaded machine the time budget may end the run after fewer cycles; one is the minimum.
    expect(r.cycles).toBeGreaterThanOrEqual(1);
    expect(r.acknowledged).toBeGreaterThan(0);
  }, 60_000);

  it('notices an acknowledged write that is gone (the check itself is checked)', async () => {
    const r = await runCrashTest({
      cycles: 1,
      writers: 1,
      seconds: 10,
      killWindowMs: [800, 1000],
      // Between the kill and the restart, change the oldest (long acknowledged) counterparty behind the server's back.
      afterKill: (file) => {
        const db = new Database(file);
        db.prepare(`update counterparties set comment = 'lost' where id = (select min(id) from counterparties)`).run();
        db.close();
      },
    });
    expect(r.lost).toBe(1);
    expect(r.problems.join('\n')).toMatch(/^LOST: counterparty .* but holds .*"comment":"lost"/m);
    expect(summaryLine(r)).toMatch(/, 1 lost, integrity ok$/);
  }, 30_000);
});
