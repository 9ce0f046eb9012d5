import { formatMoney } from '../../../shared/money.js';
import type { Product, ProductCreate, ProductPatch } from '../../../shared/api/products.js';
import type { VatRate } from '../../../shared/money.js';
import type { ErrorDetail } from '../../errors.js';
import { readMoney } from '../documents/amounts.logic.js';

/** One product per SKU whatever its case or surrounding spaces. */
export const skuKeyOf = (sku: string) => sku.trim().toUpperCase();

export const DEFAULT_UNIT = 'шт';
export const DEFAULT_VAT_RATE: VatRate = '22';

export interface ProductFields {
  sku: string;
  name: string;
  unit: string;
  price: number;
  costPrice: number;
  vatRate: VatRate;
}

/** The stored product as an editable value (money in kopecks). */
export interface StoredProduct extends ProductFields {
  id: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export function toApi(p: StoredProduct): Product {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    unit: p.unit,
    price: formatMoney(p.price),
    costPrice: formatMoney(p.costPrice),
    vatRate: p.vatRate,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    archivedAt: p.archivedAt,
  };
}

/** The fields of a new product, or of `before` with a patch applied; every bad field is reported. */
export function fieldsOf(input: ProductCreate | ProductPatch, before?: ProductFields): { fields: ProductFields; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const text = (field: 'sku' | 'name' | 'unit', fallback: string) => {
    const raw = input[field];
    if (raw === undefined) return fallback;
    const v = raw.trim();
    if (!v) errors.push({ field, code: 'required', message: 'is required' });
    return v;
  };
  const fields: ProductFields = {
    sku: text('sku', before?.sku ?? ''),
    name: text('name', before?.name ?? ''),
    unit: text('unit', before?.unit ?? DEFAULT_UNIT),
    price: input.price === undefined ? (before?.price ?? 0) : readMoney(errors, 'price', input.price),
    costPrice: input.costPrice === undefined ? (before?.costPrice ?? 0) : readMoney(errors, 'costPrice', input.costPrice),
    vatRate: input.vatRate ?? before?.vatRate ?? DEFAULT_VAT_RATE,
  };
  return { fields, errors };
}
