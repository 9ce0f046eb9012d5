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
  emailReminders: Generated<number>;
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

/** A user's secret iCalendar feed (migration 0008): the SHA-256 of the URL's secret. */
export interface CalendarFeedsTable {
  userId: string;
  secretHash: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  email: string;
  ip: string;
  at: string;
}

export interface LoginThrottlePairsTable {
  email: string;
  ip: string;
  failures: number;
  lockedUntil: string | null;
  lastFailureAt: string | null;
  lastSuccessAt: string | null;
  updatedAt: string;
}

export interface LoginThrottleIpsTable {
  ip: string;
  failures: number;
  windowStart: string;
}

/** The first answer to a POST with an Idempotency-Key (migration 0010); status null = still running. */
export interface IdempotencyKeysTable {
  userId: string;
  key: string;
  requestHash: string;
  status: number | null;
  contentType: string | null;
  body: string | null;
  createdAt: string;
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
  /** digits reversed: "ends with" searches become index ranges. */
  digitsRev: string | null;
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

export interface NumberSequencesTable {
  docType: string;
  lastNumber: number;
}

export interface InfoSourcesTable {
  id: string;
  name: string;
  position: number;
  createdAt: string;
  archivedAt: string | null;
}

export interface EventsTable extends Audited {
  id: string;
  number: number;
  kind: 'phoneCall' | 'meeting' | 'email' | 'letter' | 'other';
  direction: 'incoming' | 'outgoing' | null;
  startAt: string;
  endAt: string | null;
  counterpartyId: string | null;
  contactPersonId: string | null;
  subject: string;
  subjectSearch: string;
  description: string | null;
  content: string | null;
  importance: 'low' | 'normal' | 'high';
  state: 'planned' | 'completed' | 'cancelled';
  outcome: 'success' | 'failure' | null;
  basisType: string | null;
  basisId: string | null;
  infoSourceId: string | null;
  responsibleUserId: string;
  archivedAt: string | null;
}

export interface TasksTable extends Audited {
  id: string;
  title: string;
  description: string | null;
  dueAt: string | null;
  remindAt: string | null;
  status: 'open' | 'done' | 'cancelled';
  assigneeId: string;
  subjectType: 'event' | 'counterparty' | 'contactPerson' | 'order' | null;
  subjectId: string | null;
  source: 'manual' | 'eventReminder' | 'birthday' | 'abc';
  sourceKey: string | null;
  completedAt: string | null;
  completedBy: string | null;
  snoozedUntil: string | null;
  alertAt: string | null;
  alertedAt: string | null;
}

export interface ScheduledJobsTable {
  name: string;
  nextRunAt: string;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastStatus: 'ok' | 'error' | null;
  lastResult: string | null;
  runCount: Generated<number>;
}

export type VatRateCode = 'none' | '0' | '10' | '20' | '22';

/** Money columns are integer kopecks, quantities integer thousandths, discounts hundredths of a percent. */
export interface ProductsTable extends Audited {
  id: string;
  sku: string;
  skuKey: string;
  name: string;
  nameSearch: string;
  unit: string;
  price: number;
  costPrice: number;
  vatRate: VatRateCode;
  archivedAt: string | null;
}

export interface OrdersTable extends Audited {
  id: string;
  number: number;
  date: string;
  counterpartyId: string;
  contactPersonId: string | null;
  responsibleUserId: string;
  basisType: string | null;
  basisId: string | null;
  state: 'draft' | 'confirmed' | 'shipped' | 'cancelled';
  comment: string | null;
  total: number;
  vatTotal: number;
  confirmedAt: string | null;
  shippedAt: string | null;
  cancelledAt: string | null;
  archivedAt: string | null;
}

export interface OrderLinesTable {
  id: string;
  orderId: string;
  position: number;
  productId: string;
  quantity: number;
  price: number;
  discount: number;
  amount: number;
  vatRate: VatRateCode;
  vatAmount: number;
}

export interface SalesTable extends Audited {
  id: string;
  number: number;
  date: string;
  counterpartyId: string;
  orderId: string | null;
  responsibleUserId: string | null;
  comment: string | null;
  revenue: number;
  cost: number;
  vatTotal: number;
  archivedAt: string | null;
}

export interface SaleLinesTable {
  id: string;
  saleId: string;
  position: number;
  productId: string | null;
  description: string | null;
  quantity: number;
  price: number;
  amount: number;
  cost: number;
  vatRate: VatRateCode;
  vatAmount: number;
}

/** «ABC-классификация покупателей»; percents are whole numbers. */
export interface AbcClassificationsTable extends Audited {
  id: string;
  number: number;
  date: string;
  periodFrom: string;
  periodTo: string;
  basis: 'revenue' | 'grossProfit';
  // Named so CamelCasePlugin maps them both ways (classAPercent would become class_apercent).
  percentA: number;
  percentB: number;
  percentC: number;
  xyzPercentX: number;
  xyzPercentY: number;
  state: 'draft' | 'applied';
  responsibleUserId: string;
  comment: string | null;
  /** T: the sum of the positive amounts, kopecks. */
  total: number;
  customerCount: number;
  filledAt: string | null;
  appliedAt: string | null;
  autoMonth: string | null;
  archivedAt: string | null;
}

export interface AbcClassificationLinesTable {
  id: string;
  classificationId: string;
  position: number;
  counterpartyId: string;
  amount: number;
  /** Sum of the positive amounts of this line and every line before it. */
  cumulativeAmount: number;
  abcClass: 'A' | 'B' | 'C';
  previousClass: 'A' | 'B' | 'C' | null;
  xyzClass: 'X' | 'Y' | 'Z' | null;
  /** Coefficient of variation in hundredths of a percent. */
  variation: number | null;
}

export interface WebhooksTable extends Audited {
  id: string;
  url: string;
  /** Event types, comma-separated. */
  events: string;
  secret: string;
  archivedAt: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhookId: string;
  eventType: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  deliveredAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
}

export interface WebhookAttemptsTable {
  id: string;
  deliveryId: string;
  attemptedAt: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface DB {
  webhooks: WebhooksTable;
  webhookDeliveries: WebhookDeliveriesTable;
  webhookAttempts: WebhookAttemptsTable;
  abcClassifications: AbcClassificationsTable;
  abcClassificationLines: AbcClassificationLinesTable;
  products: ProductsTable;
  orders: OrdersTable;
  orderLines: OrderLinesTable;
  sales: SalesTable;
  saleLines: SaleLinesTable;
  numberSequences: NumberSequencesTable;
  infoSources: InfoSourcesTable;
  events: EventsTable;
  tasks: TasksTable;
  scheduledJobs: ScheduledJobsTable;
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  calendarFeeds: CalendarFeedsTable;
  loginAttempts: LoginAttemptsTable;
  loginThrottlePairs: LoginThrottlePairsTable;
  loginThrottleIps: LoginThrottleIpsTable;
  idempotencyKeys: IdempotencyKeysTable;
  settings: SettingsTable;
  counterparties: CounterpartiesTable;
  contactPersons: ContactPersonsTable;
  contactInfo: ContactInfoTable;
  auditLog: AuditLogTable;
}
