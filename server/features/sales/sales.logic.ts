import { formatMoney, formatQuantity, quantityTimesPrice, vatIncluded, divRound, type VatRate } from '../../../shared/money.js';
import type { Sale, SaleLine, SaleLineInput, SaleListItem } from '../../../shared/api/sales.js';
import type { ErrorDetail } from '../../errors.js';
import { readMoney, readQuantity, checkTotal, sumOf } from '../documents/amounts.logic.js';

/** A line ready to be written (money in kopecks, quantity in thousandths). */
export interface NewSaleLine {
  productId: string | null;
  description: string | null;
  quantity: number;
  price: number;
  amount: number;
  cost: number;
  vatRate: VatRate;
  vatAmount: number;
}

/** What a line copies from its product. */
export interface LineProduct {
  price: number;
  costPrice: number;
  vatRate: VatRate;
}

/**
 * A line entered directly: a product or a description; the price defaults to the product's, or to
 * amount / quantity when only the amount is given; the amount to quantity × price; the cost to the
 * product's cost price × quantity (0 without a product); the VAT rate to the product's ('none' without).
 * `product` is undefined when the line has none, null when its id names no product.
 */
export function saleLineOf(input: SaleLineInput, product: LineProduct | null | undefined, i: number, errors: ErrorDetail[]): NewSaleLine {
  const f = (name: string) => `lines[${i}].${name}`;
  const description = input.description?.trim() || null;
  if (product === null) errors.push({ field: f('productId'), code: 'product_not_found', message: 'no such product' });
  if (!input.productId && !description)
    errors.push({ field: f('description'), code: 'sale_line_empty', message: 'a line needs a product or a description' });
  const quantity = readQuantity(errors, f('quantity'), input.quantity);
  const amountIn = input.amount === undefined ? null : readMoney(errors, f('amount'), input.amount);
  let price: number;
  if (input.price !== undefined) price = readMoney(errors, f('price'), input.price);
  else if (product) price = product.price;
  else if (amountIn !== null && quantity > 0) price = Number(divRound(BigInt(amountIn) * 1000n, BigInt(quantity)));
  else {
    if (!input.productId)
      errors.push({ field: f('price'), code: 'required', message: 'a line without a product needs a price or an amount' });
    price = 0;
  }
  const amount = amountIn ?? quantityTimesPrice(quantity, price);
  checkTotal(errors, f('amount'), amount);
  const cost =
    input.cost !== undefined ? readMoney(errors, f('cost'), input.cost) : product ? quantityTimesPrice(quantity, product.costPrice) : 0;
  checkTotal(errors, f('cost'), cost);
  const vatRate = input.vatRate ?? product?.vatRate ?? 'none';
  return {
    productId: input.productId ?? null,
    description,
    quantity,
    price,
    amount,
    cost,
    vatRate,
    vatAmount: vatIncluded(amount, vatRate),
  };
}

export interface SaleTotalsValue {
  revenue: number;
  cost: number;
  vatTotal: number;
}

/** Σ of the lines; every sum must fit MAX_KOPECKS (reported on `field`). */
export function saleTotals(lines: NewSaleLine[], errors: ErrorDetail[], field = 'lines'): SaleTotalsValue {
  const t = {
    revenue: sumOf(lines.map((l) => l.amount)),
    cost: sumOf(lines.map((l) => l.cost)),
    vatTotal: sumOf(lines.map((l) => l.vatAmount)),
  };
  checkTotal(errors, field, t.revenue);
  if (t.revenue <= 99_999_999_999_999) checkTotal(errors, field, t.cost);
  return t;
}

interface HeadRow {
  id: string;
  number: number;
  date: string;
  counterpartyId: string;
  counterpartyName: string | null;
  orderId: string | null;
  orderNumber: number | null;
  responsibleUserId: string | null;
  responsibleUserName: string | null;
  comment: string | null;
  revenue: number;
  cost: number;
  vatTotal: number;
  createdAt: string;
  updatedAt: string;
}

export interface LineRow {
  id: string;
  productId: string | null;
  productSku: string | null;
  productName: string | null;
  unit: string | null;
  description: string | null;
  quantity: number;
  price: number;
  amount: number;
  cost: number;
  vatRate: VatRate;
  vatAmount: number;
}

const lineToApi = (l: LineRow): SaleLine => ({
  id: l.id,
  productId: l.productId,
  productSku: l.productSku,
  productName: l.productName,
  unit: l.unit,
  description: l.description,
  quantity: formatQuantity(Number(l.quantity)),
  price: formatMoney(Number(l.price)),
  amount: formatMoney(Number(l.amount)),
  cost: formatMoney(Number(l.cost)),
  vatRate: l.vatRate,
  vatAmount: formatMoney(Number(l.vatAmount)),
});

export function listItemOf(r: HeadRow): SaleListItem {
  const revenue = Number(r.revenue);
  const cost = Number(r.cost);
  return {
    id: r.id,
    number: r.number,
    date: r.date,
    counterpartyId: r.counterpartyId,
    counterpartyName: r.counterpartyName ?? '',
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    responsibleUserName: r.responsibleUserName,
    revenue: formatMoney(revenue),
    cost: formatMoney(cost),
    grossProfit: formatMoney(revenue - cost),
  };
}

export function saleOf(r: HeadRow, lines: LineRow[]): Sale {
  return {
    ...listItemOf(r),
    responsibleUserId: r.responsibleUserId,
    comment: r.comment,
    lines: lines.map(lineToApi),
    vatTotal: formatMoney(Number(r.vatTotal)),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
