// Rules of the sign-in throttle; time is an argument.
//
// A lock-out per account let anyone lock the owner out (20 wrong passwords from anywhere), and one per
// address locked out a whole office behind one NAT. So the account is throttled together with the
// address (the pair): a few free failures, then each further attempt only after a delay that doubles,
// up to a cap. The owner elsewhere is not affected. A looser ceiling per address stops one address
// spraying many accounts; pairs that have signed in before are spared it, so colleagues behind the
// same NAT keep working while someone among them sprays.

/** Failures of a pair allowed back to back before the delays start. */
export const PAIR_FREE_FAILURES = 5;
export const PAIR_BASE_DELAY_MS = 30_000;
export const PAIR_MAX_DELAY_MS = 15 * 60_000;
/** A pair's failures are forgotten after this long without one (longer than the cap, so waiting out
 * the cap does not reset the count). */
export const PAIR_MEMORY_MS = 24 * 3600_000;
/** A pair that signed in within this time is not counted against its address's ceiling. */
export const KNOWN_PAIR_MS = 30 * 24 * 3600_000;

export const IP_WINDOW_MS = 15 * 60_000;
export const IP_MAX_FAILURES = 500;

export interface PairState {
  failures: number;
  lockedUntil: string | null;
  lastFailureAt: string | null;
  lastSuccessAt: string | null;
}

/** The wait after the `failures`-th consecutive failure: none for the free ones, then base, 2×base, … capped. */
export function delayAfter(failures: number): number {
  if (failures < PAIR_FREE_FAILURES) return 0;
  const doublings = failures - PAIR_FREE_FAILURES;
  // 2^doublings overflows nothing here: beyond a few doublings the cap has long been reached.
  return Math.min(PAIR_MAX_DELAY_MS, PAIR_BASE_DELAY_MS * 2 ** Math.min(doublings, 30));
}

export type PairDecision = { allowed: true; next: PairState } | { allowed: false; retryAfterMs: number };

/**
 * Whether the pair may have its password checked now and, if so, the state to write before checking:
 * the attempt is counted as a failure in advance (and the delay it would cause set), so parallel
 * attempts see it; a success then resets the pair.
 */
export function reservePairAttempt(state: PairState | undefined, now: Date): PairDecision {
  const t = now.getTime();
  const remembered = !!state?.lastFailureAt && t - Date.parse(state.lastFailureAt) < PAIR_MEMORY_MS;
  const failures = remembered ? state!.failures : 0;
  if (remembered && state!.lockedUntil && Date.parse(state!.lockedUntil) > t) {
    return { allowed: false, retryAfterMs: Date.parse(state!.lockedUntil) - t };
  }
  const delay = delayAfter(failures + 1);
  return {
    allowed: true,
    next: {
      failures: failures + 1,
      lockedUntil: delay ? new Date(t + delay).toISOString() : null,
      lastFailureAt: now.toISOString(),
      lastSuccessAt: state?.lastSuccessAt ?? null,
    },
  };
}

/** A pair that signed in recently: its attempts do not count against the address's ceiling. */
export function isKnownPair(state: PairState | undefined, now: Date): boolean {
  return !!state?.lastSuccessAt && now.getTime() - Date.parse(state.lastSuccessAt) < KNOWN_PAIR_MS;
}

/** Windows of an address that started at or before this instant are over. */
export const ipWindowOverBefore = (now: Date): string => new Date(now.getTime() - IP_WINDOW_MS).toISOString();

/** Milliseconds until an address's window that started at `windowStart` is over. */
export const ipRetryAfterMs = (windowStart: string, now: Date): number =>
  Math.max(0, Date.parse(windowStart) + IP_WINDOW_MS - now.getTime());

/** Rows untouched for this long are of no use any more and may be deleted. */
export const staleBefore = (now: Date): string => new Date(now.getTime() - KNOWN_PAIR_MS).toISOString();

/** "Try again in …" for the 429 message. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
