import type { Page } from 'playwright-core';
import { apiPost } from './helpers';

/** YYYY-MM-DD of the first day of the month `back` months before `today`'s, and of that month's last day. */
export function monthOf(today: string, back: number): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number);
  const index = y * 12 + (m - 1) - back;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/** A sale of one line without a product, typed in as the API takes it. */
export async function seedSale(page: Page, counterpartyId: string, date: string, amount: string, cost = '0.00') {
  await apiPost(page, '/api/sales', {
    date,
    counterpartyId,
    lines: [{ description: 'Поставка продуктов', quantity: '1', price: amount, amount, cost }],
  });
}

/** The class letters of the distribution's rows, top to bottom. */
export async function rowClasses(page: Page, testId: string, classTestId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .evaluateAll((rows, id) => rows.map((r) => r.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-class') ?? ''), classTestId);
}

/** A classification of one day's sales, filled and applied through the API; returns its id. */
export async function seedAppliedAbc(page: Page, day: string): Promise<string> {
  const doc = await apiPost<{ id: string }>(page, '/api/abc-classifications', { periodFrom: day, periodTo: day });
  await apiPost(page, `/api/abc-classifications/${doc.id}/fill`, {});
  await apiPost(page, `/api/abc-classifications/${doc.id}/apply`, {});
  return doc.id;
}
