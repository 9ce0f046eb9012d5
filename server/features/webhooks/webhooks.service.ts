import { randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.js';
import type { DbOrTrx } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { isAdmin } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { forbidden, invalid, notFound } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../db/keyset.js';
import type {
  Webhook,
  WebhookCreate,
  WebhookCreated,
  WebhookDeliveryList,
  WebhookDeliveryQuery,
  WebhookEventType,
} from '../../../shared/api/webhooks.js';
import { afterAttempt, decodeEvents, encodeEvents, envelope } from './webhooks.logic.js';
import { assertTargetAllowed, deliver, TargetRefused } from './webhooks.net.js';
import * as repo from './webhooks.repo.js';

function assertAdmin(actor: Actor) {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can manage webhooks');
}

const toApi = (r: { id: string; url: string; events: string; createdAt: string }): Webhook => ({
  id: r.id,
  url: r.url,
  events: decodeEvents(r.events),
  createdAt: r.createdAt,
});

export async function list(deps: Deps, actor: Actor): Promise<Webhook[]> {
  assertAdmin(actor);
  return (await repo.listWebhooks(deps.db)).map(toApi);
}

export async function create(deps: Deps, actor: Actor, input: WebhookCreate): Promise<WebhookCreated> {
  assertAdmin(actor);
  const url = input.url.trim();
  try {
    await assertTargetAllowed(url, deps.config.webhooksAllowPrivateNetworks);
  } catch (err) {
    if (err instanceof TargetRefused) throw invalid('url', err.message, 'webhook_target_refused');
    throw err;
  }
  const now = deps.clock.now().toISOString();
  // Standard Webhooks secret: whsec_ and a base64 key of 24 random bytes.
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const row = { id: newId(), url, events: encodeEvents(input.events), secret, archivedAt: null };
  await repo.insertWebhook(deps.db, { ...row, createdAt: now, createdBy: actor.id, updatedAt: now, updatedBy: actor.id });
  return { ...toApi({ ...row, createdAt: now }), secret };
}

/** Deletes (archives) a webhook: nothing more is sent to it; its log stays. */
export async function remove(deps: Deps, actor: Actor, id: string): Promise<void> {
  assertAdmin(actor);
  if (!(await repo.archiveWebhook(deps.db, id, deps.clock.now().toISOString(), actor.id))) throw notFound('Webhook');
}

export async function deliveries(deps: Deps, actor: Actor, id: string, q: WebhookDeliveryQuery): Promise<WebhookDeliveryList> {
  assertAdmin(actor);
  if (!(await repo.findWebhook(deps.db, id))) throw notFound('Webhook');
  const limit = q.limit ?? 50;
  const rows = await repo.listDeliveries(deps.db, id, limit, q.cursor ? decodeCursor(q.cursor, 'deliveries') : null);
  const page = rows.slice(0, limit);
  const attempts = await repo.attemptsOf(
    deps.db,
    page.map((r) => r.id),
  );
  const items = page.map((r) => ({
    id: r.id,
    eventType: r.eventType as WebhookEventType,
    status: r.status,
    attempts: Number(r.attempts),
    createdAt: r.createdAt,
    nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt : null,
    deliveredAt: r.deliveredAt,
    lastStatusCode: r.lastStatusCode,
    lastError: r.lastError,
    attemptLog: attempts
      .filter((a) => a.deliveryId === r.id)
      .map((a) => ({ attemptedAt: a.attemptedAt, statusCode: a.statusCode, error: a.error, durationMs: Number(a.durationMs) })),
  }));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id, last.id, 'deliveries') : null };
}

/** The outbox write, called inside the transaction of the change: one delivery per subscribed
 * webhook, committed or rolled back with the change. Writes nothing when no webhook listens. */
export async function enqueue(trx: DbOrTrx, type: WebhookEventType, payload: unknown, now: Date | string): Promise<void> {
  const subs = await repo.subscribers(trx, type);
  if (!subs.length) return;
  const at = new Date(now);
  const body = envelope(type, at, payload);
  const iso = at.toISOString();
  await repo.insertDeliveries(
    trx,
    subs.map((s) => ({
      id: newId(),
      webhookId: s.id,
      eventType: type,
      payload: body,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: iso,
      deliveredAt: null,
      lastStatusCode: null,
      lastError: null,
      createdAt: iso,
    })),
  );
}

const BATCH = 20;
const MAX_PER_RUN = 500;
/** Longer than an attempt may take (10 s timeout), so a live attempt is never taken over. */
const LEASE_MS = 60_000;

/** Sends due deliveries (the `webhooks` scheduled job). Safe to run on several instances at once. */
export async function sendDue(deps: Deps): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (let sent = 0; sent < MAX_PER_RUN;) {
    const now = deps.clock.now();
    const claimed = await deps.db
      .transaction()
      .execute((trx) => repo.claimDue(trx, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), BATCH));
    if (!claimed.length) break;
    sent += claimed.length;
    const hooks = new Map((await repo.webhookSecrets(deps.db, [...new Set(claimed.map((c) => c.webhookId))])).map((h) => [h.id, h]));
    await Promise.all(
      claimed.map(async (d) => {
        const hook = hooks.get(d.webhookId);
        const attempts = Number(d.attempts) + 1;
        const result =
          hook && !hook.archivedAt
            ? await deliver(
                hook.url,
                hook.secret,
                { id: d.id, body: d.payload, timestamp: deps.clock.now() },
                deps.config.webhooksAllowPrivateNetworks,
              )
            : { statusCode: null, error: 'webhook deleted', durationMs: 0, ok: false };
        const at = deps.clock.now();
        const next =
          hook && !hook.archivedAt
            ? afterAttempt(attempts, result.ok, at)
            : { status: 'failed' as const, nextAttemptAt: at.toISOString(), deliveredAt: null };
        if (next.status === 'delivered') delivered++;
        else failed++;
        await deps.db.transaction().execute(async (trx) => {
          await repo.insertAttempt(trx, {
            id: newId(),
            deliveryId: d.id,
            attemptedAt: at.toISOString(),
            statusCode: result.statusCode,
            error: result.error,
            durationMs: result.durationMs,
          });
          await repo.updateDelivery(trx, d.id, {
            ...next,
            attempts,
            lastStatusCode: result.statusCode,
            lastError: result.error,
          });
        });
      }),
    );
  }
  return { delivered, failed };
}
