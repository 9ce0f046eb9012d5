import { Type, type Static } from '@sinclair/typebox';
import { Id, Instant, Language, Nullable, Role, Text, TimeZone } from './common.js';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 8, maxLength: 200 });

export const User = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  role: Role,
  language: Language,
  timeZone: Type.String(),
  showTasksAtStartup: Type.Boolean(),
  /** Reminders and birthday tasks also come by e-mail (when the operator has configured SMTP). */
  emailReminders: Type.Boolean(),
  blocked: Type.Boolean(),
  createdAt: Instant,
});
export type User = Static<typeof User>;

export const SetupBody = Type.Object(
  { name: Text(200, { min: 1 }), email: Email, password: Password, language: Type.Optional(Language) },
  { additionalProperties: false },
);
export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const SetupStatus = Type.Object({ needsSetup: Type.Boolean() });

export const UserCreate = Type.Object(
  {
    name: Text(200, { min: 1 }),
    email: Email,
    password: Password,
    role: Role,
    language: Type.Optional(Language),
    timeZone: Type.Optional(TimeZone),
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;

export const UserPatch = Type.Object(
  {
    name: Type.Optional(Text(200, { min: 1 })),
    email: Type.Optional(Email),
    password: Type.Optional(Password),
    role: Type.Optional(Role),
    blocked: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserPatch = Static<typeof UserPatch>;

export const MeSettingsPatch = Type.Object(
  {
    language: Type.Optional(Language),
    timeZone: Type.Optional(TimeZone),
    showTasksAtStartup: Type.Optional(Type.Boolean()),
    emailReminders: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MeSettingsPatch = Static<typeof MeSettingsPatch>;

export const PasswordChange = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);

export const TokenCreate = Type.Object({ name: Text(100, { min: 1 }) }, { additionalProperties: false });
export const TokenCreated = Type.Object({ id: Id, name: Type.String(), token: Type.String() });
export const TokenInfo = Type.Object({
  id: Id,
  name: Type.String(),
  createdAt: Instant,
  lastUsedAt: Nullable(Instant),
  revokedAt: Nullable(Instant),
});
export type TokenInfo = Static<typeof TokenInfo>;

/** Minimal user reference for pickers (responsible manager). */
export const UserRef = Type.Object({ id: Id, name: Type.String(), blocked: Type.Boolean() });
export type UserRef = Static<typeof UserRef>;
