import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable } from './common.js';

export const CallerIdQuery = Type.Object({
  phone: Type.String({
    minLength: 1,
    maxLength: 50,
    description: 'a phone number written any way: +7 495 123-45-67, 84951234567, 123-45-67',
  }),
});
export type CallerIdQuery = Static<typeof CallerIdQuery>;

export const CallerIdMatch = Type.Object({
  type: Type.Union([Type.Literal('counterparty'), Type.Literal('contactPerson')]),
  id: Id,
  name: Type.String(),
  counterpartyId: Nullable(Id),
  counterpartyName: Nullable(Type.String()),
  /** The counterparty's responsible manager: whom to put the call through to. */
  responsibleUserId: Nullable(Id),
  responsibleUserName: Nullable(Type.String()),
});
export type CallerIdMatch = Static<typeof CallerIdMatch>;

export const CallerIdResult = Type.Object({ matches: Type.Array(CallerIdMatch) });
export type CallerIdResult = Static<typeof CallerIdResult>;
