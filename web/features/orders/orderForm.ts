import type { Order, OrderCreate, OrderLineInput, OrderPatch } from '../../../shared/api/orders';
import type { Product } from '../../../shared/api/products';
import { lineAmounts, parseMoney, parsePercent, parseQuantity, sumExact, type VatRate } from '../../../shared/money';
import { inputDecimal } from './decimalText';

export interface LineForm {
  /** Stable while lines are added and removed: inputs and errors follow it, not the position. */
  key: string;
  productId: string | null;
  productSku: string;
  productName: string;
  unit: string;
  vatRate: VatRate;
  /** As typed: comma or point. */
  quantity: string;
  price: string;
  discount: string;
}

export interface OrderForm {
  date: string;
  counterpartyId: string | null;
  counterpartyName: string | null;
  contactPersonId: string | null;
  contactPersonName: string | null;
  responsibleUserId: string | null;
  comment: string;
  lines: LineForm[];
}

export interface OrderPrefill {
  counterpartyId?: string | null;
  counterpartyName?: string | null;
  contactPersonId?: string | null;
  contactPersonName?: string | null;
}

let lastKey = 0;
const nextKey = () => `l${++lastKey}`;

export function emptyLine(): LineForm {
  return {
    key: nextKey(),
    productId: null,
    productSku: '',
    productName: '',
    unit: '',
    vatRate: '22',
    quantity: '1',
    price: '',
    discount: '',
  };
}

/** A chosen product fills the line: its unit, VAT rate and price (the user may change the price). */
export function withProduct(line: LineForm, p: Product, lang: 'ru' | 'en'): LineForm {
  return {
    ...line,
    productId: p.id,
    productSku: p.sku,
    productName: p.name,
    unit: p.unit,
    vatRate: p.vatRate,
    price: inputDecimal(p.price, lang),
  };
}

export function emptyOrderForm(today: string, responsibleUserId: string | null, prefill: OrderPrefill = {}): OrderForm {
  return {
    date: today,
    counterpartyId: prefill.counterpartyId ?? null,
    counterpartyName: prefill.counterpartyName ?? null,
    contactPersonId: prefill.contactPersonId ?? null,
    contactPersonName: prefill.contactPersonName ?? null,
    responsibleUserId,
    comment: '',
    lines: [emptyLine()],
  };
}

export function formFromOrder(o: Order, lang: 'ru' | 'en'): OrderForm {
  return {
    date: o.date,
    counterpartyId: o.counterpartyId,
    counterpartyName: o.counterpartyName,
    contactPersonId: o.contactPersonId,
    contactPersonName: o.contactPersonName,
    responsibleUserId: o.responsibleUserId,
    comment: o.comment ?? '',
    lines: o.lines.map((l) => ({
      key: nextKey(),
      productId: l.productId,
      productSku: l.productSku,
      productName: l.productName,
      unit: l.unit,
      vatRate: l.vatRate,
      quantity: inputDecimal(l.quantity, lang),
      price: inputDecimal(l.price, lang),
      discount: l.discountPercent === '0' ? '' : inputDecimal(l.discountPercent, lang),
    })),
  };
}

const clean = (s: string) => s.trim().replace(/\s/g, '');

/** A line's numbers as the server scales them (kopecks, thousandths, hundredths), null where unreadable. */
export function lineNumbers(l: LineForm): { quantity: number | null; price: number | null; discount: number | null } {
  const q = clean(l.quantity);
  const p = clean(l.price);
  const d = clean(l.discount);
  return {
    quantity: q ? parseQuantity(q) : null,
    price: p ? parseMoney(p) : null,
    discount: d ? parsePercent(d) : 0,
  };
}

/** The line's amount and VAT exactly as the server computes them; null until the line can be computed. */
export function lineTotals(l: LineForm): { amount: number; vatAmount: number } | null {
  const n = lineNumbers(l);
  if (!l.productId || n.quantity === null || n.price === null || n.discount === null || n.discount > 10000) return null;
  return lineAmounts({ quantity: n.quantity, price: n.price, discount: n.discount, vatRate: l.vatRate });
}

/** «Итого» and «в т.ч. НДС» of the lines that can be computed. */
export function orderTotals(lines: LineForm[]): { total: number; vatTotal: number } {
  const computed = lines.map(lineTotals).filter((x) => x !== null);
  return { total: sumExact(computed.map((x) => x.amount)), vatTotal: sumExact(computed.map((x) => x.vatAmount)) };
}

type Local = Record<string, string>;

/** A line left as added (no product, nothing typed) is not sent. */
const isBlank = (l: LineForm) => !l.productId && !clean(l.price) && !clean(l.discount);

/**
 * The lines as the API takes them, the keys of the lines sent (the server names them by position)
 * and what cannot be sent (`lines.<key>.<part>` -> error code).
 */
export function linesPayload(lines: LineForm[]): { lines: OrderLineInput[]; keys: string[]; errors: Local } {
  const errors: Local = {};
  const out: OrderLineInput[] = [];
  const keys: string[] = [];
  for (const l of lines) {
    if (isBlank(l)) continue;
    const n = lineNumbers(l);
    const at = (part: string) => `lines.${l.key}.${part}`;
    if (!l.productId) errors[at('product')] = 'required';
    if (!clean(l.quantity)) errors[at('quantity')] = 'required';
    else if (n.quantity === null || n.quantity <= 0) errors[at('quantity')] = 'quantity_invalid';
    if (clean(l.price) && n.price === null) errors[at('price')] = 'invalid_amount';
    if (n.discount === null || n.discount > 10000) errors[at('discount')] = 'discount_invalid';
    keys.push(l.key);
    out.push({
      productId: l.productId ?? '',
      quantity: clean(l.quantity).replace(',', '.'),
      // A cleared price is left to the server: the product's price.
      ...(clean(l.price) ? { price: clean(l.price).replace(',', '.') } : {}),
      ...(clean(l.discount) ? { discountPercent: clean(l.discount).replace(',', '.') } : {}),
    });
  }
  return { lines: out, keys, errors };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function headerErrors(f: OrderForm): Local {
  const errors: Local = {};
  if (!f.date) errors.date = 'required';
  if (!f.counterpartyId) errors.counterpartyId = 'required';
  if (!f.responsibleUserId) errors.responsibleUserId = 'required';
  return errors;
}

export function orderCreatePayload(f: OrderForm, basisEventId: string | null): { body: OrderCreate; errors: Local; keys: string[] } {
  const lines = linesPayload(f.lines);
  const body: OrderCreate = {
    counterpartyId: f.counterpartyId ?? '',
    date: f.date,
    contactPersonId: f.contactPersonId,
    comment: orNull(f.comment),
    lines: lines.lines,
    basis: basisEventId ? { type: 'event', id: basisEventId } : null,
    ...(f.responsibleUserId ? { responsibleUserId: f.responsibleUserId } : {}),
  };
  return { body, errors: { ...headerErrors(f), ...lines.errors }, keys: lines.keys };
}

/** Only what differs from the stored order; changed lines are sent whole (they replace the stored ones). */
export function orderPatchPayload(f: OrderForm, saved: OrderForm): { body: OrderPatch; errors: Local; keys: string[] } {
  const lines = linesPayload(f.lines);
  const before = linesPayload(saved.lines).lines;
  const body: OrderPatch = {};
  if (f.date !== saved.date) body.date = f.date;
  if (f.counterpartyId !== saved.counterpartyId && f.counterpartyId) body.counterpartyId = f.counterpartyId;
  if (f.contactPersonId !== saved.contactPersonId) body.contactPersonId = f.contactPersonId;
  if (f.responsibleUserId !== saved.responsibleUserId && f.responsibleUserId) body.responsibleUserId = f.responsibleUserId;
  if (orNull(f.comment) !== orNull(saved.comment)) body.comment = orNull(f.comment);
  if (!sameLines(lines.lines, before)) body.lines = lines.lines;
  return { body, errors: { ...headerErrors(f), ...lines.errors }, keys: lines.keys };
}

/** Lines compared by value: "100,10" and "100.1" are the same price. */
function sameLines(a: OrderLineInput[], b: OrderLineInput[]): boolean {
  const norm = (l: OrderLineInput) =>
    [l.productId, parseQuantity(l.quantity), l.price === undefined ? null : parseMoney(l.price), parsePercent(l.discountPercent ?? 0)].join(
      '|',
    );
  return a.length === b.length && a.every((l, i) => norm(l) === norm(b[i]));
}

// A line's amount past the limit is the quantity's to change.
const PARTS: Record<string, string> = {
  productId: 'product',
  quantity: 'quantity',
  price: 'price',
  discountPercent: 'discount',
  amount: 'quantity',
};

/**
 * A server field path -> the input that shows it: "lines[2].quantity" (or "lines.2.quantity") is the
 * quantity cell of the third line sent, `keys[2]`.
 */
export function orderFieldOf(field: string, keys: string[]): string {
  const m = /^lines(?:\[(\d+)\]|[./](\d+))(?:[./](\w+))?/.exec(field);
  if (m) {
    const key = keys[Number(m[1] ?? m[2])];
    if (!key) return 'lines';
    return `lines.${key}.${PARTS[m[3] ?? ''] ?? 'product'}`;
  }
  if (field.startsWith('basis')) return 'basis';
  return field;
}
