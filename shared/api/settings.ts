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
  // Our company's requisites for the printed forms («Реквизиты организации»); '' when not filled.
  companyInn: Type.String(),
  companyKpp: Type.String(),
  companyLegalAddress: Type.String(),
  companyPhone: Type.String(),
  companyBank: Type.String(),
  companyBik: Type.String(),
  companyAccount: Type.String(),
  companyCorrAccount: Type.String(),
  companyDirector: Type.String(),
  companyAccountant: Type.String(),
  // ABC classification: class percents (whole numbers summing to 100), XYZ bounds of the
  // coefficient of variation, and the monthly automatic run by the scheduler.
  abcClassAPercent: Type.Integer(),
  abcClassBPercent: Type.Integer(),
  abcClassCPercent: Type.Integer(),
  xyzXPercent: Type.Integer(),
  xyzYPercent: Type.Integer(),
  abcMonthlyAuto: Type.Boolean(),
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
    companyInn: Type.Optional(Type.String({ pattern: '^(|\\d{10}|\\d{12})$' })),
    companyKpp: Type.Optional(Type.String({ pattern: '^(|\\d{9})$' })),
    companyLegalAddress: Type.Optional(Text(300)),
    companyPhone: Type.Optional(Text(300)),
    companyBank: Type.Optional(Text(300)),
    companyBik: Type.Optional(Type.String({ pattern: '^(|\\d{9})$' })),
    companyAccount: Type.Optional(Type.String({ pattern: '^(|\\d{20})$' })),
    companyCorrAccount: Type.Optional(Type.String({ pattern: '^(|\\d{20})$' })),
    companyDirector: Type.Optional(Text(300)),
    companyAccountant: Type.Optional(Text(300)),
    abcClassAPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    abcClassBPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    abcClassCPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    xyzXPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    xyzYPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    abcMonthlyAuto: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type SettingsPatch = Static<typeof SettingsPatch>;
