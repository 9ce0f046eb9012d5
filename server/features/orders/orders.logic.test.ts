import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../../errors.js';
import { orderLineOf, orderTitle, orderTotals, verbError } from './orders.logic.js';

const product = { price: 10010, vatRate: '22' as const, archivedAt: null };

describe('order lines', () => {
  it('3 × 100.10 with 5 % at 22 % -> 285.29, VAT 51.45; the price defaults to the product’s', () => {
    const errors: ErrorDetail[] = [];
    const line = orderLineOf({ productId: 'p', quantity: '3', discountPercent: '5' }, product, 0, errors);
    expect(errors).toEqual([]);
    expect(line).toEqual({ productId: 'p', quantity: 3000, price: 10010, discount: 500, amount: 28529, vatRate: '22', vatAmount: 5145 });
    expect(orderTotals([line, line], errors)).toEqual({ total: 57058, vatTotal: 10290 });
  });

  it('names each bad field of the line by its position', () => {
    const errors: ErrorDetail[] = [];
    orderLineOf(
      { productId: 'p', quantity: '0', price: '1.005', discountPercent: '100.5' },
      { ...product, archivedAt: '2026-01-01T00:00:00.000Z' },
      2,
      errors,
    );
    orderLineOf({ productId: 'q', quantity: 1 }, undefined, 3, errors);
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['lines[2].productId', 'product_archived'],
      ['lines[2].quantity', 'quantity_invalid'],
      ['lines[2].price', 'invalid_amount'],
      ['lines[2].discountPercent', 'discount_invalid'],
      ['lines[3].productId', 'product_not_found'],
    ]);
  });
});

describe('state machine', () => {
  const code = (e: ReturnType<typeof verbError>) => e && [e.status, e.details[0].code];
  it.each([
    ['draft', 'edit', 0, null],
    ['confirmed', 'edit', 1, null],
    ['shipped', 'edit', 1, [409, 'order_state']],
    ['cancelled', 'edit', 1, [409, 'order_state']],
    ['draft', 'confirm', 1, null],
    ['draft', 'confirm', 0, [422, 'order_empty']],
    ['confirmed', 'confirm', 1, [409, 'order_state']],
    ['draft', 'cancel', 0, null],
    ['confirmed', 'cancel', 1, null],
    ['cancelled', 'cancel', 1, [409, 'order_state']],
    ['confirmed', 'ship', 1, null],
    ['confirmed', 'ship', 0, [422, 'order_empty']],
    ['draft', 'ship', 1, [409, 'order_state']],
    ['cancelled', 'ship', 1, [409, 'order_state']],
    ['shipped', 'ship', 1, [409, 'order_shipped']],
  ] as const)('%s + %s (%i lines)', (state, verb, lines, expected) => {
    expect(code(verbError(state, verb, lines))).toEqual(expected);
  });

  it('the message names the state', () => {
    expect(verbError('cancelled', 'edit', 1)?.message).toBe('The order is cancelled: it cannot be changed');
  });
});

it('an order’s title', () => {
  expect(orderTitle(5, '2026-11-30', 'ООО Ромашка')).toBe('Заказ покупателя №5 от 30.11.2026, ООО Ромашка');
  expect(orderTitle(5, '2026-11-30', null)).toBe('Заказ покупателя №5 от 30.11.2026');
});
