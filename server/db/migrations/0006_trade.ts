// Frozen once released: append a new migration instead of editing this one.
import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

// The trade side: products («Номенклатура»), customer orders («Заказ покупателя») and sales
// («Реализация товаров и услуг»). Money is integer kopecks, quantities integer thousandths,
// discounts integer hundredths of a percent: no floating point anywhere in a sum.
export async function up(db: Kysely<any>, { t }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull())
    // Upper-cased, trimmed SKU: one product per SKU whatever the case it was typed in.
    .addColumn('sku_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_search', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('price', 'bigint', (c) => c.notNull())
    .addColumn('cost_price', 'bigint', (c) => c.notNull())
    .addColumn('vat_rate', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('archived_at', t.instant)
    .execute();
  await db.schema.createIndex('products_name_idx').on('products').columns(['name_search', 'id']).execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('counterparty_id', 'text', (c) => c.notNull().references('counterparties.id'))
    .addColumn('contact_person_id', 'text', (c) => c.references('contact_persons.id'))
    .addColumn('responsible_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('basis_type', 'text')
    .addColumn('basis_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('vat_total', 'bigint', (c) => c.notNull())
    .addColumn('confirmed_at', t.instant)
    .addColumn('shipped_at', t.instant)
    .addColumn('cancelled_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('archived_at', t.instant)
    .execute();
  await db.schema.createIndex('orders_date_idx').on('orders').columns(['date', 'id']).execute();
  await db.schema.createIndex('orders_counterparty_idx').on('orders').columns(['counterparty_id', 'date']).execute();
  await db.schema.createIndex('orders_state_idx').on('orders').columns(['state', 'date']).execute();
  await db.schema.createIndex('orders_basis_idx').on('orders').columns(['basis_type', 'basis_id']).execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('price', 'bigint', (c) => c.notNull())
    .addColumn('discount', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('vat_rate', 'text', (c) => c.notNull())
    .addColumn('vat_amount', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_lines_order_idx').on('order_lines').columns(['order_id', 'position']).execute();
  await db.schema.createIndex('order_lines_product_idx').on('order_lines').columns(['product_id']).execute();

  await db.schema
    .createTable('sales')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('counterparty_id', 'text', (c) => c.notNull().references('counterparties.id'))
    // One sale per order: two ship requests at the same moment cannot both insert.
    .addColumn('order_id', 'text', (c) => c.unique().references('orders.id'))
    .addColumn('responsible_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('comment', 'text')
    .addColumn('revenue', 'bigint', (c) => c.notNull())
    .addColumn('cost', 'bigint', (c) => c.notNull())
    .addColumn('vat_total', 'bigint', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('archived_at', t.instant)
    .execute();
  await db.schema.createIndex('sales_date_idx').on('sales').columns(['date', 'id']).execute();
  await db.schema.createIndex('sales_counterparty_idx').on('sales').columns(['counterparty_id', 'date']).execute();

  await db.schema
    .createTable('sale_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sale_id', 'text', (c) => c.notNull().references('sales.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.references('products.id'))
    .addColumn('description', 'text')
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('price', 'bigint', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('cost', 'bigint', (c) => c.notNull())
    .addColumn('vat_rate', 'text', (c) => c.notNull())
    .addColumn('vat_amount', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sale_lines_sale_idx').on('sale_lines').columns(['sale_id', 'position']).execute();
  await db.schema.createIndex('sale_lines_product_idx').on('sale_lines').columns(['product_id']).execute();
}
