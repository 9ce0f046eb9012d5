// Pure rules of credentials; time is an argument.

/** A token's last use is recorded at most this often: a write (and, on SQLite, an fsync) on every
 * request made each API call by token many times dearer than the same call by session. */
export const TOKEN_TOUCH_INTERVAL_MS = 60_000;

/** Whether a request at `now` should record the token's use, given when it was last recorded. */
export function tokenUseStale(lastUsedAt: string | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - new Date(lastUsedAt).getTime() >= TOKEN_TOUCH_INTERVAL_MS;
}

/** Recorded uses at or before this instant are stale at `now` (the same rule, for the conditional UPDATE). */
export const tokenUseStaleBefore = (now: Date): string => new Date(now.getTime() - TOKEN_TOUCH_INTERVAL_MS).toISOString();
