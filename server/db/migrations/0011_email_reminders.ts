// Frozen once released: append a new migration instead of editing this one.
import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/** A user's choice to get reminders and birthday tasks by e-mail too; off until they turn it on. */
export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('email_reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
