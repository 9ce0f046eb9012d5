import { describe, expect, it } from 'vitest';
import type { SalesReportRow } from '../../../shared/api/reports';
import { fractionToPercent, topBars } from './sales-report.logic';

const row = (label: string, revenue: string, level = 0): SalesReportRow => ({
  level,
  grouping: 'customer',
  key: label,
  label,
  quantity: null,
  revenue,
  cost: '0.00',
  grossProfit: revenue,
  margin: 1,
  share: null,
});

describe('the chart of the top groups', () => {
  it('takes the first level by revenue, largest first, bars relative to the largest', () => {
    const bars = topBars([row('A', '100.00'), row('A1', '999.00', 1), row('B', '400.00'), row('C', '0.00'), row('D', '-5.00')]);
    expect(bars.map((b) => [b.row.label, b.percent])).toEqual([
      ['B', 100],
      ['A', 25],
    ]);
  });

  it('shows at most the limit and a tiny group as a visible sliver', () => {
    const rows = Array.from({ length: 15 }, (_, i) => row(`G${i}`, `${(i + 1) * 1000}.00`));
    expect(topBars(rows)).toHaveLength(10);
    expect(topBars([row('big', '1000000.00'), row('tiny', '0.01')])[1].percent).toBe(1);
  });

  it('margin and share fractions as percents with one decimal', () => {
    expect(fractionToPercent(0.2555)).toBe(25.6);
    expect(fractionToPercent(null)).toBeNull();
  });
});
