import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { OrderLinesTable, OrdersTable } from '../../db/schema.js';
import { after, decodeCursor } from '../../db/keyset.js';
import { forUpdate } from '../../db/dialect.js';
import { counterpartyVisible, eventVisible, personVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';
import type { OrderLineRow } from './orders.logic.js';

export interface Filter {
  visibility: Visibility;
  counterpartyId?: string;
  state?: OrdersTable['state'];
  from?: string;
  to?: string;
  responsibleUserId?: string;
  basisEventId?: string;
}

/** Orders whose counterparty the viewer may see. The contact person's name and the basis event's
 * number and subject are selected only when the viewer may see them (the link stays, the title is null). */
function base(db: DbOrTrx, f: Filter) {
  const v = f.visibility;
  return db
    .selectFrom('orders')
    .innerJoin('counterparties as cp', 'cp.id', 'orders.counterpartyId')
    .leftJoin('contactPersons as p', 'p.id', 'orders.contactPersonId')
    .leftJoin('counterparties as pcp', 'pcp.id', 'p.counterpartyId')
    .leftJoin('users as r', 'r.id', 'orders.responsibleUserId')
    .leftJoin('events as be', (j) => j.onRef('be.id', '=', 'orders.basisId').on('orders.basisType', '=', 'event'))
    .leftJoin('counterparties as bcp', 'bcp.id', 'be.counterpartyId')
    .leftJoin('sales as s', 's.orderId', 'orders.id')
    .selectAll('orders')
    .select((eb) => {
      const person = personVisible(eb, v, { person: 'p', cp: 'pcp' });
      const basis = eventVisible(eb, v, { event: 'be', cp: 'bcp' });
      return [
        'cp.name as counterpartyName',
        'r.name as responsibleUserName',
        's.id as saleId',
        's.number as saleNumber',
        eb.case().when(person).then(eb.ref('p.lastName')).end().as('personLastName'),
        eb.case().when(person).then(eb.ref('p.firstName')).end().as('personFirstName'),
        eb.case().when(person).then(eb.ref('p.middleName')).end().as('personMiddleName'),
        eb.case().when(basis).then(eb.ref('be.number')).end().as('basisNumber'),
        eb.case().when(basis).then(eb.ref('be.subject')).end().as('basisSubject'),
      ];
    })
    .where((eb) => {
      const c: Expression<SqlBool>[] = [counterpartyVisible(eb, v, 'cp')];
      if (f.counterpartyId) c.push(eb('orders.counterpartyId', '=', f.counterpartyId));
      if (f.state) c.push(eb('orders.state', '=', f.state));
      if (f.from) c.push(eb('orders.date', '>=', f.from));
      if (f.to) c.push(eb('orders.date', '<=', f.to));
      if (f.responsibleUserId) c.push(eb('orders.responsibleUserId', '=', f.responsibleUserId));
      if (f.basisEventId) c.push(eb.and([eb('orders.basisType', '=', 'event'), eb('orders.basisId', '=', f.basisEventId)]));
      return eb.and(c);
    });
}

export type OrderRow = NonNullable<Awaited<ReturnType<typeof findVisible>>>;

/** Newest first, keyset-paged on (date, id). */
export function list(db: DbOrTrx, f: Filter, limit: number, cursor?: string) {
  let q = base(db, f);
  if (cursor) {
    const c = decodeCursor(cursor, 'date');
    q = q.where((eb) => after(eb, sql.ref('orders.date'), sql.ref('orders.id'), 'desc', c));
  }
  return q
    .orderBy('orders.date', 'desc')
    .orderBy('orders.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Orders created based on an event, oldest first (capped like the event's own follow-ups). */
export const basedOnEvent = (db: DbOrTrx, eventId: string, v: Visibility) =>
  base(db, { visibility: v, basisEventId: eventId }).orderBy('orders.date').orderBy('orders.id').limit(200).execute();

export async function totals(db: DbOrTrx, f: Filter) {
  const r = await db
    .selectFrom('orders')
    .innerJoin('counterparties as cp', 'cp.id', 'orders.counterpartyId')
    .where((eb) => {
      const c: Expression<SqlBool>[] = [counterpartyVisible(eb, f.visibility, 'cp')];
      if (f.counterpartyId) c.push(eb('orders.counterpartyId', '=', f.counterpartyId));
      return eb.and(c);
    })
    .select((eb) => [
      eb.fn.countAll().as('count'),
      eb.fn.sum(eb.case().when('orders.state', '!=', 'cancelled').then(eb.ref('orders.total')).else(0).end()).as('total'),
      eb.fn.sum(eb.case().when('orders.state', '=', 'confirmed').then(eb.ref('orders.total')).else(0).end()).as('toShip'),
    ])
    .executeTakeFirst();
  return { count: Number(r?.count ?? 0), total: Number(r?.total ?? 0), toShip: Number(r?.toShip ?? 0) };
}

export const findVisible = (db: DbOrTrx, id: string, v: Visibility) =>
  base(db, { visibility: v }).where('orders.id', '=', id).executeTakeFirst();

/** findVisible holding the order's row until the end of the transaction (edits, state changes, shipping). */
export const findVisibleForUpdate = (db: DbOrTrx, id: string, v: Visibility) =>
  forUpdate(db, base(db, { visibility: v }).where('orders.id', '=', id), { of: 'orders' }).executeTakeFirst();

export const linesOf = (db: DbOrTrx, orderId: string): Promise<OrderLineRow[]> =>
  db
    .selectFrom('orderLines as l')
    .leftJoin('products as p', 'p.id', 'l.productId')
    .select([
      'l.id',
      'l.productId',
      'p.sku as productSku',
      'p.name as productName',
      'p.unit',
      'l.quantity',
      'l.price',
      'l.discount',
      'l.amount',
      'l.vatRate',
      'l.vatAmount',
    ])
    .where('l.orderId', '=', orderId)
    .orderBy('l.position')
    .execute();

export const insert = (db: DbOrTrx, row: Insertable<OrdersTable>) => db.insertInto('orders').values(row).execute();

export const update = (db: DbOrTrx, id: string, patch: Updateable<OrdersTable>) =>
  db.updateTable('orders').set(patch).where('id', '=', id).execute();

/** Replaces the order's lines as a whole (inside the caller's transaction). */
export async function replaceLines(db: DbOrTrx, orderId: string, rows: Insertable<OrderLinesTable>[]) {
  await db.deleteFrom('orderLines').where('orderId', '=', orderId).execute();
  if (rows.length) await db.insertInto('orderLines').values(rows).execute();
}
