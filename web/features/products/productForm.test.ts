import { describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/api/products';
import { emptyProductForm, formFromProduct, productCreatePayload, productPatchPayload } from './productForm';

const stored: Product = {
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
};

describe('product card -> request', () => {
  it('a new product: money with a comma goes with a point; defaults', () => {
    const f = { ...emptyProductForm(), sku: ' A-2 ', name: 'Соль', price: '1 234,5' };
    expect(productCreatePayload(f)).toEqual({
      body: { sku: 'A-2', name: 'Соль', unit: 'шт', price: '1234.5', vatRate: '22' },
      errors: {},
    });
  });

  it('blank and unreadable money is named before sending', () => {
    expect(productCreatePayload({ ...emptyProductForm(), sku: 'x', name: 'y' }).errors).toEqual({ price: 'required' });
    expect(productCreatePayload({ ...emptyProductForm(), price: '1,005', costPrice: 'abc' }).errors).toEqual({
      price: 'invalid_amount',
      costPrice: 'invalid_amount',
    });
  });

  it('a patch carries only what changed (100,1 is the stored 100.10)', () => {
    const saved = formFromProduct(stored, 'ru');
    expect(saved.price).toBe('100,10');
    expect(productPatchPayload({ ...saved, price: '100,1' }, saved).body).toEqual({});
    expect(productPatchPayload({ ...saved, price: '99', vatRate: 'none', costPrice: '' }, saved).body).toEqual({
      price: '99',
      vatRate: 'none',
      costPrice: '0',
    });
  });
});
