import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Instant, ListQuery, Nullable, Text } from './common.js';
import { Decimal, Money, MoneyInput, PercentInput, QuantityInput, VatRate } from './trade.js';

export const OrderState = Type.Union([
  Type.Literal('draft'),
  Type.Literal('confirmed'),
  Type.Literal('shipped'),
  Type.Literal('cancelled'),
]);
export type OrderState = Static<typeof OrderState>;

/** An order is created based on an event («Создать на основании»). */
export const OrderBasisRef = Type.Object({ type: Type.Literal('event'), id: Id }, { additionalProperties: false });

export const OrderLine = Type.Object({
  id: Id,
  productId: Id,
  productSku: Type.String(),
  productName: Type.String(),
  unit: Type.String(),
  quantity: Decimal,
  price: Money,
  discountPercent: Decimal,
  amount: Money,
  vatRate: VatRate,
  vatAmount: Money,
});
export type OrderLine = Static<typeof OrderLine>;

/** «Заказ покупателя». */
export const Order = Type.Object({
  id: Id,
  number: Type.Integer(),
  date: DateOnly,
  counterpartyId: Id,
  counterpartyName: Type.String(),
  contactPersonId: Nullable(Id),
  contactPersonName: Nullable(Type.String()),
  responsibleUserId: Id,
  responsibleUserName: Nullable(Type.String()),
  /** The event the order was created based on; `title` is «№12 Звонок …», null when the reader may not see it. */
  basis: Nullable(Type.Object({ type: Type.Literal('event'), id: Id, title: Nullable(Type.String()) })),
  state: OrderState,
  comment: Nullable(Type.String()),
  lines: Type.Array(OrderLine),
  total: Money,
  vatTotal: Money,
  /** The sale created by shipping. */
  saleId: Nullable(Id),
  saleNumber: Nullable(Type.Integer()),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Order = Static<typeof Order>;

/** A line as written: the price defaults to the product's price, the discount to 0. */
export const OrderLineInput = Type.Object(
  {
    productId: Id,
    quantity: QuantityInput,
    price: Type.Optional(MoneyInput),
    discountPercent: Type.Optional(PercentInput),
  },
  { additionalProperties: false },
);
export type OrderLineInput = Static<typeof OrderLineInput>;

const fields = {
  /** Default: today in the company's time zone. */
  date: DateOnly,
  counterpartyId: Id,
  contactPersonId: Nullable(Id),
  /** Default: the author. */
  responsibleUserId: Id,
  comment: Nullable(Text(4000)),
  lines: Type.Array(OrderLineInput, { maxItems: 500 }),
  basis: Nullable(OrderBasisRef),
};

export const OrderCreate = Type.Object(
  {
    counterpartyId: fields.counterpartyId,
    date: Type.Optional(fields.date),
    contactPersonId: Type.Optional(fields.contactPersonId),
    responsibleUserId: Type.Optional(fields.responsibleUserId),
    comment: Type.Optional(fields.comment),
    lines: Type.Optional(fields.lines),
    basis: Type.Optional(fields.basis),
  },
  { additionalProperties: false },
);
export type OrderCreate = Static<typeof OrderCreate>;

/** Any field of a draft or confirmed order; `lines` replaces all lines. */
export const OrderPatch = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type OrderPatch = Static<typeof OrderPatch>;

/** Short form for lists. */
export const OrderListItem = Type.Object({
  id: Id,
  number: Type.Integer(),
  date: DateOnly,
  counterpartyId: Id,
  counterpartyName: Type.String(),
  responsibleUserId: Id,
  responsibleUserName: Nullable(Type.String()),
  state: OrderState,
  total: Money,
  basis: Nullable(Type.Object({ type: Type.Literal('event'), id: Id })),
  saleId: Nullable(Id),
});
export type OrderListItem = Static<typeof OrderListItem>;

export const OrderListQuery = Type.Object(
  {
    ...ListQuery,
    counterpartyId: Type.Optional(Id),
    state: Type.Optional(OrderState),
    /** Period of the order date. */
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    responsibleUserId: Type.Optional(Type.Union([Id, Type.Literal('me')])),
  },
  { additionalProperties: false },
);
export type OrderListQuery = Static<typeof OrderListQuery>;

/** GET /api/orders/totals: what the counterparty card's «Заказы» tab shows above the list. */
export const OrderTotalsQuery = Type.Object({ counterpartyId: Type.Optional(Id) }, { additionalProperties: false });
export const OrderTotals = Type.Object({
  count: Type.Integer(),
  /** Sum of orders not cancelled. */
  total: Money,
  /** Sum of confirmed orders not yet shipped. */
  toShip: Money,
});
export type OrderTotals = Static<typeof OrderTotals>;

export const PrintQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('pdf'), Type.Literal('html')], { default: 'pdf' })) },
  { additionalProperties: false },
);
