import type { DbOrTrx } from '../../db/database.js';
import type { PairState } from './login-throttle.logic.js';

export const findPair = (db: DbOrTrx, email: string, ip: string): Promise<PairState | undefined> =>
  db
    .selectFrom('loginThrottlePairs')
    .select(['failures', 'lockedUntil', 'lastFailureAt', 'lastSuccessAt'])
    .where('email', '=', email)
    .where('ip', '=', ip)
    .executeTakeFirst();

/**
 * Writes the pair's next state only if nobody changed it since `seen` was read (compare-and-set on the
 * failure count, which every reservation raises): of parallel attempts that read the same state exactly
 * one wins, the others read again and meet the new state. Returns whether this one won.
 */
export async function claimPair(db: DbOrTrx, email: string, ip: string, seen: PairState | undefined, next: PairState, at: string) {
  if (!seen) {
    const res = await db
      .insertInto('loginThrottlePairs')
      .values({ email, ip, ...next, updatedAt: at })
      .onConflict((oc) => oc.columns(['email', 'ip']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const res = await db
    .updateTable('loginThrottlePairs')
    .set({ ...next, updatedAt: at })
    .where('email', '=', email)
    .where('ip', '=', ip)
    .where('failures', '=', seen.failures)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const pairSucceeded = (db: DbOrTrx, email: string, ip: string, at: string) => {
  const reset = { failures: 0, lockedUntil: null, lastFailureAt: null, lastSuccessAt: at, updatedAt: at };
  return db
    .insertInto('loginThrottlePairs')
    .values({ email, ip, ...reset })
    .onConflict((oc) => oc.columns(['email', 'ip']).doUpdateSet(reset))
    .execute();
};

/**
 * Counts one attempt against the address in the same statement that tests its ceiling: a window that
 * is over starts afresh, a full one refuses. Returns the window's start when counted, undefined when
 * refused. Atomic on PostgreSQL (the conflicting row is locked and the condition re-read) and on SQLite.
 */
export async function reserveIp(db: DbOrTrx, ip: string, at: string, windowOverBefore: string, max: number) {
  const row = await db
    .insertInto('loginThrottleIps')
    .values({ ip, failures: 1, windowStart: at })
    .onConflict((oc) =>
      oc
        .column('ip')
        .doUpdateSet((eb) => {
          const over = eb('loginThrottleIps.windowStart', '<=', windowOverBefore);
          return {
            failures: eb
              .case()
              .when(over)
              .then(1)
              .else(eb('loginThrottleIps.failures', '+', 1))
              .end(),
            windowStart: eb.case().when(over).then(at).else(eb.ref('loginThrottleIps.windowStart')).end(),
          };
        })
        .where((eb) => eb.or([eb('loginThrottleIps.windowStart', '<=', windowOverBefore), eb('loginThrottleIps.failures', '<', max)])),
    )
    .returning('windowStart')
    .executeTakeFirst();
  return row?.windowStart;
}

/** Gives back an attempt that was counted but not checked or that succeeded (same window only). */
export const releaseIp = (db: DbOrTrx, ip: string, windowStart: string) =>
  db
    .updateTable('loginThrottleIps')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('ip', '=', ip)
    .where('windowStart', '=', windowStart)
    .where('failures', '>', 0)
    .execute();

export const findIpWindow = async (db: DbOrTrx, ip: string) =>
  (await db.selectFrom('loginThrottleIps').select('windowStart').where('ip', '=', ip).executeTakeFirst())?.windowStart;

export async function deleteStale(db: DbOrTrx, pairsBefore: string, ipsBefore: string) {
  await db.deleteFrom('loginThrottlePairs').where('updatedAt', '<', pairsBefore).execute();
  await db.deleteFrom('loginThrottleIps').where('windowStart', '<', ipsBefore).execute();
}
