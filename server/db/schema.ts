// Table types as Kysely sees them (camelCase through CamelCasePlugin).
// Booleans are integers 0/1 on both dialects; instants are ISO strings; dates YYYY-MM-DD.
import type { Generated } from 'kysely';

interface Audited {
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface UsersTable extends Audited {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: 'admin' | 'manager';
  language: Generated<'ru' | 'en'>;
  timeZone: Generated<string>;
  showTasksAtStartup: Generated<number>;
  blockedAt: string | null;
}

export interface SessionsTable {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  email: string;
  ip: string;
  at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface CounterpartiesTable extends Audited {
  id: string;
  name: string;
  nameSearch: string;
  fullName: string | null;
  kind: 'legalEntity' | 'soleTrader' | 'individual';
  inn: string | null;
  kpp: string | null;
  isCustomer: number;
  isSupplier: number;
  responsibleUserId: string | null;
  comment: string | null;
  abcClass: string | null;
  archivedAt: string | null;
}

export interface ContactPersonsTable extends Audited {
  id: string;
  counterpartyId: string | null;
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  nameSearch: string;
  position: string | null;
  role: string | null;
  birthday: string | null;
  birthdayReminderDays: number | null;
  comment: string | null;
  archivedAt: string | null;
}

export interface ContactInfoTable {
  id: string;
  counterpartyId: string | null;
  contactPersonId: string | null;
  kind: string;
  value: string;
  comment: string | null;
  normalized: string | null;
  digits: string | null;
  position: number;
}

export interface AuditLogTable {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  userId: string | null;
  at: string;
  changes: string | null;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  loginAttempts: LoginAttemptsTable;
  settings: SettingsTable;
  counterparties: CounterpartiesTable;
  contactPersons: ContactPersonsTable;
  contactInfo: ContactInfoTable;
  auditLog: AuditLogTable;
}
