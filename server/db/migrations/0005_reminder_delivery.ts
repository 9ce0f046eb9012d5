// Frozen once released: append a new migration instead of editing this one.
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

// Reminder delivery claims due popups in bounded batches and users page through their due popups.
// No new columns: a popup is pushed by pg_notify inside the transaction that claims it (alerted_at),
// so "claimed" and "pushed" commit together. These indexes keep both queries a range scan however
// many old, already pushed popups stay open.
export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  // The claim: status = 'open' and alert_at <= now and alerted_at is null, oldest first. Partial on
  // the one condition written literally in the query, so both planners match it (alert_at <= now
  // implies alert_at is not null).
  await sql`create index tasks_alert_pending_idx on tasks (status, alert_at, id) where alerted_at is null and alert_at is not null`.execute(
    db,
  );
  // A user's due popups, keyset-paged on (alert_at, id).
  await db.schema.createIndex('tasks_reminders_idx').on('tasks').columns(['assignee_id', 'status', 'alert_at', 'id']).execute();
}
