import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable } from './common.js';
import { CONTACT_INFO_KINDS } from './contact-info.js';

export const ReportFormat = Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], { default: 'json' });
export const CONTACT_REPORT_OBJECTS = ['counterparties', 'contactPersons', 'individuals'] as const;

/** Lists in query strings are comma-separated: objects=counterparties,contactPersons&kinds=phone,email */
export const ContactInfoReportQuery = Type.Object(
  {
    objects: Type.Optional(Type.String({ maxLength: 200, pattern: `^(${CONTACT_REPORT_OBJECTS.join('|')})(,(${CONTACT_REPORT_OBJECTS.join('|')}))*$` })),
    kinds: Type.Optional(Type.String({ maxLength: 300, pattern: `^(${CONTACT_INFO_KINDS.join('|')})(,(${CONTACT_INFO_KINDS.join('|')}))*$` })),
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
  columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  rows: Type.Array(ContactInfoReportRow),
  total: Type.Integer(),
  /** More rows matched than are shown on screen; the export has them all. */
  truncated: Type.Boolean(),
});
export type ContactInfoReport = Static<typeof ContactInfoReport>;
