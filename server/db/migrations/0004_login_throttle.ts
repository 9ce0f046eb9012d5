// Frozen once released: append a new migration instead of editing this one.
import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/** Counters for the sign-in throttle, one row per key, reserved with one conditional statement before
 * a password is checked (counting rows of login_attempts first let parallel guesses all through):
 * - login_throttle_pairs: an e-mail and an address together, with a growing delay (locked_until);
 *   last_success_at marks a pair that has signed in, which the per-address ceiling spares;
 * - login_throttle_ips: failures of one address in a fixed window, the ceiling against spraying.
 * login_attempts stays as the record of checked failures. */
export async function up(db: Kysely<any>, { t }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('login_throttle_pairs')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', t.instant)
    .addColumn('last_failure_at', t.instant)
    .addColumn('last_success_at', t.instant)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttle_pairs_pk', ['email', 'ip'])
    .execute();
  await db.schema.createIndex('login_throttle_pairs_updated_idx').on('login_throttle_pairs').column('updated_at').execute();

  await db.schema
    .createTable('login_throttle_ips')
    .addColumn('ip', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttle_ips_window_idx').on('login_throttle_ips').column('window_start').execute();
}
