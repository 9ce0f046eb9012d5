import { describe, expect, it } from 'vitest';
import { buildSalesReport, currentMonth, monthLabel } from './sales-report.logic.js';
import type { SalesAggregate } from './sales-report.repo.js';

const agg = (a: Partial<SalesAggregate>): SalesAggregate => ({
  counterpartyId: null,
  counterpartyName: null,
  productId: null,
  productSku: null,
  productName: null,
  responsibleUserId: null,
  responsibleName: null,
  date: null,
  quantity: 0,
  revenue: 0,
  cost: 0,
  ...a,
});

describe('sales report logic', () => {
  it('the current month, leap years included', () => {
    expect(currentMonth('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthLabel('2026-11', 'ru')).toBe('Ноябрь 2026');
    expect(monthLabel('2026-11', 'en')).toBe('November 2026');
  });

  it('a loss has a negative margin; no revenue has none', () => {
    const r = buildSalesReport(
      [
        agg({ responsibleUserId: 'u1', responsibleName: 'Ann', revenue: 1000, cost: 1500 }),
        agg({ responsibleUserId: 'u2', responsibleName: 'Bob', revenue: 0, cost: 100 }),
      ],
      { groupBy: 'responsible', thenBy: null, lang: 'en' },
    );
    expect(r.rows.map((x) => [x.label, x.grossProfit, x.margin, x.share])).toEqual([
      ['Ann', '-5.00', -0.5, 1],
      ['Bob', '-1.00', null, 0],
    ]);
    expect(r.totals).toMatchObject({ revenue: '10.00', grossProfit: '-6.00', margin: -0.6 });
  });
});
