// Reading the decimal inputs of trade documents (products, orders, sales): each bad value becomes a
// detail naming its field, so one 400 lists every problem of a card before anything is written.
import { MAX_KOPECKS, MAX_QUANTITY, parseMoney, parsePercent, parseQuantity } from '../../../shared/money.js';
import type { ErrorDetail } from '../../errors.js';

export type Input = string | number;

/** Money of a price, amount or cost: at most two places, not negative, at most MAX_KOPECKS. */
export function readMoney(errors: ErrorDetail[], field: string, input: Input): number {
  const v = parseMoney(input);
  if (v === null || v > MAX_KOPECKS) {
    errors.push({ field, code: 'invalid_amount', message: 'must be an amount from 0 to 999999999999.99 with at most two places' });
    return 0;
  }
  return v;
}

/** A quantity: greater than zero, at most three places. */
export function readQuantity(errors: ErrorDetail[], field: string, input: Input): number {
  const v = parseQuantity(input);
  if (v === null || v <= 0 || v > MAX_QUANTITY) {
    errors.push({ field, code: 'quantity_invalid', message: 'must be a number greater than zero with at most three places' });
    return 0;
  }
  return v;
}

/** A discount in hundredths of a percent, 0..100. */
export function readDiscount(errors: ErrorDetail[], field: string, input: Input): number {
  const v = parsePercent(input);
  if (v === null || v < 0 || v > 10000) {
    errors.push({ field, code: 'discount_invalid', message: 'must be a percent from 0 to 100 with at most two places' });
    return 0;
  }
  return v;
}

/** A document total past MAX_KOPECKS cannot be stored or printed exactly. */
export function checkTotal(errors: ErrorDetail[], field: string, total: number): void {
  if (total > MAX_KOPECKS || total < -MAX_KOPECKS)
    errors.push({ field, code: 'total_too_large', message: 'the total must not exceed 999999999999.99' });
}

/** Σ of integers as a plain number, or Infinity when it leaves the safe range (checkTotal refuses it). */
export function sumOf(values: number[]): number {
  const s = values.reduce((a, v) => a + BigInt(v), 0n);
  return s > BigInt(Number.MAX_SAFE_INTEGER) || s < -BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(s);
}
