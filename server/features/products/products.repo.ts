import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { ProductsTable } from '../../db/schema.js';
import { after, containsPattern, decodeCursor } from '../../db/keyset.js';
import { forUpdate } from '../../db/dialect.js';

export interface ListFilter {
  /** searchKey of the query, and the same text as an SKU key. */
  q?: { name: string; sku: string };
  archived: 'active' | 'archived' | 'all';
}

/** By name (name_search, id), keyset-paged; q matches the SKU or the name anywhere. */
export function list(db: DbOrTrx, f: ListFilter, limit: number, cursor?: string) {
  let q = db
    .selectFrom('products')
    .selectAll()
    .where((eb) => {
      const c: Expression<SqlBool>[] = [];
      if (f.archived === 'active') c.push(eb('archivedAt', 'is', null));
      if (f.archived === 'archived') c.push(eb('archivedAt', 'is not', null));
      if (f.q)
        c.push(
          eb.or([
            sql<SqlBool>`products.sku_key like ${containsPattern(f.q.sku)} escape '\\'`,
            sql<SqlBool>`products.name_search like ${containsPattern(f.q.name)} escape '\\'`,
          ]),
        );
      return eb.and(c);
    });
  if (cursor) {
    const c = decodeCursor(cursor, 'name');
    q = q.where((eb) => after(eb, sql.ref('products.name_search'), sql.ref('products.id'), 'asc', c));
  }
  return q
    .orderBy('nameSearch')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

export type ProductRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export const findById = (db: DbOrTrx, id: string) => db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();

export const findByIdForUpdate = (db: DbOrTrx, id: string) =>
  forUpdate(db, db.selectFrom('products').selectAll().where('id', '=', id)).executeTakeFirst();

/** Another product holding this SKU key (any state: archived products keep their SKU). */
export const skuHolder = (db: DbOrTrx, skuKey: string, exceptId: string | null) =>
  db
    .selectFrom('products')
    .select(['id', 'sku', 'name'])
    .where('skuKey', '=', skuKey)
    .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();

export const findMany = (db: DbOrTrx, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('products').selectAll().where('id', 'in', ids).execute();

export const insert = (db: DbOrTrx, row: Insertable<ProductsTable>) => db.insertInto('products').values(row).execute();

export const update = (db: DbOrTrx, id: string, patch: Updateable<ProductsTable>) =>
  db.updateTable('products').set(patch).where('id', '=', id).execute();
