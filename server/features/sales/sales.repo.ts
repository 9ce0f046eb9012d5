import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { SaleLinesTable, SalesTable } from '../../db/schema.js';
import { after, decodeCursor } from '../../db/keyset.js';
import { counterpartyVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';
import type { LineRow } from './sales.logic.js';

export interface Filter {
  visibility: Visibility;
  counterpartyId?: string;
  orderId?: string;
  from?: string;
  to?: string;
}

/** Sales whose counterparty the viewer may see, with the names shown beside them. */
function base(db: DbOrTrx, f: Filter) {
  return db
    .selectFrom('sales')
    .innerJoin('counterparties as cp', 'cp.id', 'sales.counterpartyId')
    .leftJoin('orders as o', 'o.id', 'sales.orderId')
    .leftJoin('users as r', 'r.id', 'sales.responsibleUserId')
    .where((eb) => {
      const c: Expression<SqlBool>[] = [counterpartyVisible(eb, f.visibility, 'cp')];
      if (f.counterpartyId) c.push(eb('sales.counterpartyId', '=', f.counterpartyId));
      if (f.orderId) c.push(eb('sales.orderId', '=', f.orderId));
      if (f.from) c.push(eb('sales.date', '>=', f.from));
      if (f.to) c.push(eb('sales.date', '<=', f.to));
      return eb.and(c);
    });
}

const head = (db: DbOrTrx, f: Filter) =>
  base(db, f).selectAll('sales').select(['cp.name as counterpartyName', 'o.number as orderNumber', 'r.name as responsibleUserName']);

export type SaleRow = NonNullable<Awaited<ReturnType<typeof findVisible>>>;

/** Newest first, keyset-paged on (date, id). */
export function list(db: DbOrTrx, f: Filter, limit: number, cursor?: string) {
  let q = head(db, f);
  if (cursor) {
    const c = decodeCursor(cursor, 'date');
    q = q.where((eb) => after(eb, sql.ref('sales.date'), sql.ref('sales.id'), 'desc', c));
  }
  return q
    .orderBy('sales.date', 'desc')
    .orderBy('sales.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function totals(db: DbOrTrx, f: Filter) {
  const r = await base(db, f)
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.sum('sales.revenue').as('revenue'), eb.fn.sum('sales.cost').as('cost')])
    .executeTakeFirst();
  return { count: Number(r?.count ?? 0), revenue: Number(r?.revenue ?? 0), cost: Number(r?.cost ?? 0) };
}

export const findVisible = (db: DbOrTrx, id: string, v: Visibility) =>
  head(db, { visibility: v }).where('sales.id', '=', id).executeTakeFirst();

export const linesOf = (db: DbOrTrx, saleId: string): Promise<LineRow[]> =>
  db
    .selectFrom('saleLines as l')
    .leftJoin('products as p', 'p.id', 'l.productId')
    .select([
      'l.id',
      'l.productId',
      'p.sku as productSku',
      'p.name as productName',
      'p.unit',
      'l.description',
      'l.quantity',
      'l.price',
      'l.amount',
      'l.cost',
      'l.vatRate',
      'l.vatAmount',
    ])
    .where('l.saleId', '=', saleId)
    .orderBy('l.position')
    .execute();

export const insert = (db: DbOrTrx, row: Insertable<SalesTable>) => db.insertInto('sales').values(row).execute();

export const insertLines = (db: DbOrTrx, rows: Insertable<SaleLinesTable>[]) =>
  rows.length ? db.insertInto('saleLines').values(rows).execute() : Promise.resolve([]);

/** The sale made by shipping an order, if any. */
export const saleOfOrder = (db: DbOrTrx, orderId: string) =>
  db.selectFrom('sales').select(['id', 'number']).where('orderId', '=', orderId).executeTakeFirst();
