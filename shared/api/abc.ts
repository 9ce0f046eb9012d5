import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Instant, ListQuery, Nullable, Text } from './common.js';
import { AbcClass } from './counterparties.js';
import { AbcBasis } from './settings.js';
import { Money } from './trade.js';

export const AbcState = Type.Union([Type.Literal('draft'), Type.Literal('applied')]);
export const XyzClass = Type.Union([Type.Literal('X'), Type.Literal('Y'), Type.Literal('Z')]);
/** A class percent: a whole number 0..100; the three sum to 100. */
export const ClassPercent = Type.Integer({ minimum: 0, maximum: 100 });
/** A share in percent with two places ("45.45"), rounded half up from the exact fraction. */
export const SharePercent = Type.String({ pattern: '^-?\\d{1,6}\\.\\d{2}$', description: 'percent, two places ("45.45")' });

export const AbcLine = Type.Object({
  position: Type.Integer(),
  counterpartyId: Id,
  counterpartyName: Type.String(),
  /** The customer's responsible manager. */
  responsibleUserId: Nullable(Id),
  responsibleUserName: Nullable(Type.String()),
  /** Revenue or gross profit over the period (kopecks as "1234.50"); a gross profit may be negative. */
  amount: Money,
  /** amount / total in percent; "0.00" when the amount is not positive or the total is 0. */
  share: SharePercent,
  /** Share of the total held by this customer and every one ranked before it. */
  cumulativeShare: SharePercent,
  abcClass: AbcClass,
  /** The class in the latest applied classification dated before this one; null if none. */
  previousClass: Nullable(AbcClass),
  /** By the stability of monthly revenue; null when the customer had no sales in the period. */
  xyzClass: Nullable(XyzClass),
  /** Coefficient of variation of monthly revenue, percent with two places. */
  variation: Nullable(SharePercent),
});
export type AbcLine = Static<typeof AbcLine>;

/** The most lines GET /api/abc-classifications/:id carries; the rest come from /:id/lines. */
export const ABC_LINES_INLINE = 500;

/** «ABC-классификация покупателей». `lines` holds at most the first 500 lines by position (and only
 * those the reader may see); `linesTruncated` says more exist: page them with
 * GET /api/abc-classifications/:id/lines. */
export const AbcClassification = Type.Object({
  id: Id,
  number: Type.Integer(),
  date: DateOnly,
  periodFrom: DateOnly,
  periodTo: DateOnly,
  basis: AbcBasis,
  classAPercent: ClassPercent,
  classBPercent: ClassPercent,
  classCPercent: ClassPercent,
  xyzXPercent: Type.Integer(),
  xyzYPercent: Type.Integer(),
  state: AbcState,
  responsibleUserId: Id,
  responsibleUserName: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  /** T: the sum of the positive amounts. */
  total: Money,
  customerCount: Type.Integer(),
  filledAt: Nullable(Instant),
  appliedAt: Nullable(Instant),
  /** 'YYYY-MM' when made by the monthly scheduled job. */
  autoMonth: Nullable(Type.String()),
  lines: Type.Array(AbcLine),
  linesTruncated: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type AbcClassification = Static<typeof AbcClassification>;

export const AbcClassificationListItem = Type.Object({
  id: Id,
  number: Type.Integer(),
  date: DateOnly,
  periodFrom: DateOnly,
  periodTo: DateOnly,
  basis: AbcBasis,
  classAPercent: ClassPercent,
  classBPercent: ClassPercent,
  classCPercent: ClassPercent,
  state: AbcState,
  responsibleUserId: Id,
  responsibleUserName: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  total: Money,
  customerCount: Type.Integer(),
  filledAt: Nullable(Instant),
  appliedAt: Nullable(Instant),
});
export type AbcClassificationListItem = Static<typeof AbcClassificationListItem>;

/** Percents left out come from the settings; given ones must sum to 100 with the rest. */
export const AbcClassificationCreate = Type.Object(
  {
    /** Default: today in the company's time zone. */
    date: Type.Optional(DateOnly),
    periodFrom: DateOnly,
    periodTo: DateOnly,
    /** Default: the setting abcBasis. */
    basis: Type.Optional(AbcBasis),
    classAPercent: Type.Optional(ClassPercent),
    classBPercent: Type.Optional(ClassPercent),
    classCPercent: Type.Optional(ClassPercent),
    comment: Type.Optional(Nullable(Text(4000))),
  },
  { additionalProperties: false },
);
export type AbcClassificationCreate = Static<typeof AbcClassificationCreate>;

/** A draft only. Changing the period, basis or percents keeps the lines until the next fill. */
export const AbcClassificationPatch = Type.Object(
  {
    date: Type.Optional(DateOnly),
    periodFrom: Type.Optional(DateOnly),
    periodTo: Type.Optional(DateOnly),
    basis: Type.Optional(AbcBasis),
    classAPercent: Type.Optional(ClassPercent),
    classBPercent: Type.Optional(ClassPercent),
    classCPercent: Type.Optional(ClassPercent),
    comment: Type.Optional(Nullable(Text(4000))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AbcClassificationPatch = Static<typeof AbcClassificationPatch>;

export const AbcClassificationListQuery = Type.Object(
  {
    ...ListQuery,
    state: Type.Optional(AbcState),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type AbcClassificationListQuery = Static<typeof AbcClassificationListQuery>;

/** GET /api/abc-classifications/:id/lines: by position; `q` searches the customer's name. */
export const AbcLinesQuery = Type.Object(
  {
    ...ListQuery,
    abcClass: Type.Optional(AbcClass),
    q: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type AbcLinesQuery = Static<typeof AbcLinesQuery>;

export const AbcLinesPage = Type.Object({ items: Type.Array(AbcLine), nextCursor: Nullable(Type.String()) });
export type AbcLinesPage = Static<typeof AbcLinesPage>;

/** GET /api/counterparties/:id/abc-history: the customer in every applied classification, newest first. */
export const AbcHistoryItem = Type.Object({
  classificationId: Id,
  number: Type.Integer(),
  date: DateOnly,
  periodFrom: DateOnly,
  periodTo: DateOnly,
  basis: AbcBasis,
  abcClass: AbcClass,
  previousClass: Nullable(AbcClass),
  xyzClass: Nullable(XyzClass),
  amount: Money,
});
export const AbcHistory = Type.Object({ items: Type.Array(AbcHistoryItem) });
export type AbcHistory = Static<typeof AbcHistory>;
