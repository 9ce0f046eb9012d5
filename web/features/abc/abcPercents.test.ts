import { describe, expect, it } from 'vitest';
import { percentErrors, percentSum, percentValue } from './abcPercents';

const p = (a: string | number, b: string | number, c: string | number) => ({ classAPercent: a, classBPercent: b, classCPercent: c });

describe('class percents', () => {
  it('reads whole numbers 0..100 only', () => {
    expect(percentValue('70')).toBe(70);
    expect(percentValue(' 0 ')).toBe(0);
    expect(percentValue(100)).toBe(100);
    for (const bad of ['', '101', '-1', '7.5', '1e2', 'abc', null, undefined]) expect(percentValue(bad)).toBeNull();
  });

  it('sums what it can read', () => {
    expect(percentSum(p('70', '20', '10'))).toBe(100);
    expect(percentSum(p('80', '', '10'))).toBe(90);
  });

  it('accepts 70/20/10 and 100/0/0', () => {
    expect(percentErrors(p('70', '20', '10'))).toEqual({});
    expect(percentErrors(p(100, 0, 0))).toEqual({});
  });

  it('marks all three when the sum is not 100', () => {
    expect(percentErrors(p('70', '20', '20'))).toEqual({
      classAPercent: 'abc_percent_sum',
      classBPercent: 'abc_percent_sum',
      classCPercent: 'abc_percent_sum',
    });
  });

  it('marks only the unreadable one first', () => {
    expect(percentErrors(p('70', '2.5', '10'))).toEqual({ classBPercent: 'abc_percent_range' });
    expect(percentErrors(p('', '20', '101'))).toEqual({ classAPercent: 'abc_percent_range', classCPercent: 'abc_percent_range' });
  });
});
