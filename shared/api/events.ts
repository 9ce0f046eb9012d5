import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Instant, ListQuery, Nullable, Text } from './common.js';

export const EVENT_KINDS = ['phoneCall', 'meeting', 'email', 'letter', 'other'] as const;
export const EventKind = Type.Union([
  Type.Literal('phoneCall'),
  Type.Literal('meeting'),
  Type.Literal('email'),
  Type.Literal('letter'),
  Type.Literal('other'),
]);
export const Direction = Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')]);
export const Importance = Type.Union([Type.Literal('low'), Type.Literal('normal'), Type.Literal('high')]);
export const EventState = Type.Union([Type.Literal('planned'), Type.Literal('completed'), Type.Literal('cancelled')]);
export const Outcome = Type.Union([Type.Literal('success'), Type.Literal('failure')]);
/** What a document was created based on. Orders join when the orders work lands. */
export const BasisType = Type.Union([Type.Literal('event'), Type.Literal('order')]);
export const BasisRef = Type.Object({ type: BasisType, id: Id }, { additionalProperties: false });

export const Event = Type.Object({
  id: Id,
  number: Type.Integer(),
  kind: EventKind,
  direction: Nullable(Direction),
  startAt: Instant,
  endAt: Nullable(Instant),
  durationMinutes: Nullable(Type.Integer()),
  counterpartyId: Nullable(Id),
  counterpartyName: Nullable(Type.String()),
  contactPersonId: Nullable(Id),
  contactPersonName: Nullable(Type.String()),
  subject: Type.String(),
  description: Nullable(Type.String()),
  content: Nullable(Type.String()),
  importance: Importance,
  state: EventState,
  outcome: Nullable(Outcome),
  basis: Nullable(Type.Object({ type: BasisType, id: Id, title: Nullable(Type.String()) })),
  infoSourceId: Nullable(Id),
  infoSourceName: Nullable(Type.String()),
  responsibleUserId: Id,
  responsibleUserName: Nullable(Type.String()),
  authorId: Nullable(Id),
  authorName: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
  archivedAt: Nullable(Instant),
});
export type Event = Static<typeof Event>;

export const ReminderInput = Type.Object(
  {
    remindAt: Instant,
    dueAt: Type.Optional(Nullable(Instant)),
    text: Type.Optional(Nullable(Text(300))),
    /** Default: the responsible user of the event. */
    assigneeId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

const editable = {
  kind: EventKind,
  direction: Nullable(Direction),
  startAt: Instant,
  endAt: Nullable(Instant),
  counterpartyId: Nullable(Id),
  contactPersonId: Nullable(Id),
  subject: Text(300, { min: 1 }),
  description: Nullable(Text(4000)),
  content: Nullable(Text(20000)),
  importance: Importance,
  state: EventState,
  outcome: Nullable(Outcome),
  infoSourceId: Nullable(Id),
  responsibleUserId: Id,
};

export const EventCreate = Type.Object(
  {
    kind: editable.kind,
    startAt: editable.startAt,
    subject: editable.subject,
    direction: Type.Optional(editable.direction),
    endAt: Type.Optional(editable.endAt),
    counterpartyId: Type.Optional(editable.counterpartyId),
    contactPersonId: Type.Optional(editable.contactPersonId),
    description: Type.Optional(editable.description),
    content: Type.Optional(editable.content),
    importance: Type.Optional(editable.importance),
    state: Type.Optional(editable.state),
    outcome: Type.Optional(editable.outcome),
    infoSourceId: Type.Optional(editable.infoSourceId),
    responsibleUserId: Type.Optional(editable.responsibleUserId),
    basis: Type.Optional(Nullable(BasisRef)),
    reminder: Type.Optional(ReminderInput),
  },
  { additionalProperties: false },
);
export type EventCreate = Static<typeof EventCreate>;

/** The event's own fields: what the card's «Записать» sends. */
export const EventPatch = Type.Partial(Type.Object(editable), { additionalProperties: false, minProperties: 1 });
export type EventPatch = Static<typeof EventPatch>;
export type ReminderInput = Static<typeof ReminderInput>;

/** PATCH /api/events/:id: any of the event's fields, plus `basis` (null: none) and `reminder`
 * (replaces the event's reminder; null removes it), all written in one transaction. */
export const EventUpdate = Type.Partial(
  Type.Object({
    ...editable,
    basis: Nullable(BasisRef),
    reminder: Nullable(ReminderInput),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type EventUpdate = Static<typeof EventUpdate>;

/** The event's open reminder task, as the card's «Напомнить» shows it. */
export const EventReminder = Type.Object({
  taskId: Id,
  remindAt: Nullable(Instant),
  dueAt: Nullable(Instant),
  text: Type.String(),
  assigneeId: Id,
  assigneeName: Nullable(Type.String()),
  snoozedUntil: Nullable(Instant),
});
export type EventReminder = Static<typeof EventReminder>;
/** GET /api/events/:id/reminder: null when the event has no open reminder the user may see. */
export const EventReminderAnswer = Type.Object({ reminder: Nullable(EventReminder) });
export type EventReminderAnswer = Static<typeof EventReminderAnswer>;

export const EventListQuery = Type.Object(
  {
    ...ListQuery,
    counterpartyId: Type.Optional(Id),
    contactPersonId: Type.Optional(Id),
    /** Period of the start, in the user's time zone. */
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    kind: Type.Optional(EventKind),
    importance: Type.Optional(Importance),
    state: Type.Optional(EventState),
    responsibleUserId: Type.Optional(Type.Union([Id, Type.Literal('me')])),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    archived: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived'), Type.Literal('all')])),
  },
  { additionalProperties: false },
);
export type EventListQuery = Static<typeof EventListQuery>;

export const RelatedDocument = Type.Object({
  type: BasisType,
  id: Id,
  number: Type.Integer(),
  title: Type.String(),
  /** An instant for events, a date (YYYY-MM-DD) for orders. */
  date: Type.String({ description: 'instant for events, YYYY-MM-DD for orders' }),
});
export const EventRelated = Type.Object({
  basis: Nullable(RelatedDocument),
  /** Documents created based on this event. */
  documents: Type.Array(RelatedDocument),
});
export type EventRelated = Static<typeof EventRelated>;

export const InfoSource = Type.Object({ id: Id, name: Type.String(), archived: Type.Boolean() });
export const InfoSourceCreate = Type.Object({ name: Text(100, { min: 1 }) }, { additionalProperties: false });
export const InfoSourcePatch = Type.Object(
  { name: Type.Optional(Text(100, { min: 1 })), archived: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
