import { describe, expect, it } from 'vitest';
import {
  divRound,
  formatMoney,
  formatPercent,
  formatQuantity,
  lineAmounts,
  parseMoney,
  parsePercent,
  parseQuantity,
  vatIncluded,
} from './money';

describe('money', () => {
  it('computes the line of the example: 3 × 100.10 with 5 % discount at 22 %', () => {
    const line = { quantity: parseQuantity('3')!, price: parseMoney('100.10')!, discount: parsePercent('5')!, vatRate: '22' as const };
    const { amount, vatAmount } = lineAmounts(line);
    expect(formatMoney(amount)).toBe('285.29');
    expect(formatMoney(vatAmount)).toBe('51.45');
  });
  it('rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-4n, 3n)).toBe(-1n);
    expect(divRound(7n, -2n)).toBe(-4n);
  });
  it('parses strings and numbers exactly and refuses what does not fit the scale', () => {
    expect(parseMoney('1234.5')).toBe(123450);
    expect(parseMoney(100.1)).toBe(10010);
    expect(parseMoney('0.1')).toBe(10);
    expect(parseMoney('12,30')).toBe(1230);
    expect(parseMoney('1.005')).toBeNull();
    expect(parseMoney('1.000')).toBe(100);
    expect(parseMoney('-1')).toBeNull();
    expect(parseMoney('-1', true)).toBe(-100);
    expect(parseMoney('abc')).toBeNull();
    expect(parseMoney(1e21)).toBeNull();
    expect(parseMoney(Number.NaN)).toBeNull();
    expect(parseQuantity('0.125')).toBe(125);
    expect(parseQuantity('0.1255')).toBeNull();
    expect(parseMoney('9999999999999999')).toBeNull();
  });
  it('formats money with two decimals and quantities and percents trimmed', () => {
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(5)).toBe('0.05');
    expect(formatMoney(-150)).toBe('-1.50');
    expect(formatQuantity(3000)).toBe('3');
    expect(formatQuantity(2500)).toBe('2.5');
    expect(formatQuantity(125)).toBe('0.125');
    expect(formatPercent(1250)).toBe('12.5');
  });
  it('takes VAT included at each rate', () => {
    expect(vatIncluded(12200, '22')).toBe(2200);
    expect(vatIncluded(12000, '20')).toBe(2000);
    expect(vatIncluded(11000, '10')).toBe(1000);
    expect(vatIncluded(11000, '0')).toBe(0);
    expect(vatIncluded(11000, 'none')).toBe(0);
  });
  it('gives no amount for a 100 % discount', () => {
    expect(lineAmounts({ quantity: 1000, price: 999, discount: 10000, vatRate: '20' })).toEqual({ amount: 0, vatAmount: 0 });
  });
});
