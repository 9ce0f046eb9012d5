// Pure pieces of the «АВС-анализ покупателей» page: the Pareto chart's points and the class
// boundaries drawn over them. Amounts arrive as exact decimal strings; the chart only needs their
// size, so they become numbers here and nowhere that sums money.
import { parseMoney } from '../../../shared/money';

export type AbcLetter = 'A' | 'B' | 'C';

export interface ParetoInput {
  amount: string;
  abcClass: AbcLetter;
}

export interface ParetoPoint {
  /** 1-based rank of the last customer in the bar. */
  rank: number;
  /** How many customers the bar stands for (1 unless the list was thinned). */
  customers: number;
  /** The bar: the customers' amount in roubles (a negative profit draws below the axis). */
  amount: number;
  /** Cumulative share of the positive total up to and including this bar, percent 0..100. */
  cumulative: number;
  abcClass: AbcLetter;
}

export interface ParetoData {
  points: ParetoPoint[];
}

const kopecks = (v: string) => parseMoney(v, true) ?? 0;

/**
 * Customers in rank order (amount descending, as the classification ranks them) -> chart points. More
 * than `maxBars` customers are summed into consecutive groups of one class each, so a hundred
 * thousand customers still draw as a readable curve and no bar mixes two classes.
 */
export function paretoData(rows: ParetoInput[], maxBars = 120): ParetoData {
  const total = rows.reduce((s, r) => s + Math.max(0, kopecks(r.amount)), 0);
  const size = Math.max(1, Math.ceil(rows.length / maxBars));
  const points: ParetoPoint[] = [];
  let running = 0;
  let bar: ParetoPoint | null = null;
  rows.forEach((r, i) => {
    const k = kopecks(r.amount);
    running += Math.max(0, k);
    const rank = i + 1;
    if (!bar || bar.customers >= size || bar.abcClass !== r.abcClass) {
      bar = { rank, customers: 0, amount: 0, cumulative: 0, abcClass: r.abcClass };
      points.push(bar);
    }
    bar.rank = rank;
    bar.customers += 1;
    bar.amount += k / 100;
    bar.cumulative = total > 0 ? Math.round((running / total) * 10000) / 100 : 0;
  });
  for (const p of points) p.amount = Math.round(p.amount * 100) / 100;
  return { points };
}
