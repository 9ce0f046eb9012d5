// Frozen once released: append a new migration instead of editing this one.
import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

// A user's secret calendar feed URL. Only the SHA-256 of the secret is kept (as for API tokens):
// the URL is shown once; a new one replaces the old (one row per user), revoking deletes the row.
export async function up(db: Kysely<any>, { t }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_used_at', t.instant)
    .execute();
}
