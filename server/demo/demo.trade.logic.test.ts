import { describe, expect, it } from 'vitest';
import { seededRandom } from './demo.logic.js';
import { planTrade, type TradeCustomer } from './demo.trade.logic.js';

const customers: TradeCustomer[] = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, responsibleUserId: `u${i % 3}` }));

describe('the demo trade plan', () => {
  const events = [
    { id: 'e1', counterpartyId: 'c3', contactPersonId: 'p1', responsibleUserId: 'u0', date: '2026-11-20' },
    { id: 'e2', counterpartyId: 'c4', contactPersonId: null, responsibleUserId: 'u1', date: '2026-12-25' },
    { id: 'e3', counterpartyId: 'nobody', contactPersonId: null, responsibleUserId: 'u1', date: '2026-10-01' },
  ];
  const docs = planTrade({ today: '2026-12-21', customers, events, products: 20 }, seededRandom(7));

  it('spans the last 18 months, oldest first, never in the future', () => {
    const dates = docs.map((d) => d.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0] >= '2025-06-01').toBe(true);
    expect(dates.at(-1)! <= '2026-12-21').toBe(true);
  });

  it('bases orders on past events of customers only', () => {
    const based = docs.filter((d) => d.kind === 'order' && d.basis).map((d) => (d.kind === 'order' ? d.basis!.id : ''));
    expect(based).toEqual(['e1']);
  });

  it('concentrates revenue on a few customers (Pareto) and leaves every order state', () => {
    const perCustomer = new Map<string, number>();
    for (const d of docs)
      for (const l of d.lines) perCustomer.set(d.customer.id, (perCustomer.get(d.customer.id) ?? 0) + Number(l.quantity));
    const sorted = [...perCustomer.values()].sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    const top20 = sorted.slice(0, 8).reduce((a, b) => a + b, 0);
    expect(top20 / total).toBeGreaterThan(0.5);
    const states = new Set(docs.flatMap((d) => (d.kind === 'order' ? [d.state] : [])));
    expect([...states].sort()).toEqual(['cancelled', 'confirmed', 'draft', 'shipped']);
    expect(docs.some((d) => d.kind === 'sale')).toBe(true);
  });

  it('keeps every line valid: a positive quantity and a known product', () => {
    for (const d of docs)
      for (const l of d.lines) {
        expect(Number(l.quantity)).toBeGreaterThan(0);
        expect(l.product).toBeGreaterThanOrEqual(0);
        expect(l.product).toBeLessThan(20);
      }
  });
});
