import { Type, type Static } from '@sinclair/typebox';
import { Id, Instant, ListQuery, Nullable, Text } from './common.js';
import { ContactInfoEntry, ContactInfoList } from './contact-info.js';

export const CounterpartyKind = Type.Union([Type.Literal('legalEntity'), Type.Literal('soleTrader'), Type.Literal('individual')]);
export type CounterpartyKind = Static<typeof CounterpartyKind>;
export const AbcClass = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C')]);

export const Counterparty = Type.Object({
  id: Id,
  name: Type.String(),
  fullName: Nullable(Type.String()),
  kind: CounterpartyKind,
  inn: Nullable(Type.String()),
  kpp: Nullable(Type.String()),
  isCustomer: Type.Boolean(),
  isSupplier: Type.Boolean(),
  responsibleUserId: Nullable(Id),
  responsibleUserName: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  contactInfo: Type.Array(ContactInfoEntry),
  abcClass: Nullable(AbcClass),
  createdAt: Instant,
  updatedAt: Instant,
  archivedAt: Nullable(Instant),
});
export type Counterparty = Static<typeof Counterparty>;

const fields = {
  name: Text(200, { min: 1 }),
  fullName: Nullable(Text(500)),
  kind: CounterpartyKind,
  inn: Nullable(Type.String({ maxLength: 12 })),
  kpp: Nullable(Type.String({ maxLength: 9 })),
  isCustomer: Type.Boolean(),
  isSupplier: Type.Boolean(),
  responsibleUserId: Nullable(Id),
  comment: Nullable(Text(4000)),
  contactInfo: ContactInfoList,
};

export const CounterpartyCreate = Type.Object(
  {
    name: fields.name,
    fullName: Type.Optional(fields.fullName),
    kind: Type.Optional(fields.kind),
    inn: Type.Optional(fields.inn),
    kpp: Type.Optional(fields.kpp),
    isCustomer: Type.Optional(fields.isCustomer),
    isSupplier: Type.Optional(fields.isSupplier),
    responsibleUserId: Type.Optional(fields.responsibleUserId),
    comment: Type.Optional(fields.comment),
    contactInfo: Type.Optional(fields.contactInfo),
  },
  { additionalProperties: false },
);
export type CounterpartyCreate = Static<typeof CounterpartyCreate>;

/** Every field optional; contactInfo, when given, replaces the whole list. */
export const CounterpartyPatch = Type.Partial(CounterpartyCreate, { additionalProperties: false, minProperties: 1 });
export type CounterpartyPatch = Static<typeof CounterpartyPatch>;

export const COUNTERPARTY_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'inn', '-inn'] as const;
export const ArchivedFilter = Type.Union([Type.Literal('active'), Type.Literal('archived'), Type.Literal('all')], { default: 'active' });

export const CounterpartyListQuery = Type.Object(
  {
    ...ListQuery,
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(
      Type.Unsafe<(typeof COUNTERPARTY_SORTS)[number]>({ type: 'string', enum: [...COUNTERPARTY_SORTS], default: 'name' }),
    ),
    archived: Type.Optional(ArchivedFilter),
    responsibleUserId: Type.Optional(Type.Union([Id, Type.Literal('me')])),
    isCustomer: Type.Optional(Type.Boolean()),
    isSupplier: Type.Optional(Type.Boolean()),
    /** The current ABC class; `none`: never classified. */
    abcClass: Type.Optional(Type.Union([AbcClass, Type.Literal('none')])),
  },
  { additionalProperties: false },
);
export type CounterpartyListQuery = Static<typeof CounterpartyListQuery>;
