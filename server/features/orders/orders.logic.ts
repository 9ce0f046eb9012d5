import { formatMoney, formatPercent, formatQuantity, lineAmounts, type VatRate } from '../../../shared/money.js';
import type { Order, OrderLine, OrderLineInput, OrderListItem, OrderState } from '../../../shared/api/orders.js';
import { AppError, conflict, type ErrorDetail } from '../../errors.js';
import { documentTitle } from '../../lib/names.js';
import { checkTotal, readDiscount, readMoney, readQuantity, sumOf } from '../documents/amounts.logic.js';

/** A line ready to be written (kopecks, thousandths, hundredths of a percent). */
export interface NewOrderLine {
  productId: string;
  quantity: number;
  price: number;
  discount: number;
  amount: number;
  vatRate: VatRate;
  vatAmount: number;
}

export interface LineProduct {
  price: number;
  vatRate: VatRate;
  archivedAt: string | null;
}

/** A line as written: the product must exist and be active, the price defaults to the product's, the
 * VAT rate is the product's; amounts per lineAmounts. `product` is undefined when the id names none. */
export function orderLineOf(input: OrderLineInput, product: LineProduct | undefined, i: number, errors: ErrorDetail[]): NewOrderLine {
  const f = (name: string) => `lines[${i}].${name}`;
  if (!product) errors.push({ field: f('productId'), code: 'product_not_found', message: 'no such product' });
  else if (product.archivedAt) errors.push({ field: f('productId'), code: 'product_archived', message: 'the product is archived' });
  const quantity = readQuantity(errors, f('quantity'), input.quantity);
  const price = input.price === undefined ? (product?.price ?? 0) : readMoney(errors, f('price'), input.price);
  const discount = input.discountPercent === undefined ? 0 : readDiscount(errors, f('discountPercent'), input.discountPercent);
  const vatRate = product?.vatRate ?? 'none';
  const { amount, vatAmount } = lineAmounts({ quantity, price, discount, vatRate });
  checkTotal(errors, f('amount'), amount);
  return { productId: input.productId, quantity, price, discount, amount, vatRate, vatAmount };
}

/** The order's total and VAT: sums of the lines, refused past MAX_KOPECKS. */
export function orderTotals(lines: NewOrderLine[], errors: ErrorDetail[]) {
  const total = sumOf(lines.map((l) => l.amount));
  checkTotal(errors, 'lines', total);
  return { total, vatTotal: sumOf(lines.map((l) => l.vatAmount)) };
}

const STATE_NAMES: Record<OrderState, string> = { draft: 'a draft', confirmed: 'confirmed', shipped: 'shipped', cancelled: 'cancelled' };

const stateError = (state: OrderState, what: string) =>
  conflict(`The order is ${STATE_NAMES[state]}: it cannot be ${what}`, [
    { field: 'state', code: 'order_state', message: `the order is ${STATE_NAMES[state]}` },
  ]);

export type Verb = 'edit' | 'confirm' | 'cancel' | 'ship';
const DONE: Record<Verb, string> = { edit: 'changed', confirm: 'confirmed', cancel: 'cancelled', ship: 'shipped' };

/** The state machine: draft → confirmed → shipped; draft or confirmed → cancelled. Null when allowed. */
export function verbError(state: OrderState, verb: Verb, lineCount: number): AppError | null {
  if (verb === 'ship' && state === 'shipped')
    return conflict('The order has already been shipped', [{ field: 'state', code: 'order_shipped', message: 'already shipped' }]);
  if (state === 'shipped' || state === 'cancelled') return stateError(state, DONE[verb]);
  if (verb === 'confirm' && state !== 'draft') return stateError(state, 'confirmed again');
  if (verb === 'ship' && state !== 'confirmed') return stateError(state, 'shipped before it is confirmed');
  if ((verb === 'confirm' || verb === 'ship') && lineCount === 0)
    return new AppError(422, 'unprocessable', 'An order without lines cannot be confirmed or shipped', [
      { field: 'lines', code: 'order_empty', message: 'add at least one line' },
    ]);
  return null;
}

export interface OrderRow {
  id: string;
  number: number;
  date: string;
  counterpartyId: string;
  counterpartyName: string | null;
  contactPersonId: string | null;
  responsibleUserId: string;
  responsibleUserName: string | null;
  basisType: string | null;
  basisId: string | null;
  basisNumber: number | null;
  basisSubject: string | null;
  state: OrderState;
  comment: string | null;
  total: number;
  vatTotal: number;
  saleId: string | null;
  saleNumber: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrderLineRow {
  id: string;
  productId: string;
  productSku: string | null;
  productName: string | null;
  unit: string | null;
  quantity: number;
  price: number;
  discount: number;
  amount: number;
  vatRate: VatRate;
  vatAmount: number;
}

const basisOf = (r: OrderRow) =>
  r.basisType === 'event' && r.basisId
    ? { type: 'event' as const, id: r.basisId, title: r.basisNumber != null ? documentTitle(r.basisNumber, r.basisSubject) : null }
    : null;

export function listItemOf(r: OrderRow): OrderListItem {
  const basis = basisOf(r);
  return {
    id: r.id,
    number: r.number,
    date: r.date,
    counterpartyId: r.counterpartyId,
    counterpartyName: r.counterpartyName ?? '',
    responsibleUserId: r.responsibleUserId,
    responsibleUserName: r.responsibleUserName,
    state: r.state,
    total: formatMoney(Number(r.total)),
    basis: basis && { type: basis.type, id: basis.id },
    saleId: r.saleId,
  };
}

const lineToApi = (l: OrderLineRow): OrderLine => ({
  id: l.id,
  productId: l.productId,
  productSku: l.productSku ?? '',
  productName: l.productName ?? '',
  unit: l.unit ?? '',
  quantity: formatQuantity(Number(l.quantity)),
  price: formatMoney(Number(l.price)),
  discountPercent: formatPercent(Number(l.discount)),
  amount: formatMoney(Number(l.amount)),
  vatRate: l.vatRate,
  vatAmount: formatMoney(Number(l.vatAmount)),
});

export function orderOf(r: OrderRow, contactPersonName: string | null, lines: OrderLineRow[]): Order {
  return {
    id: r.id,
    number: r.number,
    date: r.date,
    counterpartyId: r.counterpartyId,
    counterpartyName: r.counterpartyName ?? '',
    contactPersonId: r.contactPersonId,
    contactPersonName,
    responsibleUserId: r.responsibleUserId,
    responsibleUserName: r.responsibleUserName,
    basis: basisOf(r),
    state: r.state,
    comment: r.comment,
    lines: lines.map(lineToApi),
    total: formatMoney(Number(r.total)),
    vatTotal: formatMoney(Number(r.vatTotal)),
    saleId: r.saleId,
    saleNumber: r.saleNumber,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** «Заказ покупателя №5 от 30.11.2026» — the title of an order where it is linked (tasks, related documents). */
export function orderTitle(number: number, date: string, counterpartyName?: string | null): string {
  const [y, m, d] = date.split('-');
  return `Заказ покупателя №${number} от ${d}.${m}.${y}${counterpartyName ? `, ${counterpartyName}` : ''}`;
}
