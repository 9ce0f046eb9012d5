import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Instant, ListQuery, Nullable, Text } from './common.js';
import { Decimal, Money, MoneyInput, QuantityInput, VatRate } from './trade.js';

export const SaleLine = Type.Object({
  id: Id,
  productId: Nullable(Id),
  productSku: Nullable(Type.String()),
  productName: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  /** Free text of a line without a product (imported or typed). */
  description: Nullable(Type.String()),
  quantity: Decimal,
  price: Money,
  amount: Money,
  /** The line's whole cost (not per unit). */
  cost: Money,
  vatRate: VatRate,
  vatAmount: Money,
});
export type SaleLine = Static<typeof SaleLine>;

/** «Реализация товаров и услуг». */
export const Sale = Type.Object({
  id: Id,
  number: Type.Integer(),
  date: DateOnly,
  counterpartyId: Id,
  counterpartyName: Type.String(),
  orderId: Nullable(Id),
  orderNumber: Nullable(Type.Integer()),
  responsibleUserId: Nullable(Id),
  responsibleUserName: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  lines: Type.Array(SaleLine),
  revenue: Money,
  cost: Money,
  grossProfit: Money,
  vatTotal: Money,
  createdAt: Instant,
  updatedAt: Instant,
});
export type Sale = Static<typeof Sale>;

/** A line entered directly: a product or a description; the amount defaults to quantity × price,
 * the cost to the product's cost price × quantity (0 without a product), the VAT rate to the product's. */
export const SaleLineInput = Type.Object(
  {
    productId: Type.Optional(Nullable(Id)),
    description: Type.Optional(Nullable(Text(300))),
    quantity: QuantityInput,
    price: Type.Optional(MoneyInput),
    amount: Type.Optional(MoneyInput),
    cost: Type.Optional(MoneyInput),
    vatRate: Type.Optional(VatRate),
  },
  { additionalProperties: false },
);
export type SaleLineInput = Static<typeof SaleLineInput>;

export const SaleCreate = Type.Object(
  {
    date: DateOnly,
    counterpartyId: Id,
    /** Default: the counterparty's responsible, else the author. */
    responsibleUserId: Type.Optional(Id),
    comment: Type.Optional(Nullable(Text(4000))),
    lines: Type.Array(SaleLineInput, { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type SaleCreate = Static<typeof SaleCreate>;

export const SaleListItem = Type.Object({
  id: Id,
  number: Type.Integer(),
  date: DateOnly,
  counterpartyId: Id,
  counterpartyName: Type.String(),
  orderId: Nullable(Id),
  orderNumber: Nullable(Type.Integer()),
  responsibleUserName: Nullable(Type.String()),
  revenue: Money,
  cost: Money,
  grossProfit: Money,
});
export type SaleListItem = Static<typeof SaleListItem>;

export const SaleListQuery = Type.Object(
  {
    ...ListQuery,
    counterpartyId: Type.Optional(Id),
    orderId: Type.Optional(Id),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type SaleListQuery = Static<typeof SaleListQuery>;

/** GET /api/sales/totals: the counterparty card's «Продажи» tab. */
export const SaleTotalsQuery = Type.Object(
  { counterpartyId: Type.Optional(Id), from: Type.Optional(DateOnly), to: Type.Optional(DateOnly) },
  { additionalProperties: false },
);
export const SaleTotals = Type.Object({ count: Type.Integer(), revenue: Money, cost: Money, grossProfit: Money });
export type SaleTotals = Static<typeof SaleTotals>;

/** POST /api/sales/import answer: rows with the same date and counterparty form one sale. */
export const SaleImportResult = Type.Object({ created: Type.Integer(), lines: Type.Integer(), saleIds: Type.Array(Id) });
export type SaleImportResult = Static<typeof SaleImportResult>;
