// The new sale form's lines: what a line's amount is (quantity × price, unless typed), what the
// document's totals are, and the body sent to POST /api/sales. Kept pure so the form and its tests
// share one rule with the server (shared/money.ts).
import type { SaleCreate, SaleLineInput } from '../../../shared/api/sales';
import { formatMoney, parseMoney, parseQuantity, quantityTimesPrice, sumExact } from '../../../shared/money';

export interface SaleLineForm {
  key: string;
  productId: string | null;
  productLabel: string | null;
  /** The chosen product's cost price per unit ("1234.50"): the line's cost when none is typed. */
  productCostPrice: string | null;
  description: string;
  quantity: string;
  price: string;
  /** '' while the amount follows quantity × price. */
  amount: string;
  /** '' while the cost follows the product's cost price × quantity. */
  cost: string;
}

export interface SaleForm {
  date: string;
  counterpartyId: string | null;
  counterpartyName: string | null;
  comment: string;
  lines: SaleLineForm[];
}

let seq = 0;
export const newLineKey = () => `line-${Date.now().toString(36)}-${++seq}`;

export const emptyLine = (): SaleLineForm => ({
  key: newLineKey(),
  productId: null,
  productLabel: null,
  productCostPrice: null,
  description: '',
  quantity: '1',
  price: '',
  amount: '',
  cost: '',
});

const filled = (s: string) => s.trim() !== '';

/** quantity × price in kopecks, or null while either is not a number. */
export function computedAmount(line: Pick<SaleLineForm, 'quantity' | 'price'>): number | null {
  const q = parseQuantity(line.quantity);
  const p = parseMoney(line.price);
  if (q === null || p === null) return null;
  return quantityTimesPrice(q, p);
}

/** The line's amount in kopecks: the typed one, else quantity × price. */
export function lineAmount(line: SaleLineForm): number | null {
  return filled(line.amount) ? parseMoney(line.amount) : computedAmount(line);
}

/** The line's whole cost in kopecks: the typed one, else the product's cost price × quantity, else 0. */
export function lineCost(line: SaleLineForm): number | null {
  if (filled(line.cost)) return parseMoney(line.cost);
  const q = parseQuantity(line.quantity);
  const c = line.productCostPrice ? parseMoney(line.productCostPrice) : 0;
  if (q === null || c === null) return null;
  return line.productId ? quantityTimesPrice(q, c) : 0;
}

export interface SaleTotalsKopecks {
  revenue: number;
  cost: number;
  grossProfit: number;
}

/** Revenue, cost and gross profit of the lines that can be read (a half-typed line counts 0). */
export function saleTotals(lines: SaleLineForm[]): SaleTotalsKopecks {
  const revenue = sumExact(lines.map((l) => lineAmount(l) ?? 0));
  const cost = sumExact(lines.map((l) => lineCost(l) ?? 0));
  return { revenue, cost, grossProfit: revenue - cost };
}

export const kopecksText = (k: number) => formatMoney(k);

/**
 * The request body and what the form refuses to send (field -> error code, named as the server
 * names them: `lines.0.quantity`), so both kinds of refusal are shown the same way.
 */
export function salePayload(form: SaleForm): { body: SaleCreate; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!form.date) errors.date = 'required';
  if (!form.counterpartyId) errors.counterpartyId = 'required';
  if (form.lines.length === 0) errors.lines = 'required';
  const lines: SaleLineInput[] = form.lines.map((l, i) => {
    const at = `lines.${i}`;
    if (!l.productId && !filled(l.description)) errors[`${at}.description`] = 'sale_line_empty';
    const q = parseQuantity(l.quantity);
    if (!filled(l.quantity)) errors[`${at}.quantity`] = 'required';
    else if (q === null || q <= 0) errors[`${at}.quantity`] = 'quantity_invalid';
    if (filled(l.price) && parseMoney(l.price) === null) errors[`${at}.price`] = 'invalid_amount';
    if (filled(l.amount) && parseMoney(l.amount) === null) errors[`${at}.amount`] = 'invalid_amount';
    if (filled(l.cost) && parseMoney(l.cost) === null) errors[`${at}.cost`] = 'invalid_amount';
    if (!l.productId && !filled(l.price) && !filled(l.amount)) errors[`${at}.price`] = 'required';
    const line: SaleLineInput = { quantity: l.quantity.trim().replace(',', '.') };
    if (l.productId) line.productId = l.productId;
    if (filled(l.description)) line.description = l.description.trim();
    if (filled(l.price)) line.price = l.price.trim().replace(',', '.');
    // The amount is sent as shown, so the server stores what the user saw.
    const amount = lineAmount(l);
    if (amount !== null && (filled(l.amount) || filled(l.price))) line.amount = formatMoney(amount);
    if (filled(l.cost)) line.cost = l.cost.trim().replace(',', '.');
    return line;
  });
  const body: SaleCreate = { date: form.date, counterpartyId: form.counterpartyId ?? '', lines };
  if (filled(form.comment)) body.comment = form.comment.trim();
  return { body, errors };
}

/** "lines[2].quantity" (the server's path) -> "lines.2.quantity" (the form's). */
export const lineFieldOf = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');
