import { Type, type Static } from '@sinclair/typebox';
import { Id, Instant, ListOf, ListQuery, Nullable } from './common.js';

export const WEBHOOK_EVENT_TYPES = [
  'counterparty.created',
  'counterparty.updated',
  'event.created',
  'task.created',
  'task.completed',
  'order.created',
  'order.confirmed',
  'order.shipped',
  'order.cancelled',
  'sale.created',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WebhookEventTypeSchema = Type.Union(WEBHOOK_EVENT_TYPES.map((t) => Type.Literal(t)));

export const WebhookCreate = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) URL; private networks are refused' }),
    events: Type.Array(WebhookEventTypeSchema, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type WebhookCreate = Static<typeof WebhookCreate>;

export const Webhook = Type.Object({
  id: Id,
  url: Type.String(),
  events: Type.Array(WebhookEventTypeSchema),
  createdAt: Instant,
});
export type Webhook = Static<typeof Webhook>;

/** The answer to a create: the signing secret, shown this once. */
export const WebhookCreated = Type.Object({
  id: Id,
  url: Type.String(),
  events: Type.Array(WebhookEventTypeSchema),
  createdAt: Instant,
  secret: Type.String({ description: 'whsec_ + base64 key (Standard Webhooks)' }),
});
export type WebhookCreated = Static<typeof WebhookCreated>;

export const WebhookList = Type.Object({ items: Type.Array(Webhook) });
export type WebhookList = Static<typeof WebhookList>;

export const WebhookAttempt = Type.Object({
  attemptedAt: Instant,
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  durationMs: Type.Integer(),
});
export type WebhookAttempt = Static<typeof WebhookAttempt>;

export const WebhookDelivery = Type.Object({
  /** The `webhook-id` header: the same on every retry. */
  id: Id,
  eventType: WebhookEventTypeSchema,
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  createdAt: Instant,
  nextAttemptAt: Nullable(Instant),
  deliveredAt: Nullable(Instant),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  attemptLog: Type.Array(WebhookAttempt),
});
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const WebhookDeliveryQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })), cursor: ListQuery.cursor },
  { additionalProperties: false },
);
export type WebhookDeliveryQuery = Static<typeof WebhookDeliveryQuery>;

export const WebhookDeliveryList = ListOf(WebhookDelivery);
export type WebhookDeliveryList = Static<typeof WebhookDeliveryList>;
