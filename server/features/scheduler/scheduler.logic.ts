// Pure timing rules of scheduled jobs; `now` is always an argument.

/** A run that started this long ago without finishing is taken to have died with its instance
 * (crash, kill -9), so another instance may claim the job again. Jobs are idempotent, so a rare
 * second run after a very slow one is harmless. */
const RUN_LEASE_MS = 15 * 60_000;

/** The polling interval from the settings, kept in 1 s .. 1 day even if the stored value is not. */
const intervalMs = (seconds: number) => Math.min(Math.max(Math.trunc(seconds) || 60, 1), 86_400) * 1000;

const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

export interface ClaimTimes {
  now: string;
  /** next_run_at written by a successful claim. */
  nextRunAt: string;
  /** A run started at or before this is due again under the current interval: a shorter interval
   * set in the settings applies at once, without a restart. */
  startedBefore: string;
  /** A run started at or before this and never finished is considered dead. */
  staleBefore: string;
}

export function claimTimes(now: Date, intervalSeconds: number): ClaimTimes {
  const iso = now.toISOString();
  return {
    now: iso,
    nextRunAt: plus(iso, intervalMs(intervalSeconds)),
    startedBefore: plus(iso, -intervalMs(intervalSeconds)),
    staleBefore: plus(iso, -RUN_LEASE_MS),
  };
}

interface JobRow {
  nextRunAt: string;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
}

/** A run is in progress: started, not finished since, and not past its lease. */
export function isRunning(r: JobRow, now: Date): boolean {
  if (!r.lastStartedAt) return false;
  if (r.lastFinishedAt && r.lastFinishedAt >= r.lastStartedAt) return false;
  return new Date(r.lastStartedAt).getTime() > now.getTime() - RUN_LEASE_MS;
}

/** When the job is next due under the current interval: the same rule the claim applies. */
export function effectiveNextRun(r: JobRow, intervalSeconds: number): string {
  if (!r.lastStartedAt) return r.nextRunAt;
  const byInterval = plus(r.lastStartedAt, intervalMs(intervalSeconds));
  return byInterval < r.nextRunAt ? byInterval : r.nextRunAt;
}
