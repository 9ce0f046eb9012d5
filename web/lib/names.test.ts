import { describe, expect, it } from 'vitest';
import { eventTitle } from './names';

describe('eventTitle', () => {
  it('is the number sign, the number and the subject, as the server names a basis', () => {
    expect(eventTitle(12, 'Звонок по счету')).toBe('№12 Звонок по счету');
    expect(eventTitle(1, 'Call about the invoice')).toBe('№1 Call about the invoice');
  });

  it('has no trailing space without a subject', () => {
    expect(eventTitle(7, null)).toBe('№7');
    expect(eventTitle(7, undefined)).toBe('№7');
    expect(eventTitle(7, '')).toBe('№7');
  });
});
