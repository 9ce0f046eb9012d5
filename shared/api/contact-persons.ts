import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Instant, ListQuery, Nullable, Text } from './common.js';
import { ContactInfoEntry, ContactInfoList } from './contact-info.js';
import { ArchivedFilter } from './counterparties.js';

export const ContactPerson = Type.Object({
  id: Id,
  counterpartyId: Nullable(Id),
  counterpartyName: Nullable(Type.String()),
  lastName: Type.String(),
  firstName: Nullable(Type.String()),
  middleName: Nullable(Type.String()),
  /** "Last First Middle", as 1C shows it. */
  fullName: Type.String(),
  position: Nullable(Type.String()),
  role: Nullable(Type.String()),
  birthday: Nullable(DateOnly),
  birthdayReminderDays: Nullable(Type.Integer()),
  contactInfo: Type.Array(ContactInfoEntry),
  comment: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
  archivedAt: Nullable(Instant),
});
export type ContactPerson = Static<typeof ContactPerson>;

export const ContactPersonCreate = Type.Object(
  {
    counterpartyId: Type.Optional(Nullable(Id)),
    lastName: Text(100, { min: 1 }),
    firstName: Type.Optional(Nullable(Text(100))),
    middleName: Type.Optional(Nullable(Text(100))),
    position: Type.Optional(Nullable(Text(200))),
    role: Type.Optional(Nullable(Text(200))),
    birthday: Type.Optional(Nullable(DateOnly)),
    birthdayReminderDays: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 365 }))),
    contactInfo: Type.Optional(ContactInfoList),
    comment: Type.Optional(Nullable(Text(4000))),
  },
  { additionalProperties: false },
);
export type ContactPersonCreate = Static<typeof ContactPersonCreate>;

export const ContactPersonPatch = Type.Partial(ContactPersonCreate, { additionalProperties: false, minProperties: 1 });
export type ContactPersonPatch = Static<typeof ContactPersonPatch>;

export const ContactPersonListQuery = Type.Object(
  {
    ...ListQuery,
    counterpartyId: Type.Optional(Id),
    /** true: only individuals (no counterparty); false: only persons of counterparties. */
    individuals: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    archived: Type.Optional(ArchivedFilter),
  },
  { additionalProperties: false },
);
export type ContactPersonListQuery = Static<typeof ContactPersonListQuery>;
