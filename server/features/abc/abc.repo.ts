import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { AbcClassificationLinesTable, AbcClassificationsTable } from '../../db/schema.js';
import { forUpdate } from '../../db/dialect.js';
import { after, containsPattern, decodeCursor } from '../../db/keyset.js';
import { ACTOR_COLUMNS, type Actor } from '../../lib/actor.js';
import { counterpartyVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';

export type DocRow = NonNullable<Awaited<ReturnType<typeof findDoc>>>;

const docs = (db: DbOrTrx) =>
  db
    .selectFrom('abcClassifications as d')
    .leftJoin('users as u', 'u.id', 'd.responsibleUserId')
    .selectAll('d')
    .select('u.name as responsibleUserName');

export const findDoc = (db: DbOrTrx, id: string) => docs(db).where('d.id', '=', id).executeTakeFirst();

/** The document's row, locked until the end of the transaction: fill, apply and cancel serialise on it. */
export const lockDoc = (db: DbOrTrx, id: string) =>
  forUpdate(db, db.selectFrom('abcClassifications').selectAll().where('id', '=', id)).executeTakeFirst();

export async function insertDoc(db: DbOrTrx, row: Insertable<AbcClassificationsTable>): Promise<boolean> {
  const r = await db
    .insertInto('abcClassifications')
    .values(row)
    .onConflict((oc) => oc.column('autoMonth').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const updateDoc = (db: DbOrTrx, id: string, patch: Updateable<AbcClassificationsTable>) =>
  db.updateTable('abcClassifications').set(patch).where('id', '=', id).execute();

export interface ListFilter {
  state?: 'draft' | 'applied';
  from?: string;
  to?: string;
}

/** Newest first, keyset-paged on (date, id). */
export function listDocs(db: DbOrTrx, f: ListFilter, limit: number, cursor?: string) {
  let q = docs(db).where((eb) => {
    const c: Expression<SqlBool>[] = [eb('d.archivedAt', 'is', null)];
    if (f.state) c.push(eb('d.state', '=', f.state));
    if (f.from) c.push(eb('d.date', '>=', f.from));
    if (f.to) c.push(eb('d.date', '<=', f.to));
    return eb.and(c);
  });
  if (cursor) {
    const c = decodeCursor(cursor, 'date');
    q = q.where((eb) => after(eb, sql.ref('d.date'), sql.ref('d.id'), 'desc', c));
  }
  return q
    .orderBy('d.date', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** The latest applied classification, or the latest dated before (date, number) when given. */
export function latestApplied(db: DbOrTrx, before?: { date: string; number: number }) {
  let q = docs(db).where('d.state', '=', 'applied').where('d.archivedAt', 'is', null);
  if (before) q = q.where((eb) => sql<SqlBool>`(${eb.ref('d.date')}, ${eb.ref('d.number')}) < (${before.date}, ${before.number})`);
  return q.orderBy('d.date', 'desc').orderBy('d.number', 'desc').limit(1).executeTakeFirst();
}

/** The two latest applied classifications, newest first. */
export const latestTwoApplied = (db: DbOrTrx) =>
  docs(db)
    .where('d.state', '=', 'applied')
    .where('d.archivedAt', 'is', null)
    .orderBy('d.date', 'desc')
    .orderBy('d.number', 'desc')
    .limit(2)
    .execute();

/** Revenue and cost per customer over the period (both ends included) and its revenue in each of the
 * given months (first and last day), summed in the database from the sales documents in one pass:
 * one row per customer comes back, and sale lines are never read. */
export async function customerSums(db: DbOrTrx, from: string, to: string, months: { first: string; last: string }[]) {
  const rows = await db
    .selectFrom('sales as s')
    .where('s.archivedAt', 'is', null)
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .select((eb) => [
      's.counterpartyId',
      eb.fn.sum<string>('s.revenue').as('revenue'),
      eb.fn.sum<string>('s.cost').as('cost'),
      ...months.map((m, i) =>
        eb.fn.sum<string>(sql`case when s.date >= ${m.first} and s.date <= ${m.last} then s.revenue else 0 end`).as(`m${i}`),
      ),
    ])
    .groupBy('s.counterpartyId')
    .execute();
  return rows.map((r) => {
    const row = r as unknown as Record<string, string>;
    return {
      counterpartyId: r.counterpartyId,
      revenue: Number(r.revenue),
      cost: Number(r.cost),
      monthly: months.map((_, i) => Number(row[`m${i}`])),
    };
  });
}

/** Every active counterparty marked as customer. */
export const activeCustomers = (db: DbOrTrx) =>
  db.selectFrom('counterparties').select(['id', 'name']).where('isCustomer', '=', 1).where('archivedAt', 'is', null).execute();

/** Names of the given counterparties (those with sales that are not active customers). */
export async function namesOf(db: DbOrTrx, ids: string[]): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  for (let i = 0; i < ids.length; i += BATCH)
    out.push(
      ...(await db
        .selectFrom('counterparties')
        .select(['id', 'name'])
        .where('id', 'in', ids.slice(i, i + BATCH))
        .execute()),
    );
  return out;
}

/** Counterparty -> class in a classification. */
export async function classesOf(db: DbOrTrx, classificationId: string): Promise<Map<string, 'A' | 'B' | 'C'>> {
  const rows = await db
    .selectFrom('abcClassificationLines')
    .select(['counterpartyId', 'abcClass'])
    .where('classificationId', '=', classificationId)
    .execute();
  return new Map(rows.map((r) => [r.counterpartyId, r.abcClass]));
}

export const deleteLines = (db: DbOrTrx, classificationId: string) =>
  db.deleteFrom('abcClassificationLines').where('classificationId', '=', classificationId).execute();

const BATCH = 500;

export async function insertLines(db: DbOrTrx, rows: Insertable<AbcClassificationLinesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto('abcClassificationLines')
      .values(rows.slice(i, i + BATCH))
      .execute();
}

/** Sets every listed customer's current class to the line's class (apply) or its previous class
 * (cancel): one UPDATE … FROM joined on the lines (both databases), not a subquery per customer. */
export async function setCounterpartyClasses(
  db: DbOrTrx,
  classificationId: string,
  from: 'abcClass' | 'previousClass',
  at: string,
  by: string,
) {
  await db
    .updateTable('counterparties')
    .from('abcClassificationLines as l')
    .set((eb) => ({ abcClass: eb.ref(from === 'abcClass' ? 'l.abcClass' : 'l.previousClass'), updatedAt: at, updatedBy: by }))
    .whereRef('l.counterpartyId', '=', 'counterparties.id')
    .where('l.classificationId', '=', classificationId)
    .execute();
}

/** Customers that were A before and are not now, with whom to tell. */
export const fallenFromA = (db: DbOrTrx, classificationId: string) =>
  db
    .selectFrom('abcClassificationLines as l')
    .innerJoin('counterparties as cp', 'cp.id', 'l.counterpartyId')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'cp.responsibleUserId').on('u.blockedAt', 'is', null))
    .select(['l.counterpartyId', 'l.abcClass', 'cp.name', 'u.id as responsibleUserId'])
    .where('l.classificationId', '=', classificationId)
    .where('l.previousClass', '=', 'A')
    .where('l.abcClass', '<>', 'A')
    .execute();

export interface LinesFilter {
  visibility: Visibility;
  abcClass?: 'A' | 'B' | 'C';
  xyzClass?: 'X' | 'Y' | 'Z';
  responsibleUserId?: string;
  /** searchKey of the customer's name */
  name?: string;
}

/** A classification's lines the viewer may see, in position order. */
export function lines(db: DbOrTrx, classificationId: string, f: LinesFilter) {
  return db
    .selectFrom('abcClassificationLines as l')
    .innerJoin('counterparties as cp', 'cp.id', 'l.counterpartyId')
    .leftJoin('users as u', 'u.id', 'cp.responsibleUserId')
    .selectAll('l')
    .select(['cp.name as counterpartyName', 'cp.responsibleUserId', 'u.name as responsibleUserName'])
    .where('l.classificationId', '=', classificationId)
    .where((eb) => {
      const c: Expression<SqlBool>[] = [counterpartyVisible(eb, f.visibility, 'cp')];
      if (f.abcClass) c.push(eb('l.abcClass', '=', f.abcClass));
      if (f.xyzClass) c.push(eb('l.xyzClass', '=', f.xyzClass));
      if (f.responsibleUserId) c.push(eb('cp.responsibleUserId', '=', f.responsibleUserId));
      if (f.name) c.push(sql<SqlBool>`cp.name_search like ${containsPattern(f.name)} escape '\\'`);
      return eb.and(c);
    })
    .orderBy('l.position');
}

export type LineRow = Awaited<ReturnType<ReturnType<typeof lines>['execute']>>[number];

export const linesPage = (db: DbOrTrx, classificationId: string, f: LinesFilter, limit: number, afterPosition: number) =>
  lines(db, classificationId, f)
    .where('l.position', '>', afterPosition)
    .limit(limit + 1)
    .execute();

/** The customer in every applied classification, newest first. */
export const history = (db: DbOrTrx, counterpartyId: string) =>
  db
    .selectFrom('abcClassificationLines as l')
    .innerJoin('abcClassifications as d', 'd.id', 'l.classificationId')
    .select([
      'd.id as classificationId',
      'd.number',
      'd.date',
      'd.periodFrom',
      'd.periodTo',
      'd.basis',
      'l.abcClass',
      'l.previousClass',
      'l.xyzClass',
      'l.amount',
    ])
    .where('l.counterpartyId', '=', counterpartyId)
    .where('d.state', '=', 'applied')
    .where('d.archivedAt', 'is', null)
    .orderBy('d.date', 'desc')
    .orderBy('d.number', 'desc')
    .execute();

export async function activeUser(db: DbOrTrx, id: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('users')
    .select(ACTOR_COLUMNS)
    .where('users.id', '=', id)
    .where('users.blockedAt', 'is', null)
    .executeTakeFirst();
  return row ? { ...row, via: 'token' } : null;
}
