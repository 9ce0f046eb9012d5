import { describe, expect, it } from 'vitest';
import {
  IP_WINDOW_MS,
  PAIR_FREE_FAILURES,
  PAIR_MAX_DELAY_MS,
  delayAfter,
  ipRetryAfterMs,
  ipWindowOverBefore,
  isKnownPair,
  reservePairAttempt,
  waitText,
  type PairState,
} from './login-throttle.logic.js';

const now = new Date('2026-11-27T09:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
const state = (s: Partial<PairState>): PairState => ({ failures: 0, lockedUntil: null, lastFailureAt: null, lastSuccessAt: null, ...s });

describe('delays of a pair', () => {
  it('none for the free failures, then doubling from 30 seconds up to 15 minutes', () => {
    expect(Array.from({ length: PAIR_FREE_FAILURES - 1 }, (_, i) => delayAfter(i + 1))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map(delayAfter)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(delayAfter(10)).toBe(PAIR_MAX_DELAY_MS);
    expect(delayAfter(10_000)).toBe(PAIR_MAX_DELAY_MS);
  });
});

describe('reserving an attempt of a pair', () => {
  it('a first attempt is allowed and counted in advance', () => {
    expect(reservePairAttempt(undefined, now)).toEqual({
      allowed: true,
      next: { failures: 1, lockedUntil: null, lastFailureAt: now.toISOString(), lastSuccessAt: null },
    });
  });

  it('the attempt that reaches the free failures sets the lock its failure would cause', () => {
    const r = reservePairAttempt(state({ failures: 4, lastFailureAt: at(-1000) }), now);
    expect(r).toMatchObject({ allowed: true, next: { failures: 5, lockedUntil: at(30_000) } });
  });

  it('refuses while locked, with the time left', () => {
    const s = state({ failures: 5, lockedUntil: at(12_500), lastFailureAt: at(-17_500) });
    expect(reservePairAttempt(s, now)).toEqual({ allowed: false, retryAfterMs: 12_500 });
  });

  it('allows the next attempt when the lock is over and doubles the following delay', () => {
    const s = state({ failures: 5, lockedUntil: at(0), lastFailureAt: at(-30_000) });
    expect(reservePairAttempt(s, now)).toMatchObject({ allowed: true, next: { failures: 6, lockedUntil: at(60_000) } });
  });

  it('forgets failures after a day without one, and keeps the last success', () => {
    const s = state({ failures: 12, lockedUntil: at(-1), lastFailureAt: at(-24 * 3600_000), lastSuccessAt: at(-48 * 3600_000) });
    expect(reservePairAttempt(s, now)).toEqual({
      allowed: true,
      next: { failures: 1, lockedUntil: null, lastFailureAt: now.toISOString(), lastSuccessAt: at(-48 * 3600_000) },
    });
  });
});

describe('the address ceiling', () => {
  it('spares pairs that signed in within 30 days', () => {
    expect(isKnownPair(undefined, now)).toBe(false);
    expect(isKnownPair(state({ lastSuccessAt: at(-29 * 24 * 3600_000) }), now)).toBe(true);
    expect(isKnownPair(state({ lastSuccessAt: at(-30 * 24 * 3600_000) }), now)).toBe(false);
  });

  it('a window is over 15 minutes after it started', () => {
    expect(ipWindowOverBefore(now)).toBe(at(-IP_WINDOW_MS));
    expect(ipRetryAfterMs(at(-60_000), now)).toBe(14 * 60_000);
    expect(ipRetryAfterMs(at(-IP_WINDOW_MS - 1), now)).toBe(0);
  });
});

describe('the wait in the message', () => {
  it('in seconds, then in whole minutes', () => {
    expect(waitText(400)).toBe('1 second');
    expect(waitText(30_000)).toBe('30 seconds');
    expect(waitText(120_000)).toBe('2 minutes');
    expect(waitText(14 * 60_000 + 1)).toBe('15 minutes');
  });
});
