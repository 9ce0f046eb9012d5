import { Type, type Static } from '@sinclair/typebox';
import { Id, Instant, ListQuery, Nullable, Text } from './common.js';
import { Money, MoneyInput, VatRate } from './trade.js';

/** «Номенклатура». Prices include VAT. */
export const Product = Type.Object({
  id: Id,
  sku: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  price: Money,
  costPrice: Money,
  vatRate: VatRate,
  createdAt: Instant,
  updatedAt: Instant,
  archivedAt: Nullable(Instant),
});
export type Product = Static<typeof Product>;

const fields = {
  sku: Text(50, { min: 1 }),
  name: Text(300, { min: 1 }),
  /** Default «шт». */
  unit: Text(20, { min: 1 }),
  price: MoneyInput,
  /** Default 0. */
  costPrice: MoneyInput,
  /** Default 22. */
  vatRate: VatRate,
};

export const ProductCreate = Type.Object(
  {
    sku: fields.sku,
    name: fields.name,
    price: fields.price,
    unit: Type.Optional(fields.unit),
    costPrice: Type.Optional(fields.costPrice),
    vatRate: Type.Optional(fields.vatRate),
  },
  { additionalProperties: false },
);
export type ProductCreate = Static<typeof ProductCreate>;

/** Any field; `archived` moves the product to the archive (true) or back (false). */
export const ProductPatch = Type.Partial(Type.Object({ ...fields, archived: Type.Boolean() }), {
  additionalProperties: false,
  minProperties: 1,
});
export type ProductPatch = Static<typeof ProductPatch>;

export const ProductListQuery = Type.Object(
  {
    ...ListQuery,
    /** SKU or name. */
    q: Type.Optional(Type.String({ maxLength: 200 })),
    archived: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived'), Type.Literal('all')])),
  },
  { additionalProperties: false },
);
export type ProductListQuery = Static<typeof ProductListQuery>;
