import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Text, TimeZone } from './common.js';

export const AbcBasis = Type.Union([Type.Literal('revenue'), Type.Literal('grossProfit')]);

export const Settings = Type.Object({
  companyName: Type.String(),
  abcBasis: AbcBasis,
  scheduledJobsUserId: Nullable(Id),
  schedulerIntervalSeconds: Type.Integer(),
  defaultPhoneRegion: Type.String(),
  timeZone: Type.String(),
  managersSeeAllCounterparties: Type.Boolean(),
  birthdayRemindResponsible: Type.Boolean(),
});
export type Settings = Static<typeof Settings>;

export const SettingsPatch = Type.Object(
  {
    companyName: Type.Optional(Text(200)),
    abcBasis: Type.Optional(AbcBasis),
    scheduledJobsUserId: Type.Optional(Nullable(Id)),
    schedulerIntervalSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })),
    defaultPhoneRegion: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    timeZone: Type.Optional(TimeZone),
    managersSeeAllCounterparties: Type.Optional(Type.Boolean()),
    birthdayRemindResponsible: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type SettingsPatch = Static<typeof SettingsPatch>;
