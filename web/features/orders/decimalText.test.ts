import { describe, expect, it } from 'vitest';
import { decimalText, inputDecimal, moneyText, plainDate } from './decimalText';

describe('money and dates as a manager reads them', () => {
  it('groups thousands and uses the language separator, exactly at the largest amount', () => {
    expect(moneyText(28529, 'ru')).toBe('285,29');
    expect(moneyText(123456789, 'ru')).toBe('1\u00a0234\u00a0567,89');
    expect(moneyText(123456789, 'en')).toBe('1,234,567.89');
    expect(moneyText(99_999_999_999_999, 'en')).toBe('999,999,999,999.99');
    expect(moneyText(-5, 'en')).toBe('−0.05');
    expect(decimalText('2.5', 'ru')).toBe('2,5');
    expect(decimalText('1000', 'ru')).toBe('1\u00a0000');
  });

  it('inputs take a comma in Russian', () => {
    expect(inputDecimal('100.10', 'ru')).toBe('100,10');
    expect(inputDecimal('100.10', 'en')).toBe('100.10');
  });

  it('calendar dates are never shifted by a time zone', () => {
    expect(plainDate('2026-01-01', 'ru')).toBe('01.01.2026');
    expect(plainDate('2026-01-01', 'en')).toBe('01/01/2026');
    expect(plainDate('2026-01-01T00:00:00Z', 'en')).toBe('');
  });
});
