// Frozen once released: append a new migration instead of editing this one.
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

export async function up(db: Kysely<any>, { t }: MigrationContext): Promise<void> {
  const audit = (b: any) =>
    b
      .addColumn('created_at', t.instant, (c: any) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_at', t.instant, (c: any) => c.notNull())
      .addColumn('updated_by', 'text');

  await audit(
    db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull().defaultTo('ru'))
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Moscow'))
      .addColumn('show_tasks_at_startup', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('blocked_at', t.instant),
  ).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_used_at', t.instant)
    .addColumn('revoked_at', t.instant)
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_email_idx').on('login_attempts').columns(['email', 'at']).execute();
  await db.schema.createIndex('login_attempts_ip_idx').on('login_attempts').columns(['ip', 'at']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await audit(
    db.schema
      .createTable('counterparties')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_search', 'text', (c) => c.notNull())
      .addColumn('full_name', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('inn', 'text')
      .addColumn('kpp', 'text')
      .addColumn('is_customer', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('is_supplier', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('responsible_user_id', 'text', (c) => c.references('users.id'))
      .addColumn('comment', 'text')
      .addColumn('abc_class', 'text')
      .addColumn('archived_at', t.instant),
  ).execute();
  // INN is unique among active counterparties only: an archived duplicate does not block a new card.
  await sql`create unique index counterparties_inn_active_uq on counterparties (inn) where archived_at is null and inn is not null`.execute(
    db,
  );
  await db.schema.createIndex('counterparties_name_idx').on('counterparties').columns(['name_search', 'id']).execute();
  await db.schema.createIndex('counterparties_created_idx').on('counterparties').columns(['created_at', 'id']).execute();
  await db.schema
    .createIndex('counterparties_responsible_idx')
    .on('counterparties')
    .columns(['responsible_user_id', 'name_search'])
    .execute();

  await audit(
    db.schema
      .createTable('contact_persons')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('counterparty_id', 'text', (c) => c.references('counterparties.id'))
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('first_name', 'text')
      .addColumn('middle_name', 'text')
      .addColumn('name_search', 'text', (c) => c.notNull())
      .addColumn('position', 'text')
      .addColumn('role', 'text')
      .addColumn('birthday', t.date)
      .addColumn('birthday_reminder_days', 'integer')
      .addColumn('comment', 'text')
      .addColumn('archived_at', t.instant),
  ).execute();
  await db.schema.createIndex('contact_persons_cp_idx').on('contact_persons').columns(['counterparty_id', 'name_search']).execute();
  await db.schema.createIndex('contact_persons_name_idx').on('contact_persons').columns(['name_search', 'id']).execute();

  await db.schema
    .createTable('contact_info')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('counterparty_id', 'text', (c) => c.references('counterparties.id'))
    .addColumn('contact_person_id', 'text', (c) => c.references('contact_persons.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('normalized', 'text')
    .addColumn('digits', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint('contact_info_one_owner', sql`(counterparty_id is null) <> (contact_person_id is null)`)
    .execute();
  await db.schema.createIndex('contact_info_cp_idx').on('contact_info').columns(['counterparty_id', 'position']).execute();
  await db.schema.createIndex('contact_info_person_idx').on('contact_info').columns(['contact_person_id', 'position']).execute();
  await db.schema.createIndex('contact_info_normalized_idx').on('contact_info').columns(['normalized']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('changes', t.json)
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id', 'at']).execute();
}
