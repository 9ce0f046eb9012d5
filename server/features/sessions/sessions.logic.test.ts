import { describe, expect, it } from 'vitest';
import { tokenUseStale, tokenUseStaleBefore } from './sessions.logic.js';

describe('token use recording', () => {
  const now = new Date('2026-11-27T09:01:00.000Z');

  it('records a first use, and again only after a minute', () => {
    expect(tokenUseStale(null, now)).toBe(true);
    expect(tokenUseStale('2026-11-27T09:00:05.000Z', now)).toBe(false);
    expect(tokenUseStale('2026-11-27T09:00:00.001Z', now)).toBe(false);
    expect(tokenUseStale('2026-11-27T09:00:00.000Z', now)).toBe(true);
  });

  it('the SQL cut-off is the same minute', () => {
    expect(tokenUseStaleBefore(now)).toBe('2026-11-27T09:00:00.000Z');
  });
});
