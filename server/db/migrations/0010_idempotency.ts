// Frozen once released: append a new migration instead of editing this one.
import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/** The first answer to a POST sent with an Idempotency-Key, per actor and key, kept 24 hours so a
 * retried request replays it instead of writing again. A row without a status is a request still
 * running: the primary key makes a parallel one with the same key fail to reserve it. */
export async function up(db: Kysely<any>, { t }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('content_type', 'text')
    .addColumn('body', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').column('created_at').execute();
}
