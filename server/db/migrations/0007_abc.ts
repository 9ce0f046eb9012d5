// Frozen once released: append a new migration instead of editing this one.
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

// «ABC-классификация покупателей»: the document and its lines. Amounts are integer kopecks (a gross
// profit may be negative); a line keeps the running sum of the positive amounts up to and including
// it, so its share and cumulative share are exact fractions of the document's total, rounded only
// when shown. The coefficient of variation (XYZ) is a statistic, kept in hundredths of a percent.
export async function up(db: Kysely<any>, { t }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('abc_classifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('period_from', t.date, (c) => c.notNull())
    .addColumn('period_to', t.date, (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('percent_a', 'integer', (c) => c.notNull())
    .addColumn('percent_b', 'integer', (c) => c.notNull())
    .addColumn('percent_c', 'integer', (c) => c.notNull())
    .addColumn('xyz_percent_x', 'integer', (c) => c.notNull())
    .addColumn('xyz_percent_y', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('responsible_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('comment', 'text')
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('customer_count', 'integer', (c) => c.notNull())
    .addColumn('filled_at', t.instant)
    .addColumn('applied_at', t.instant)
    // 'YYYY-MM' of the scheduler's monthly run: unique, so two instances cannot both make one.
    .addColumn('auto_month', 'text', (c) => c.unique())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('archived_at', t.instant)
    .execute();
  await db.schema.createIndex('abc_classifications_date_idx').on('abc_classifications').columns(['date', 'id']).execute();
  // "The latest applied (dated before …)": previousClass, cancel, the report's default.
  await db.schema.createIndex('abc_classifications_state_idx').on('abc_classifications').columns(['state', 'date', 'number']).execute();

  await db.schema
    .createTable('abc_classification_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('classification_id', 'text', (c) => c.notNull().references('abc_classifications.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('counterparty_id', 'text', (c) => c.notNull().references('counterparties.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('cumulative_amount', 'bigint', (c) => c.notNull())
    .addColumn('abc_class', 'text', (c) => c.notNull())
    .addColumn('previous_class', 'text')
    .addColumn('xyz_class', 'text')
    .addColumn('variation', 'integer')
    .execute();
  await db.schema
    .createIndex('abc_lines_position_idx')
    .unique()
    .on('abc_classification_lines')
    .columns(['classification_id', 'position'])
    .execute();
  await db.schema
    .createIndex('abc_lines_class_idx')
    .on('abc_classification_lines')
    .columns(['classification_id', 'abc_class', 'position'])
    .execute();
  await db.schema
    .createIndex('abc_lines_counterparty_idx')
    .on('abc_classification_lines')
    .columns(['counterparty_id', 'classification_id'])
    .execute();

  // Fill groups the period's sales by customer and month: every column it reads is in this partial
  // index (archived sales do not count), archived_at too, or SQLite's planner does not take it as
  // covering and prefers (date, id) with a table lookup per sale — half the speed.
  await db.schema
    .createIndex('sales_abc_idx')
    .on('sales')
    .columns(['date', 'counterparty_id', 'revenue', 'cost', 'archived_at'])
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
  await db.schema.createIndex('counterparties_abc_class_idx').on('counterparties').columns(['abc_class', 'name_search', 'id']).execute();
}
