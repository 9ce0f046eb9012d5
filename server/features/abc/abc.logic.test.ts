import { describe, expect, it } from 'vitest';
import {
  classify,
  classPercentErrors,
  formatHundredths,
  monthBounds,
  monthsOf,
  percentOf,
  tiedIds,
  variationOf,
  xyzClassOf,
} from './abc.logic.js';

const cands = (amounts: number[], names?: string[]) =>
  amounts.map((amount, i) => ({ counterpartyId: `00000000-0000-7000-8000-00000000000${i}`, name: names?.[i] ?? `C${i}`, amount }));
const classes = (amounts: number[], a = 70, b = 20) =>
  classify(cands(amounts), { a, b })
    .lines.map((l) => l.abcClass)
    .join('');

describe('classify', () => {
  it('the issue example: 500, 300, 100, 100 at 70/20/10 are A, A, B, C', () => {
    const r = classify(cands([100, 500, 100, 300]), { a: 70, b: 20 });
    expect(r.total).toBe(1000);
    expect(r.lines.map((l) => [l.amount, l.abcClass, l.cumulativeAmount, l.position])).toEqual([
      [500, 'A', 500, 1],
      [300, 'A', 800, 2],
      [100, 'B', 900, 3],
      [100, 'C', 1000, 4],
    ]);
  });
  it('a customer ranked exactly on a boundary belongs to the next class', () => {
    expect(classes([700, 200, 100])).toBe('ABC');
    expect(classes([699, 201, 100])).toBe('AAC');
    expect(classes([699, 200, 101])).toBe('AAB');
  });
  it('one dominant customer is A, the rest below it C', () => expect(classes([900, 50, 50])).toBe('ACC'));
  it('zero and negative amounts are C and do not count in T', () => {
    const r = classify(cands([100, -50, 0]), { a: 70, b: 20 });
    expect(r.total).toBe(100);
    expect(r.lines.map((l) => [l.amount, l.abcClass, l.cumulativeAmount])).toEqual([
      [100, 'A', 100],
      [0, 'C', 100],
      [-50, 'C', 100],
    ]);
  });
  it('T = 0: everybody is C', () => {
    expect(classes([0, 0, -10])).toBe('CCC');
    expect(classes([])).toBe('');
  });
  it('ties by name, then id', () => {
    const r = classify(
      [
        { counterpartyId: '00000000-0000-7000-8000-000000000009', name: 'Яблоко', amount: 10 },
        { counterpartyId: '00000000-0000-7000-8000-000000000002', name: 'Арбуз', amount: 10 },
        { counterpartyId: '00000000-0000-7000-8000-000000000001', name: 'Арбуз', amount: 10 },
      ],
      { a: 70, b: 20 },
    );
    expect(r.lines.map((l) => l.counterpartyId.slice(-1))).toEqual(['1', '2', '9']);
  });
  it('compares exactly beyond floating point: huge amounts one kopeck apart from a boundary', () => {
    // 7·10^14 − 1 of 10^15 is below 70 %: the next customer is still A; 9·10^14 − 1 below 90 %: B.
    expect(classes([700_000_000_000_000 - 1, 200_000_000_000_000, 100_000_000_000_001])).toBe('AAB');
    expect(classes([700_000_000_000_000, 200_000_000_000_000, 100_000_000_000_000])).toBe('ABC');
  });
  it('A at 0 % starts in B; A at 100 % makes every positive customer A', () => {
    expect(classes([5, 3, 2], 0, 80)).toBe('BBC');
    expect(classes([5, 3, 2, 0], 100, 0)).toBe('AAAC');
  });
});

describe('percents', () => {
  it('must sum to 100, naming all three fields', () => {
    expect(classPercentErrors({ a: 70, b: 20, c: 10 }, ['a', 'b', 'c'])).toEqual([]);
    expect(classPercentErrors({ a: 70, b: 20, c: 20 }, ['a', 'b', 'c']).map((d) => [d.field, d.code])).toEqual([
      ['a', 'abc_percent_sum'],
      ['b', 'abc_percent_sum'],
      ['c', 'abc_percent_sum'],
    ]);
    expect(classPercentErrors({ a: 101, b: -1, c: 0 }, ['a', 'b', 'c']).map((d) => d.field)).toEqual(['a', 'b']);
  });
  it('shares round half up to two places', () => {
    expect(percentOf(1, 3)).toBe('33.33');
    expect(percentOf(2, 3)).toBe('66.67');
    expect(percentOf(1, 8)).toBe('12.50');
    expect(percentOf(1, 80000)).toBe('0.00');
    expect(percentOf(1, 20000)).toBe('0.01');
    expect(percentOf(5, 5)).toBe('100.00');
    expect(percentOf(-5, 5)).toBe('0.00');
    expect(percentOf(5, 0)).toBe('0.00');
    expect(formatHundredths(5)).toBe('0.05');
    expect(formatHundredths(123456)).toBe('1234.56');
  });
});

describe('XYZ', () => {
  it('months of a period, partial months included', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(monthBounds('2024-02', '2024-01-15', '2024-12-31')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthBounds('2025-11', '2025-11-15', '2026-02-01')).toEqual({ first: '2025-11-15', last: '2025-11-30' });
    expect(monthBounds('2026-02', '2025-11-15', '2026-02-01')).toEqual({ first: '2026-02-01', last: '2026-02-01' });
  });
  it('coefficient of variation: population deviation over the mean, months without sales as 0', () => {
    expect(variationOf([100, 100, 100])).toBe(0);
    expect(variationOf([90, 110])).toBe(1000); // 10.00 %
    expect(variationOf([80, 120])).toBe(2000);
    expect(variationOf([100, 300])).toBe(5000);
    expect(variationOf([100, 0, 100, 0])).toBe(10000);
    // mean 100, deviation √(200/3) = 8.1649…: 8.16 %
    expect(variationOf([90, 100, 110])).toBe(816);
    expect(variationOf([0, 0])).toBeNull();
    expect(variationOf([-10, 5])).toBeNull();
  });
  it('X up to the X bound, Y up to the Y bound, Z above', () => {
    expect(xyzClassOf(1000, 10, 25)).toBe('X');
    expect(xyzClassOf(1001, 10, 25)).toBe('Y');
    expect(xyzClassOf(2500, 10, 25)).toBe('Y');
    expect(xyzClassOf(2501, 10, 25)).toBe('Z');
    expect(xyzClassOf(null, 10, 25)).toBe('Z');
  });
});

describe('tiedIds', () => {
  it('names only the candidates whose amount another one has', () => {
    expect(
      tiedIds([
        { counterpartyId: 'a', amount: 5 },
        { counterpartyId: 'b', amount: 3 },
        { counterpartyId: 'c', amount: 5 },
        { counterpartyId: 'd', amount: 0 },
        { counterpartyId: 'e', amount: -1 },
      ]),
    ).toEqual(['a', 'c']);
    expect(tiedIds([])).toEqual([]);
  });
});
