import type { DbOrTrx } from '../../db/database.js';
import { forUpdate } from '../../db/dialect.js';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhooksTable } from '../../db/schema.js';
import { sql, type SqlBool } from 'kysely';
import { after } from '../../db/keyset.js';

export const insertWebhook = (db: DbOrTrx, row: WebhooksTable) => db.insertInto('webhooks').values(row).execute();

export const listWebhooks = (db: DbOrTrx) =>
  db.selectFrom('webhooks').select(['id', 'url', 'events', 'createdAt']).where('archivedAt', 'is', null).orderBy('id').execute();

export const findWebhook = (db: DbOrTrx, id: string) =>
  db.selectFrom('webhooks').selectAll().where('id', '=', id).where('archivedAt', 'is', null).executeTakeFirst();

export async function archiveWebhook(db: DbOrTrx, id: string, at: string, by: string): Promise<boolean> {
  const res = await db
    .updateTable('webhooks')
    .set({ archivedAt: at, updatedAt: at, updatedBy: by })
    .where('id', '=', id)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Active webhooks subscribed to one event type. */
export const subscribers = (db: DbOrTrx, type: string) =>
  db
    .selectFrom('webhooks')
    .select('id')
    .where('archivedAt', 'is', null)
    // Types come from a fixed list without LIKE wildcards.
    .where(sql<SqlBool>`',' || events || ',' like ${`%,${type},%`}`)
    .execute();

export const insertDeliveries = (db: DbOrTrx, rows: WebhookDeliveriesTable[]) => db.insertInto('webhookDeliveries').values(rows).execute();

/** Claims up to `limit` due deliveries: locked rows another instance is claiming are skipped, and
 * the conditional UPDATE moves each claimed row's due time to the end of its lease, so no other
 * run takes it while this attempt is under way (and one that died is retried after the lease). */
export async function claimDue(db: DbOrTrx, now: string, leaseUntil: string, limit: number) {
  const due = await forUpdate(
    db,
    db
      .selectFrom('webhookDeliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '<=', now)
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(limit),
    { skipLocked: true },
  ).execute();
  if (!due.length) return [];
  return db
    .updateTable('webhookDeliveries')
    .set({ nextAttemptAt: leaseUntil })
    .where(
      'id',
      'in',
      due.map((d) => d.id),
    )
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now)
    .returning(['id', 'webhookId', 'eventType', 'payload', 'attempts'])
    .execute();
}

export const webhookSecrets = (db: DbOrTrx, ids: string[]) =>
  ids.length
    ? db.selectFrom('webhooks').select(['id', 'url', 'secret', 'archivedAt']).where('id', 'in', ids).execute()
    : Promise.resolve([]);

export const insertAttempt = (db: DbOrTrx, row: WebhookAttemptsTable) => db.insertInto('webhookAttempts').values(row).execute();

export const updateDelivery = (
  db: DbOrTrx,
  id: string,
  set: Pick<WebhookDeliveriesTable, 'status' | 'attempts' | 'nextAttemptAt' | 'deliveredAt' | 'lastStatusCode' | 'lastError'>,
) => db.updateTable('webhookDeliveries').set(set).where('id', '=', id).execute();

/** One page of a webhook's deliveries, newest first (ids are time-ordered). */
export const listDeliveries = (db: DbOrTrx, webhookId: string, limit: number, cursor: [string | number | null, string] | null) =>
  db
    .selectFrom('webhookDeliveries')
    .selectAll()
    .where('webhookId', '=', webhookId)
    .$if(cursor !== null, (q) => q.where((eb) => after(eb, eb.ref('id'), eb.ref('id'), 'desc', cursor!)))
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();

export const attemptsOf = (db: DbOrTrx, deliveryIds: string[]) =>
  deliveryIds.length
    ? db
        .selectFrom('webhookAttempts')
        .select(['deliveryId', 'attemptedAt', 'statusCode', 'error', 'durationMs'])
        .where('deliveryId', 'in', deliveryIds)
        .orderBy('attemptedAt')
        .orderBy('id')
        .execute()
    : Promise.resolve([]);
