import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/api/orders';
import type { Product } from '../../../shared/api/products';
import {
  emptyLine,
  emptyOrderForm,
  formFromOrder,
  lineTotals,
  linesPayload,
  orderCreatePayload,
  orderFieldOf,
  orderPatchPayload,
  orderTotals,
  withProduct,
  type LineForm,
} from './orderForm';

const product = (over: Partial<Product> = {}): Product => ({
  id: 'p1',
  sku: 'A-1',
  name: 'Сахар',
  unit: 'кг',
  price: '100.10',
  costPrice: '60.00',
  vatRate: '22',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  archivedAt: null,
  ...over,
});

const line = (over: Partial<LineForm> = {}): LineForm => ({ ...withProduct(emptyLine(), product(), 'ru'), ...over });

describe('order lines as the server computes them', () => {
  it('3 × 100,10 with 5 % at 22 % is 285.29 with VAT 51.45 (comma or point)', () => {
    expect(lineTotals(line({ quantity: '3', price: '100,10', discount: '5' }))).toEqual({ amount: 28529, vatAmount: 5145 });
    expect(lineTotals(line({ quantity: '3', price: '100.1', discount: '5,0' }))).toEqual({ amount: 28529, vatAmount: 5145 });
  });

  it('totals sum the computable lines; a line being typed does not count', () => {
    const lines = [
      line({ quantity: '3', price: '100,10', discount: '5' }),
      line({ quantity: '2', price: '50' }),
      line({ quantity: 'abc' }),
    ];
    expect(orderTotals(lines)).toEqual({ total: 28529 + 10000, vatTotal: 5145 + 1803 });
  });

  it('no VAT and a line without a product', () => {
    expect(lineTotals(line({ vatRate: 'none', quantity: '1', price: '10' }))).toEqual({ amount: 1000, vatAmount: 0 });
    expect(lineTotals({ ...emptyLine(), price: '10' })).toBeNull();
  });

  it('a chosen product brings its price, unit and VAT rate in the UI language', () => {
    const l = withProduct(emptyLine(), product({ vatRate: '10' }), 'ru');
    expect(l).toMatchObject({ productId: 'p1', price: '100,10', unit: 'кг', vatRate: '10', quantity: '1' });
    expect(withProduct(emptyLine(), product(), 'en').price).toBe('100.10');
  });
});

describe('form -> request', () => {
  it('sends decimals with a point, leaves out blank lines and an empty discount', () => {
    const p = linesPayload([line({ quantity: ' 2,5 ', price: '1 000,50', discount: '' }), emptyLine()]);
    expect(p.lines).toEqual([{ productId: 'p1', quantity: '2.5', price: '1000.50' }]);
    expect(p.errors).toEqual({});
  });

  it('names each bad cell by its line key before asking the server', () => {
    const a = line({ quantity: '0' });
    const b = line({ price: '1,234' });
    const c = { ...emptyLine(), price: '5', discount: '101' };
    const p = linesPayload([a, b, c]);
    expect(p.errors).toEqual({
      [`lines.${a.key}.quantity`]: 'quantity_invalid',
      [`lines.${b.key}.price`]: 'invalid_amount',
      [`lines.${c.key}.product`]: 'required',
      [`lines.${c.key}.discount`]: 'discount_invalid',
    });
    expect(p.keys).toEqual([a.key, b.key, c.key]);
  });

  it('creates with the basis event and asks for a customer', () => {
    const f = emptyOrderForm('2026-11-30', 'u1', { counterpartyId: 'c1', counterpartyName: 'ООО', contactPersonId: 'cp1' });
    f.lines = [line({ quantity: '3', discount: '5' })];
    const { body, errors } = orderCreatePayload(f, 'e1');
    expect(errors).toEqual({});
    expect(body).toEqual({
      counterpartyId: 'c1',
      date: '2026-11-30',
      contactPersonId: 'cp1',
      comment: null,
      responsibleUserId: 'u1',
      basis: { type: 'event', id: 'e1' },
      lines: [{ productId: 'p1', quantity: '3', price: '100.10', discountPercent: '5' }],
    });
    expect(orderCreatePayload(emptyOrderForm('2026-11-30', 'u1'), null).errors).toEqual({ counterpartyId: 'required' });
  });

  it('a patch carries only what changed; lines equal by value are not sent', () => {
    const order: Order = {
      id: 'o1',
      number: 7,
      date: '2026-11-30',
      counterpartyId: 'c1',
      counterpartyName: 'ООО',
      contactPersonId: null,
      contactPersonName: null,
      responsibleUserId: 'u1',
      responsibleUserName: 'Иванов',
      basis: null,
      state: 'draft',
      comment: null,
      lines: [
        {
          id: 'l1',
          productId: 'p1',
          productSku: 'A-1',
          productName: 'Сахар',
          unit: 'кг',
          quantity: '3',
          price: '100.10',
          discountPercent: '5',
          amount: '285.29',
          vatRate: '22',
          vatAmount: '51.45',
        },
      ],
      total: '285.29',
      vatTotal: '51.45',
      saleId: null,
      saleNumber: null,
      createdAt: '2026-11-30T10:00:00Z',
      updatedAt: '2026-11-30T10:00:00Z',
    };
    const saved = formFromOrder(order, 'ru');
    expect(saved.lines[0]).toMatchObject({ quantity: '3', price: '100,10', discount: '5' });
    expect(orderPatchPayload({ ...saved, lines: saved.lines.map((l) => ({ ...l, price: '100.1' })) }, saved).body).toEqual({});
    const changed = { ...saved, comment: 'срочно', lines: [...saved.lines, line({ quantity: '1' })] };
    const { body } = orderPatchPayload(changed, saved);
    expect(body.comment).toBe('срочно');
    expect(body.lines).toHaveLength(2);
    expect(body).not.toHaveProperty('date');
  });
});

describe('server errors beside their cells', () => {
  it('maps lines[2].quantity and lines.2.price to the keys of the lines sent', () => {
    const keys = ['a', 'b', 'c'];
    expect(orderFieldOf('lines[2].quantity', keys)).toBe('lines.c.quantity');
    expect(orderFieldOf('lines.1.price', keys)).toBe('lines.b.price');
    expect(orderFieldOf('lines[0].discountPercent', keys)).toBe('lines.a.discount');
    expect(orderFieldOf('lines[0].productId', keys)).toBe('lines.a.product');
    expect(orderFieldOf('lines[0]', keys)).toBe('lines.a.product');
    expect(orderFieldOf('lines[1].amount', keys)).toBe('lines.b.quantity');
    expect(orderFieldOf('lines[9].quantity', keys)).toBe('lines');
    expect(orderFieldOf('basis.id', keys)).toBe('basis');
    expect(orderFieldOf('counterpartyId', keys)).toBe('counterpartyId');
  });
});
