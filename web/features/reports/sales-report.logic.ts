// Pure pieces of the sales report page: which groups the chart shows and how wide their bars are.
import type { SalesReportRow } from '../../../shared/api/reports';
import { parseMoney } from '../../../shared/money';

export interface ChartBar {
  key: string;
  row: SalesReportRow;
  revenue: string;
  /** 0..100, the bar's length relative to the largest shown. */
  percent: number;
}

/** The top groups of the first level by revenue (largest first), at most `limit`. */
export function topBars(rows: SalesReportRow[], limit = 10): ChartBar[] {
  const top = rows
    .filter((r) => r.level === 0)
    .map((r) => ({ r, kopecks: parseMoney(r.revenue, true) ?? 0 }))
    .filter((x) => x.kopecks > 0)
    .sort((a, b) => b.kopecks - a.kopecks)
    .slice(0, limit);
  const max = top[0]?.kopecks ?? 0;
  return top.map(({ r, kopecks }, i) => ({
    key: `${r.key ?? 'none'}-${i}`,
    row: r,
    revenue: r.revenue,
    percent: max > 0 ? Math.max(1, Math.round((kopecks / max) * 1000) / 10) : 0,
  }));
}

/** A fraction (0.255) as a percent number with one decimal (25.5), null stays null. */
export const fractionToPercent = (f: number | null): number | null => (f === null ? null : Math.round(f * 1000) / 10);
