import type { Deps } from '../../deps.js';
import { rateLimited } from '../../errors.js';
import * as logic from './login-throttle.logic.js';
import * as repo from './login-throttle.repo.js';

// The sign-in throttle (rules in login-throttle.logic.ts). An attempt is reserved before the password
// is checked, by statements that test the limit and count the attempt at once, so attempts sent in
// parallel cannot all pass a limit read before any of them was recorded.

/** A reserved attempt: what to give back when it turns out not to be a failure. */
export interface Reservation {
  email: string;
  ip: string;
  /** The address's window the attempt was counted in; null when the pair is spared the ceiling. */
  ipWindow: string | null;
}

/** Parallel attempts of one pair that lose the compare-and-set read again; this many times at most. */
const MAX_ROUNDS = 5;

function tooMany(retryAfterMs: number) {
  return rateLimited(`Too many failed sign-in attempts. Try again in ${logic.waitText(retryAfterMs)}.`, retryAfterMs / 1000);
}

/** Reserves one password check for this e-mail from this address, or throws 429 with Retry-After. */
export async function reserveAttempt(deps: Pick<Deps, 'db' | 'clock'>, email: string, ip: string): Promise<Reservation> {
  const now = deps.clock.now();
  const at = now.toISOString();
  let ipWindow: string | null = null;
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const seen = await repo.findPair(deps.db, email, ip);
      const decision = logic.reservePairAttempt(seen, now);
      if (!decision.allowed) throw tooMany(decision.retryAfterMs);
      if (ipWindow === null && !logic.isKnownPair(seen, now)) {
        ipWindow = (await repo.reserveIp(deps.db, ip, at, logic.ipWindowOverBefore(now), logic.IP_MAX_FAILURES)) ?? null;
        if (ipWindow === null) {
          const start = await repo.findIpWindow(deps.db, ip);
          throw tooMany(start ? logic.ipRetryAfterMs(start, now) : logic.IP_WINDOW_MS);
        }
      }
      if (await repo.claimPair(deps.db, email, ip, seen, decision.next, at)) return { email, ip, ipWindow };
    }
    // Others are reserving attempts for this very pair right now: only its own attacker gets here.
    throw tooMany(1000);
  } catch (err) {
    if (ipWindow !== null) await repo.releaseIp(deps.db, ip, ipWindow);
    throw err;
  }
}

/** The password was right: the pair starts afresh (and becomes known), the address gets its attempt back. */
export async function attemptSucceeded(deps: Pick<Deps, 'db' | 'clock'>, r: Reservation): Promise<void> {
  const now = deps.clock.now();
  if (r.ipWindow !== null) await repo.releaseIp(deps.db, r.ip, r.ipWindow);
  await repo.pairSucceeded(deps.db, r.email, r.ip, now.toISOString());
  // Sign-ins are rare enough to carry the clean-up of counters nobody needs any more.
  await repo.deleteStale(deps.db, logic.staleBefore(now), logic.ipWindowOverBefore(now));
}
