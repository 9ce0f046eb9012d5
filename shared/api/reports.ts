import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable } from './common.js';
import { CONTACT_INFO_KINDS } from './contact-info.js';
import { Direction, EventKind, EventState, Importance } from './events.js';
import { Decimal, Money } from './trade.js';

export const ReportFormat = Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], { default: 'json' });
export const CONTACT_REPORT_OBJECTS = ['counterparties', 'contactPersons', 'individuals'] as const;

/** Lists in query strings are comma-separated: objects=counterparties,contactPersons&kinds=phone,email */
export const ContactInfoReportQuery = Type.Object(
  {
    objects: Type.Optional(
      Type.String({ maxLength: 200, pattern: `^(${CONTACT_REPORT_OBJECTS.join('|')})(,(${CONTACT_REPORT_OBJECTS.join('|')}))*$` }),
    ),
    kinds: Type.Optional(
      Type.String({ maxLength: 300, pattern: `^(${CONTACT_INFO_KINDS.join('|')})(,(${CONTACT_INFO_KINDS.join('|')}))*$` }),
    ),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    counterpartyId: Type.Optional(Id),
    responsibleUserId: Type.Optional(Type.Union([Id, Type.Literal('me')])),
    onlyWithContactInfo: Type.Optional(Type.Boolean()),
    format: Type.Optional(ReportFormat),
    lang: Type.Optional(Type.Union([Type.Literal('ru'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type ContactInfoReportQuery = Static<typeof ContactInfoReportQuery>;

export const ContactInfoReportRow = Type.Object({
  objectType: Type.Union([Type.Literal('counterparty'), Type.Literal('contactPerson'), Type.Literal('individual')]),
  id: Id,
  name: Type.String(),
  counterpartyId: Nullable(Id),
  counterpartyName: Nullable(Type.String()),
  position: Nullable(Type.String()),
  /** kind -> values joined with "; " */
  values: Type.Record(Type.String(), Type.String()),
});
export type ContactInfoReportRow = Static<typeof ContactInfoReportRow>;

export const ContactInfoReport = Type.Object({
  /** Column codes in order: objectType, name, counterpartyName, position, then the chosen kinds. The
   * screen names them in its language; the CSV/XLSX files carry the names in the file's language. */
  columns: Type.Array(Type.Object({ key: Type.String() })),
  rows: Type.Array(ContactInfoReportRow),
  total: Type.Integer(),
  /** More rows matched than are shown on screen; the export has them all. */
  truncated: Type.Boolean(),
});
export type ContactInfoReport = Static<typeof ContactInfoReport>;

export const EVENT_GROUPINGS = [
  'counterparty',
  'contactPerson',
  'kind',
  'responsible',
  'period',
  'infoSource',
  'importance',
  'state',
] as const;
export type EventGrouping = (typeof EVENT_GROUPINGS)[number];
const PeriodUnit = Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')]);

export const EventsReportQuery = Type.Object(
  {
    /** Grouping levels in the user's order, comma-separated: groupBy=counterparty,contactPerson; empty: a flat list. */
    groupBy: Type.Optional(
      Type.String({ maxLength: 200, pattern: `^$|^(${EVENT_GROUPINGS.join('|')})(,(${EVENT_GROUPINGS.join('|')}))*$` }),
    ),
    period: Type.Optional(PeriodUnit),
    /** Include the events themselves under the innermost group (default true). */
    details: Type.Optional(Type.Boolean()),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    counterpartyId: Type.Optional(Id),
    contactPersonId: Type.Optional(Id),
    kind: Type.Optional(
      Type.Union([
        Type.Literal('phoneCall'),
        Type.Literal('meeting'),
        Type.Literal('email'),
        Type.Literal('letter'),
        Type.Literal('other'),
      ]),
    ),
    importance: Type.Optional(Type.Union([Type.Literal('low'), Type.Literal('normal'), Type.Literal('high')])),
    state: Type.Optional(Type.Union([Type.Literal('planned'), Type.Literal('completed'), Type.Literal('cancelled')])),
    responsibleUserId: Type.Optional(Type.Union([Id, Type.Literal('me')])),
    infoSourceId: Type.Optional(Id),
    format: Type.Optional(ReportFormat),
    lang: Type.Optional(Type.Union([Type.Literal('ru'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type EventsReportQuery = Static<typeof EventsReportQuery>;

/** Codes and ids, never labels in a language: the screen translates codes, the files carry words. */
export const EventsReportRow = Type.Object({
  level: Type.Integer(),
  type: Type.Union([Type.Literal('group'), Type.Literal('event')]),
  grouping: Nullable(Type.Union(EVENT_GROUPINGS.map((g) => Type.Literal(g)))),
  /** A group's value: the counterparty, contact person, user or information source id; the code of a
   * kind, importance or state; the period (YYYY-MM-DD for a day, the Monday for a week, YYYY-MM for a
   * month); null for «<не указано>». An event row: null. */
  key: Nullable(Type.String()),
  /** A name that is data: the counterparty's, person's, user's or source's name, or «№12 subject» on an
   * event row; null where the key is a code, a period or empty. */
  label: Nullable(Type.String()),
  count: Type.Integer(),
  durationMinutes: Type.Integer(),
  eventId: Nullable(Id),
  number: Nullable(Type.Integer()),
  startAt: Nullable(Type.String()),
  counterpartyName: Nullable(Type.String()),
  contactPersonName: Nullable(Type.String()),
  /** Codes on event rows (null on groups). */
  kind: Nullable(EventKind),
  direction: Nullable(Direction),
  importance: Nullable(Importance),
  state: Nullable(EventState),
});
export type EventsReportRow = Static<typeof EventsReportRow>;

export const EventsReport = Type.Object({
  groupBy: Type.Array(Type.String()),
  /** The unit of the period grouping's keys. */
  period: PeriodUnit,
  rows: Type.Array(EventsReportRow),
  totals: Type.Object({ count: Type.Integer(), durationMinutes: Type.Integer() }),
  truncated: Type.Boolean(),
});
export type EventsReport = Static<typeof EventsReport>;

export const ColdCallsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    period: Type.Optional(PeriodUnit),
    responsibleUserId: Type.Optional(Type.Union([Id, Type.Literal('me')])),
    format: Type.Optional(ReportFormat),
    lang: Type.Optional(Type.Union([Type.Literal('ru'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type ColdCallsQuery = Static<typeof ColdCallsQuery>;

export const ColdCallsReport = Type.Object({
  /** The unit of the periods. */
  unit: PeriodUnit,
  /** Outgoing phone calls with an outcome, per responsible user and period. */
  calls: Type.Array(
    Type.Object({
      responsibleUserId: Id,
      responsibleUserName: Type.String(),
      /** YYYY-MM-DD (a day, or the Monday of a week) or YYYY-MM (a month), in the user's time zone. */
      period: Type.String(),
      calls: Type.Integer(),
      successes: Type.Integer(),
      failures: Type.Integer(),
      /** successes / (successes + failures), 0..1; null without outcomes. */
      successRate: Nullable(Type.Number()),
    }),
  ),
  /** Incoming requests by information source. */
  sources: Type.Array(Type.Object({ infoSourceId: Nullable(Id), name: Nullable(Type.String()), requests: Type.Integer() })),
});
export type ColdCallsReport = Static<typeof ColdCallsReport>;

export const SALES_GROUPINGS = ['customer', 'product', 'responsible', 'month'] as const;
export type SalesGrouping = (typeof SALES_GROUPINGS)[number];
const SalesGroupingSchema = Type.Union(SALES_GROUPINGS.map((g) => Type.Literal(g)));

/** «Продажи»: revenue, cost and gross profit of the sales of a period. */
export const SalesReportQuery = Type.Object(
  {
    /** Default: the current month in the company's time zone. */
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    groupBy: Type.Optional(SalesGroupingSchema),
    /** A second level under each group (must differ from groupBy). */
    thenBy: Type.Optional(SalesGroupingSchema),
    counterpartyId: Type.Optional(Id),
    responsibleUserId: Type.Optional(Type.Union([Id, Type.Literal('me')])),
    format: Type.Optional(ReportFormat),
    lang: Type.Optional(Type.Union([Type.Literal('ru'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type SalesReportQuery = Static<typeof SalesReportQuery>;

export const SalesReportRow = Type.Object({
  level: Type.Integer(),
  grouping: Type.String(),
  /** Counterparty, product or user id, or the month (YYYY-MM); null for «Без номенклатуры» / no responsible. */
  key: Nullable(Type.String()),
  /** The counterparty's, user's name or the product's «SKU name» (data); null for a month and for an empty key. */
  label: Nullable(Type.String()),
  /** Only where the row is a product or lies under one. */
  quantity: Nullable(Decimal),
  revenue: Money,
  cost: Money,
  grossProfit: Money,
  /** grossProfit / revenue, a fraction; null without revenue. */
  margin: Nullable(Type.Number()),
  /** The row's revenue / the period's revenue, a fraction; null without revenue. */
  share: Nullable(Type.Number()),
});
export type SalesReportRow = Static<typeof SalesReportRow>;

export const SalesReport = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  groupBy: SalesGroupingSchema,
  thenBy: Nullable(SalesGroupingSchema),
  rows: Type.Array(SalesReportRow),
  totals: Type.Object({
    revenue: Money,
    cost: Money,
    grossProfit: Money,
    margin: Nullable(Type.Number()),
    sales: Type.Integer(),
  }),
});
export type SalesReport = Static<typeof SalesReport>;

/** «АВС-анализ покупателей»: a classification's customers by class, with XYZ. Codes, not labels:
 * classes 'A' | 'B' | 'C', XYZ 'X' | 'Y' | 'Z' or null (no sales), basis 'revenue' | 'grossProfit'. */
export const AbcReportQuery = Type.Object(
  {
    /** Default: the latest applied classification (404 abc_none_applied when there is none). */
    classificationId: Type.Optional(Id),
    abcClass: Type.Optional(Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C')])),
    xyzClass: Type.Optional(Type.Union([Type.Literal('X'), Type.Literal('Y'), Type.Literal('Z')])),
    responsibleUserId: Type.Optional(Type.Union([Id, Type.Literal('me')])),
    format: Type.Optional(ReportFormat),
    lang: Type.Optional(Type.Union([Type.Literal('ru'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type AbcReportQuery = Static<typeof AbcReportQuery>;

const AbcCode = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C')]);
const XyzCode = Nullable(Type.Union([Type.Literal('X'), Type.Literal('Y'), Type.Literal('Z')]));
/** Percent with two places ("45.45"). */
const PercentText = Type.String({ pattern: '^-?\\d{1,6}\\.\\d{2}$' });

export const AbcReportHead = Type.Object({
  id: Id,
  number: Type.Integer(),
  date: Type.String({ format: 'date' }),
  periodFrom: Type.String({ format: 'date' }),
  periodTo: Type.String({ format: 'date' }),
  basis: Type.Union([Type.Literal('revenue'), Type.Literal('grossProfit')]),
  classAPercent: Type.Integer(),
  classBPercent: Type.Integer(),
  classCPercent: Type.Integer(),
  state: Type.Union([Type.Literal('draft'), Type.Literal('applied')]),
  /** T: the sum of the positive amounts of the whole classification. */
  total: Money,
});

export const AbcReportCustomer = Type.Object({
  counterpartyId: Id,
  name: Type.String(),
  responsibleUserId: Nullable(Id),
  responsibleUserName: Nullable(Type.String()),
  amount: Money,
  share: PercentText,
  cumulativeShare: PercentText,
  abcClass: AbcCode,
  xyzClass: XyzCode,
  /** Coefficient of variation of monthly revenue, percent. */
  variation: Nullable(PercentText),
});
export type AbcReportCustomer = Static<typeof AbcReportCustomer>;

export const AbcReport = Type.Object({
  classification: AbcReportHead,
  /** Per class over the customers shown (filters and visibility applied); share of T. */
  classes: Type.Array(Type.Object({ class: AbcCode, count: Type.Integer(), amount: Money, share: PercentText })),
  /** ABC × XYZ: every cell, xyzClass null for customers without sales. */
  matrix: Type.Array(Type.Object({ abcClass: AbcCode, xyzClass: XyzCode, count: Type.Integer(), amount: Money })),
  /** In rank order; at most 1000 on screen (truncated), every one in the export. */
  customers: Type.Array(AbcReportCustomer),
  truncated: Type.Boolean(),
  totals: Type.Object({ count: Type.Integer(), amount: Money }),
});
export type AbcReport = Static<typeof AbcReport>;

/** Class movement between two classifications; defaults: the two latest applied (older → newer). */
export const AbcMovementQuery = Type.Object(
  { from: Type.Optional(Id), to: Type.Optional(Id), responsibleUserId: Type.Optional(Type.Union([Id, Type.Literal('me')])) },
  { additionalProperties: false },
);
export type AbcMovementQuery = Static<typeof AbcMovementQuery>;

/** 'none': the customer is not in that classification (new in `to`, or absent from it). */
const MoveClass = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('none')]);

export const AbcMovement = Type.Object({
  from: AbcReportHead,
  to: AbcReportHead,
  /** Every cell of the 4×4 grid (A, B, C, none), zeros included, except none→none. */
  matrix: Type.Array(Type.Object({ fromClass: MoveClass, toClass: MoveClass, count: Type.Integer() })),
  /** Customers whose class went down (A→B, A→C, B→C), by name; at most 1000 (truncated). */
  movedDown: Type.Array(
    Type.Object({
      counterpartyId: Id,
      name: Type.String(),
      responsibleUserId: Nullable(Id),
      responsibleUserName: Nullable(Type.String()),
      fromClass: AbcCode,
      toClass: AbcCode,
      fromAmount: Money,
      toAmount: Money,
    }),
  ),
  truncated: Type.Boolean(),
});
export type AbcMovement = Static<typeof AbcMovement>;
