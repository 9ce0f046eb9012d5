// The plan of the demo's trade: who buys how much over the last 18 months. Customers follow a
// Pareto curve (a few big buyers, a long tail), so the ABC classification has real A, B and C
// classes; recent orders are left confirmed, in draft or cancelled so every state has examples.
import { DateTime } from 'luxon';
import type { Random } from './demo.logic.js';

export interface TradeCustomer {
  id: string;
  responsibleUserId: string;
}

export interface TradeEvent {
  id: string;
  counterpartyId: string;
  contactPersonId: string | null;
  responsibleUserId: string;
  /** Local date of the event (YYYY-MM-DD). */
  date: string;
}

export interface PlannedLine {
  product: number;
  /** Decimal string. */
  quantity: string;
  discountPercent: string;
}

export interface PlannedOrder {
  kind: 'order';
  customer: TradeCustomer;
  date: string;
  lines: PlannedLine[];
  state: 'draft' | 'confirmed' | 'shipped' | 'cancelled';
  basis: TradeEvent | null;
}

export interface PlannedSale {
  kind: 'sale';
  customer: TradeCustomer;
  date: string;
  lines: PlannedLine[];
}

export type PlannedDocument = PlannedOrder | PlannedSale;

const MONTHS = 18;

/** Weight of the customer at a rank: 1 / rank^1.2 (the first customers buy most). */
const weightAt = (rank: number) => 1 / Math.pow(rank + 1, 1.2);

function linesFor(r: Random, products: number, weight: number): PlannedLine[] {
  const count = r.int(1, Math.min(6, products));
  const used = new Set<number>();
  const lines: PlannedLine[] = [];
  for (let i = 0; i < count; i++) {
    const product = r.int(0, products - 1);
    if (used.has(product)) continue;
    used.add(product);
    const base = Math.max(1, Math.round(r.int(2, 40) * (0.3 + weight * 3)));
    const discount = r.chance(0.25) ? r.pick(['2', '3', '5', '7.5', '10']) : '0';
    lines.push({ product, quantity: String(base), discountPercent: discount });
  }
  return lines;
}

function stateFor(r: Random, daysAgo: number): PlannedOrder['state'] {
  if (r.chance(0.05)) return 'cancelled';
  if (daysAgo > 14) return 'shipped';
  if (daysAgo > 3) return r.chance(0.6) ? 'shipped' : 'confirmed';
  return r.chance(0.5) ? 'confirmed' : 'draft';
}

/**
 * Orders and direct sales (entered from the accounting system) over the last 18 months, oldest
 * first. Successful calls and meetings with customers give an order based on the event.
 */
export function planTrade(input: { today: string; customers: TradeCustomer[]; events: TradeEvent[]; products: number }, r: Random) {
  const today = DateTime.fromISO(input.today, { zone: 'utc' });
  const docs: PlannedDocument[] = [];
  const ranks = [...input.customers.keys()].sort(() => r.next() - 0.5);
  for (const [i, customer] of input.customers.entries()) {
    const weight = weightAt(ranks[i]);
    const perMonth = 0.25 + weight * 4;
    for (let m = MONTHS - 1; m >= 0; m--) {
      let n = Math.floor(perMonth) + (r.chance(perMonth % 1) ? 1 : 0);
      for (; n > 0; n--) {
        const date = today.minus({ months: m }).set({ day: r.int(1, 28) });
        if (date > today) continue;
        const daysAgo = Math.round(today.diff(date, 'days').days);
        const lines = linesFor(r, input.products, weight);
        if (r.chance(0.3) && daysAgo > 14) docs.push({ kind: 'sale', customer, date: date.toISODate()!, lines });
        else docs.push({ kind: 'order', customer, date: date.toISODate()!, lines, state: stateFor(r, daysAgo), basis: null });
      }
    }
  }
  const byCustomer = new Map(input.customers.map((c) => [c.id, c]));
  for (const e of input.events) {
    const customer = byCustomer.get(e.counterpartyId);
    if (!customer || e.date > input.today) continue;
    const daysAgo = Math.round(today.diff(DateTime.fromISO(e.date, { zone: 'utc' }), 'days').days);
    if (daysAgo > MONTHS * 30) continue;
    docs.push({ kind: 'order', customer, date: e.date, lines: linesFor(r, input.products, 0.3), state: stateFor(r, daysAgo), basis: e });
  }
  return docs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
