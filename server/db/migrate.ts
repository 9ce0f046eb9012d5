import type { Kysely } from 'kysely';
import { columnTypes, transactionLock, type DialectName } from './dialect.js';
import type { MigrationContext } from './migrations/context.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_events_tasks_scheduler.js';
import * as m0003 from './migrations/0003_search_indexes.js';
import * as m0004 from './migrations/0004_login_throttle.js';
import * as m0005 from './migrations/0005_reminder_delivery.js';
import * as m0006 from './migrations/0006_trade.js';
import * as m0007 from './migrations/0007_abc.js';
import * as m0008 from './migrations/0008_calendar_feeds.js';
import * as m0009 from './migrations/0009_webhooks.js';
import * as m0010 from './migrations/0010_idempotency.js';
import * as m0011 from './migrations/0011_email_reminders.js';
import * as m0012 from './migrations/0012_search_at_scale.js';
import * as m0013 from './migrations/0013_task_list_order.js';

interface Migration {
  name: string;
  up(db: Kysely<any>, ctx: MigrationContext): Promise<void>;
}

// Append-only: the order here is the order they ran in production.
const MIGRATIONS: Migration[] = [
  { name: '0001_foundation', up: m0001.up },
  { name: '0002_events_tasks_scheduler', up: m0002.up },
  { name: '0003_search_indexes', up: m0003.up },
  { name: '0004_login_throttle', up: m0004.up },
  { name: '0005_reminder_delivery', up: m0005.up },
  { name: '0006_trade', up: m0006.up },
  { name: '0007_abc', up: m0007.up },
  { name: '0008_calendar_feeds', up: m0008.up },
  { name: '0009_webhooks', up: m0009.up },
  { name: '0010_idempotency', up: m0010.up },
  { name: '0011_email_reminders', up: m0011.up },
  { name: '0012_search_at_scale', up: m0012.up },
  { name: '0013_task_list_order', up: m0013.up },
];

const MIGRATION_LOCK = 72_100_001;

/** Applies pending migrations, each in its own transaction. Safe with several instances starting at once. */
export async function migrate(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute()
    .catch(async (err) => {
      // Two instances racing on an empty PostgreSQL database: the loser sees a duplicate type.
      const exists = await db
        .selectFrom('schema_migrations')
        .select('name')
        .limit(1)
        .execute()
        .then(
          () => true,
          () => false,
        );
      if (!exists) throw err;
    });
  const ctx: MigrationContext = { dialect, t: columnTypes(dialect) };
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    await db.transaction().execute(async (trx) => {
      await transactionLock(trx, dialect, MIGRATION_LOCK);
      const done = await trx.selectFrom('schema_migrations').select('name').where('name', '=', m.name).executeTakeFirst();
      if (done) return;
      await m.up(trx, ctx);
      await trx.insertInto('schema_migrations').values({ name: m.name, applied_at: new Date().toISOString() }).execute();
      applied.push(m.name);
    });
  }
  return applied;
}
