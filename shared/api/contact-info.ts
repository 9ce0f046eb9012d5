import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Text } from './common.js';

export const CONTACT_INFO_KINDS = ['legalAddress', 'actualAddress', 'postalAddress', 'phone', 'fax', 'email', 'website', 'other'] as const;
export const ContactInfoKind = Type.Unsafe<(typeof CONTACT_INFO_KINDS)[number]>({ type: 'string', enum: [...CONTACT_INFO_KINDS] });
export type ContactInfoKind = (typeof CONTACT_INFO_KINDS)[number];

export const ContactInfoInput = Type.Object(
  {
    kind: ContactInfoKind,
    value: Text(500, { min: 1 }),
    comment: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false },
);
export type ContactInfoInput = Static<typeof ContactInfoInput>;

export const ContactInfoEntry = Type.Object({
  id: Id,
  kind: ContactInfoKind,
  value: Type.String(),
  comment: Nullable(Type.String()),
  /** E.164 for phones and faxes, lower-cased address for e-mails; null for other kinds. */
  normalized: Nullable(Type.String()),
});
export type ContactInfoEntry = Static<typeof ContactInfoEntry>;

export const ContactInfoList = Type.Array(ContactInfoInput, { maxItems: 50 });
