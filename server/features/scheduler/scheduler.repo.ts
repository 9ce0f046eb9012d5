import type { DbOrTrx } from '../../db/database.js';
import type { ClaimTimes } from './scheduler.logic.js';

/** First sight of a job: a row due now. Several instances may race here; one insert wins. */
export const ensureJob = (db: DbOrTrx, name: string, now: string) =>
  db
    .insertInto('scheduledJobs')
    .values({ name, nextRunAt: now, runCount: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();

/** Claims a run with one conditional UPDATE: the row lock makes it atomic across instances on
 * PostgreSQL (a waiting UPDATE re-checks the condition against the winner's new row and matches
 * nothing), and SQLite serialises writers. Returns true when this caller won the run.
 * A forced claim (run now) ignores the schedule but never starts a second concurrent run. */
export async function claim(db: DbOrTrx, name: string, t: ClaimTimes, force: boolean): Promise<boolean> {
  const res = await db
    .updateTable('scheduledJobs')
    .set((eb) => ({ nextRunAt: t.nextRunAt, lastStartedAt: t.now, runCount: eb('runCount', '+', 1) }))
    .where('name', '=', name)
    .where((eb) => {
      const notRunning = eb.or([
        eb('lastStartedAt', 'is', null),
        eb('lastFinishedAt', '>=', eb.ref('lastStartedAt')),
        eb('lastStartedAt', '<=', t.staleBefore),
      ]);
      if (force) return notRunning;
      const due = eb.or([eb('nextRunAt', '<=', t.now), eb('lastStartedAt', '<=', t.startedBefore)]);
      return eb.and([due, notRunning]);
    })
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records the outcome of the run this instance started (and not of a later one that took over). */
export const finish = (db: DbOrTrx, name: string, startedAt: string, f: { finishedAt: string; status: 'ok' | 'error'; result: string }) =>
  db
    .updateTable('scheduledJobs')
    .set({ lastFinishedAt: f.finishedAt, lastStatus: f.status, lastResult: f.result })
    .where('name', '=', name)
    .where('lastStartedAt', '=', startedAt)
    .execute();

export const listJobs = (db: DbOrTrx) => db.selectFrom('scheduledJobs').selectAll().orderBy('name').execute();

export const findJob = (db: DbOrTrx, name: string) =>
  db.selectFrom('scheduledJobs').selectAll().where('name', '=', name).executeTakeFirst();
