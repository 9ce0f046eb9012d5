import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { counterpartyVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';

export interface AbcFilter {
  visibility: Visibility;
  abcClass?: 'A' | 'B' | 'C';
  xyzClass?: 'X' | 'Y' | 'Z';
  responsibleUserId?: string;
}

function base(db: DbOrTrx, classificationId: string, f: AbcFilter) {
  return db
    .selectFrom('abcClassificationLines as l')
    .innerJoin('counterparties as cp', 'cp.id', 'l.counterpartyId')
    .where('l.classificationId', '=', classificationId)
    .where((eb) => {
      const c: Expression<SqlBool>[] = [counterpartyVisible(eb, f.visibility, 'cp')];
      if (f.abcClass) c.push(eb('l.abcClass', '=', f.abcClass));
      if (f.xyzClass) c.push(eb('l.xyzClass', '=', f.xyzClass));
      if (f.responsibleUserId) c.push(eb('cp.responsibleUserId', '=', f.responsibleUserId));
      return eb.and(c);
    });
}

/** Count, amount and positive amount per ABC × XYZ cell, summed in the database. */
export async function cells(db: DbOrTrx, classificationId: string, f: AbcFilter) {
  const rows = await base(db, classificationId, f)
    .select((eb) => [
      'l.abcClass',
      'l.xyzClass',
      eb.fn.countAll<string>().as('count'),
      eb.fn.sum<string>('l.amount').as('amount'),
      eb.fn.sum<string>(sql`case when l.amount > 0 then l.amount else 0 end`).as('positive'),
    ])
    .groupBy(['l.abcClass', 'l.xyzClass'])
    .execute();
  return rows.map((r) => ({
    abcClass: r.abcClass,
    xyzClass: r.xyzClass,
    count: Number(r.count),
    amount: Number(r.amount),
    positive: Number(r.positive),
  }));
}

/** The customers in rank order; `limit` null: all of them (the export). */
export function customers(db: DbOrTrx, classificationId: string, f: AbcFilter, limit: number | null) {
  const q = base(db, classificationId, f)
    .leftJoin('users as u', 'u.id', 'cp.responsibleUserId')
    .select([
      'l.counterpartyId',
      'cp.name',
      'cp.responsibleUserId',
      'u.name as responsibleUserName',
      'l.amount',
      'l.cumulativeAmount',
      'l.abcClass',
      'l.xyzClass',
      'l.variation',
    ])
    .orderBy('l.position');
  return (limit === null ? q : q.limit(limit + 1)).execute();
}

/** Each visible customer of either classification with its class (and amount) in both; null where absent. */
function pairs(db: DbOrTrx, fromId: string, toId: string, v: Visibility, responsibleUserId?: string) {
  const both = db
    .selectFrom('abcClassificationLines as l')
    .select((eb) => [
      'l.counterpartyId',
      eb.fn.max(sql<string>`case when l.classification_id = ${fromId} then l.abc_class end`).as('fromClass'),
      eb.fn.max(sql<string>`case when l.classification_id = ${toId} then l.abc_class end`).as('toClass'),
      eb.fn.max(sql<number>`case when l.classification_id = ${fromId} then l.amount end`).as('fromAmount'),
      eb.fn.max(sql<number>`case when l.classification_id = ${toId} then l.amount end`).as('toAmount'),
    ])
    .where('l.classificationId', 'in', [fromId, toId])
    .groupBy('l.counterpartyId')
    .as('p');
  return db
    .selectFrom(both)
    .innerJoin('counterparties as cp', 'cp.id', 'p.counterpartyId')
    .where((eb) => {
      const c: Expression<SqlBool>[] = [counterpartyVisible(eb, v, 'cp')];
      if (responsibleUserId) c.push(eb('cp.responsibleUserId', '=', responsibleUserId));
      return eb.and(c);
    });
}

export async function moves(db: DbOrTrx, fromId: string, toId: string, v: Visibility, responsibleUserId?: string) {
  const rows = await pairs(db, fromId, toId, v, responsibleUserId)
    .select((eb) => ['p.fromClass', 'p.toClass', eb.fn.countAll<string>().as('count')])
    .groupBy(['p.fromClass', 'p.toClass'])
    .execute();
  return rows.map((r) => ({ fromClass: r.fromClass, toClass: r.toClass, count: Number(r.count) }));
}

/** Customers whose class went down: 'A' < 'B' < 'C' as text. */
export const movedDown = (db: DbOrTrx, fromId: string, toId: string, v: Visibility, limit: number, responsibleUserId?: string) =>
  pairs(db, fromId, toId, v, responsibleUserId)
    .leftJoin('users as u', 'u.id', 'cp.responsibleUserId')
    .select([
      'p.counterpartyId',
      'cp.name',
      'cp.responsibleUserId',
      'u.name as responsibleUserName',
      'p.fromClass',
      'p.toClass',
      'p.fromAmount',
      'p.toAmount',
    ])
    .where('p.fromClass', 'is not', null)
    .where('p.toClass', 'is not', null)
    .whereRef('p.fromClass', '<', 'p.toClass')
    .orderBy('cp.nameSearch')
    .orderBy('cp.id')
    .limit(limit + 1)
    .execute();
