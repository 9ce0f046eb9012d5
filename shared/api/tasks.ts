import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Instant, ListQuery, Nullable, Text } from './common.js';

export const SubjectType = Type.Union([
  Type.Literal('event'),
  Type.Literal('counterparty'),
  Type.Literal('contactPerson'),
  Type.Literal('order'),
]);
export const SubjectRef = Type.Object({ type: SubjectType, id: Id }, { additionalProperties: false });
export type SubjectRef = Static<typeof SubjectRef>;

export const TaskStatus = Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('cancelled')]);
export const TaskSource = Type.Union([
  Type.Literal('manual'),
  Type.Literal('eventReminder'),
  Type.Literal('birthday'),
  Type.Literal('abc'),
]);

export const Task = Type.Object({
  id: Id,
  title: Type.String(),
  description: Nullable(Type.String()),
  dueAt: Nullable(Instant),
  remindAt: Nullable(Instant),
  status: TaskStatus,
  /** Open and past its due time. */
  overdue: Type.Boolean(),
  assigneeId: Id,
  assigneeName: Nullable(Type.String()),
  subject: Nullable(Type.Object({ type: SubjectType, id: Id, title: Nullable(Type.String()) })),
  source: TaskSource,
  completedAt: Nullable(Instant),
  snoozedUntil: Nullable(Instant),
  /** When the popup is (or was) due. */
  alertAt: Nullable(Instant),
  createdAt: Instant,
});
export type Task = Static<typeof Task>;

export const TaskCreate = Type.Object(
  {
    title: Text(300, { min: 1 }),
    description: Type.Optional(Nullable(Text(4000))),
    dueAt: Type.Optional(Nullable(Instant)),
    remindAt: Type.Optional(Nullable(Instant)),
    /** Default: the signed-in user. Only an administrator assigns to someone else. */
    assigneeId: Type.Optional(Id),
    subject: Type.Optional(Nullable(SubjectRef)),
  },
  { additionalProperties: false },
);
export type TaskCreate = Static<typeof TaskCreate>;

export const TaskPatch = Type.Object(
  {
    title: Type.Optional(Text(300, { min: 1 })),
    description: Type.Optional(Nullable(Text(4000))),
    dueAt: Type.Optional(Nullable(Instant)),
    remindAt: Type.Optional(Nullable(Instant)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TaskPatch = Static<typeof TaskPatch>;

export const TaskListQuery = Type.Object(
  {
    ...ListQuery,
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('overdue'), Type.Literal('done'), Type.Literal('all')], { default: 'open' }),
    ),
    /** A user id, "me" (default) or "all" (administrators). */
    assigneeId: Type.Optional(Type.Union([Id, Type.Literal('me'), Type.Literal('all')])),
    /** Period on the due date, in the user's time zone. */
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    subjectType: Type.Optional(SubjectType),
    subjectId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type TaskListQuery = Static<typeof TaskListQuery>;

/** Exactly one of until or minutes. */
export const SnoozeBody = Type.Union([
  Type.Object({ until: Instant }, { additionalProperties: false }),
  Type.Object({ minutes: Type.Integer({ minimum: 1, maximum: 525600 }) }, { additionalProperties: false }),
]);
export type SnoozeBody = Static<typeof SnoozeBody>;

/** GET /api/tasks/reminders: the signed-in user's due popups, newest first, paged by cursor. */
export const ReminderListQuery = Type.Object({ ...ListQuery }, { additionalProperties: false });
export type ReminderListQuery = Static<typeof ReminderListQuery>;

export const ReminderPage = Type.Object({
  items: Type.Array(Task),
  nextCursor: Nullable(Type.String()),
  /** Every popup due now, across all pages (the panel's count). */
  total: Type.Integer({ minimum: 0 }),
});
export type ReminderPage = Static<typeof ReminderPage>;
