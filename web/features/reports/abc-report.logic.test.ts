import { describe, expect, it } from 'vitest';
import { paretoData, type ParetoInput } from './abc-report.logic';

const row = (amount: string, abcClass: 'A' | 'B' | 'C'): ParetoInput => ({ amount, abcClass });

describe('Pareto chart data', () => {
  it('one bar per customer with the cumulative share of the positive total', () => {
    // 70/20/10 example of the rules: 500, 300, 100, 100 -> A, A, B, C.
    const d = paretoData([row('500.00', 'A'), row('300.00', 'A'), row('100.00', 'B'), row('100.00', 'C')]);
    expect(d.points.map((p) => [p.rank, p.amount, p.cumulative, p.abcClass])).toEqual([
      [1, 500, 50, 'A'],
      [2, 300, 80, 'A'],
      [3, 100, 90, 'B'],
      [4, 100, 100, 'C'],
    ]);
  });

  it('a negative gross profit draws below the axis and does not move the curve', () => {
    const d = paretoData([row('100.00', 'A'), row('0.00', 'C'), row('-25.50', 'C')]);
    expect(d.points.map((p) => [p.amount, p.cumulative])).toEqual([
      [100, 100],
      [0, 100],
      [-25.5, 100],
    ]);
  });

  it('a zero total gives a flat curve', () => {
    expect(paretoData([row('0.00', 'C')]).points[0].cumulative).toBe(0);
    expect(paretoData([]).points).toEqual([]);
  });

  it('many customers are summed into bars that never mix classes', () => {
    const rows = [
      ...Array.from({ length: 10 }, () => row('100.00', 'A' as const)),
      ...Array.from({ length: 290 }, () => row('1.00', 'C' as const)),
    ];
    const d = paretoData(rows, 30);
    expect(d.points.length).toBeLessThanOrEqual(31);
    expect(d.points[0]).toMatchObject({ rank: 10, customers: 10, amount: 1000, abcClass: 'A' });
    expect(d.points.reduce((s, p) => s + p.customers, 0)).toBe(300);
    expect(d.points.at(-1)).toMatchObject({ rank: 300, cumulative: 100 });
  });
});
