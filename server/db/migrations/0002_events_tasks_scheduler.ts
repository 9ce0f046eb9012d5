// Frozen once released: append a new migration instead of editing this one.
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

export async function up(db: Kysely<any>, { t }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('number_sequences')
    .addColumn('doc_type', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('info_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('archived_at', t.instant)
    .execute();
  const now = new Date().toISOString();
  const sources = ['Сайт', 'Рекомендация', 'Выставка', 'Холодный звонок', 'Реклама'];
  await db
    .insertInto('info_sources')
    .values(sources.map((name, i) => ({ id: `0190a000-0000-7000-8000-00000000000${i + 1}`, name, position: i, created_at: now })))
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text')
    .addColumn('start_at', t.instant, (c) => c.notNull())
    .addColumn('end_at', t.instant)
    .addColumn('counterparty_id', 'text', (c) => c.references('counterparties.id'))
    .addColumn('contact_person_id', 'text', (c) => c.references('contact_persons.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_search', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('content', 'text')
    .addColumn('importance', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('basis_type', 'text')
    .addColumn('basis_id', 'text')
    .addColumn('info_source_id', 'text', (c) => c.references('info_sources.id'))
    .addColumn('responsible_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('archived_at', t.instant)
    .execute();
  await db.schema.createIndex('events_start_idx').on('events').columns(['start_at', 'id']).execute();
  await db.schema.createIndex('events_counterparty_idx').on('events').columns(['counterparty_id', 'start_at']).execute();
  await db.schema.createIndex('events_person_idx').on('events').columns(['contact_person_id', 'start_at']).execute();
  await db.schema.createIndex('events_responsible_idx').on('events').columns(['responsible_user_id', 'start_at']).execute();
  await db.schema.createIndex('events_basis_idx').on('events').columns(['basis_type', 'basis_id']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('due_at', t.instant)
    .addColumn('remind_at', t.instant)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    // Natural key of generated tasks (e.g. birthday:<person>:<year>:<user>): inserted once, whatever the runs.
    .addColumn('source_key', 'text', (c) => c.unique())
    .addColumn('completed_at', t.instant)
    .addColumn('completed_by', 'text')
    .addColumn('snoozed_until', t.instant)
    // When the popup is due: remind_at, or snoozed_until after a snooze. Null: no popup.
    .addColumn('alert_at', t.instant)
    // When the popup was pushed for the current alert_at (claimed by exactly one instance).
    .addColumn('alerted_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('tasks_assignee_idx').on('tasks').columns(['assignee_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('tasks_alert_idx').on('tasks').columns(['status', 'alert_at']).execute();
  await db.schema.createIndex('tasks_subject_idx').on('tasks').columns(['subject_type', 'subject_id']).execute();

  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', t.instant, (c) => c.notNull())
    .addColumn('last_started_at', t.instant)
    .addColumn('last_finished_at', t.instant)
    .addColumn('last_status', 'text')
    .addColumn('last_result', 'text')
    .addColumn('run_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await sql`create index contact_persons_birthday_idx on contact_persons (birthday_reminder_days) where birthday is not null and birthday_reminder_days is not null and archived_at is null`.execute(
    db,
  );
}
