import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Nullable } from './common.js';

export const UpcomingBirthdaysQuery = Type.Object(
  {
    /** The window: today (in the user's time zone) and the following days-1 days. */
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type UpcomingBirthdaysQuery = Static<typeof UpcomingBirthdaysQuery>;

export const UpcomingBirthday = Type.Object({
  contactPersonId: Id,
  /** "Last First Middle", as 1C shows it. */
  name: Type.String(),
  counterpartyId: Nullable(Id),
  counterpartyName: Nullable(Type.String()),
  birthday: DateOnly,
  /** The date it is celebrated (29 February falls on 28 February in other years). */
  nextDate: DateOnly,
  /** 0 = today. */
  daysLeft: Type.Integer(),
  /** The age reached on nextDate. */
  age: Type.Integer(),
});
export type UpcomingBirthday = Static<typeof UpcomingBirthday>;

export const UpcomingBirthdays = Type.Object({
  items: Type.Array(UpcomingBirthday),
  /** More birthdays fall in the window than `limit` returned. */
  truncated: Type.Boolean(),
});
export type UpcomingBirthdays = Static<typeof UpcomingBirthdays>;
