import type { Product, ProductCreate, ProductPatch } from '../../../shared/api/products';
import { parseMoney, VAT_RATES, type VatRate } from '../../../shared/money';
import { requiredText } from '../../lib/required';
import { inputDecimal } from '../orders/decimalText';

export { VAT_RATES };

export interface ProductForm {
  sku: string;
  name: string;
  unit: string;
  /** As typed: comma or point. */
  price: string;
  costPrice: string;
  vatRate: VatRate;
}

export function emptyProductForm(): ProductForm {
  return { sku: '', name: '', unit: 'шт', price: '', costPrice: '', vatRate: '22' };
}

export function formFromProduct(p: Product, lang: 'ru' | 'en'): ProductForm {
  return {
    sku: p.sku,
    name: p.name,
    unit: p.unit,
    price: inputDecimal(p.price, lang),
    costPrice: inputDecimal(p.costPrice, lang),
    vatRate: p.vatRate,
  };
}

type Local = Record<string, string>;

/** A money input as the API takes it ("100.10"); `errors` names what cannot be read. */
function money(field: string, text: string, errors: Local, required: boolean): string | undefined {
  const s = text.trim().replace(/\s/g, '');
  if (!s) {
    if (required) errors[field] = 'required';
    return undefined;
  }
  if (parseMoney(s) === null) {
    errors[field] = 'invalid_amount';
    return undefined;
  }
  return s.replace(',', '.');
}

export function productCreatePayload(f: ProductForm): { body: ProductCreate; errors: Local } {
  const errors: Local = {};
  const price = money('price', f.price, errors, true);
  const costPrice = money('costPrice', f.costPrice, errors, false);
  const body: ProductCreate = {
    sku: requiredText(f.sku),
    name: requiredText(f.name),
    unit: requiredText(f.unit),
    price: price ?? '0',
    vatRate: f.vatRate,
    ...(costPrice !== undefined ? { costPrice } : {}),
  };
  return { body, errors };
}

/** Only what differs from the stored product, so a save never overwrites what it did not touch. */
export function productPatchPayload(f: ProductForm, saved: ProductForm): { body: ProductPatch; errors: Local } {
  const errors: Local = {};
  const body: ProductPatch = {};
  if (f.sku.trim() !== saved.sku.trim()) body.sku = requiredText(f.sku);
  if (f.name.trim() !== saved.name.trim()) body.name = requiredText(f.name);
  if (f.unit.trim() !== saved.unit.trim()) body.unit = requiredText(f.unit);
  const price = money('price', f.price, errors, true);
  if (price !== undefined && parseMoney(price) !== parseMoney(saved.price)) body.price = price;
  // A cleared cost price is zero.
  const costPrice = money('costPrice', f.costPrice, errors, false) ?? '0';
  if (!errors.costPrice && parseMoney(costPrice) !== parseMoney(saved.costPrice || '0')) body.costPrice = costPrice;
  if (f.vatRate !== saved.vatRate) body.vatRate = f.vatRate;
  return { body, errors };
}
