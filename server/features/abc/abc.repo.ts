import { randomUUID } from 'node:crypto';
import { newId } from '../../lib/ids.js';
import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { AbcClassificationsTable } from '../../db/schema.js';
import { forUpdate, rowsOf, type RowsColumn } from '../../db/dialect.js';
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

/** Names of the given counterparties (buyers whose amounts tie: the tie is broken by name). */
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

/** A fill's id prefix: a UUIDv7's time (its first 15 characters, version included) and 28 fresh
 * random bits with the variant, from a v4 UUID. Not the first 24 characters of a v7 id: the uuid
 * library counts upwards within a millisecond, so two fills started in the same millisecond would
 * share those and collide on the primary key. */
export const lineIdPrefix = (): string => {
  const time = newId();
  const random = randomUUID();
  return `${time.slice(0, 15)}${random.slice(15, 18)}-${random.slice(19, 23)}-`;
};

/** A line id made in SQL or here from the fill's prefix (lineIdPrefix) and the line's position as 12
 * decimal digits: still a well-formed UUIDv7 (decimal digits are hex digits), unique in the fill by
 * position and across fills by the prefix's time and random bits. */
export const lineId = (prefix: string, position: number) => prefix + String(position).padStart(12, '0');

/**
 * «Заполнить», the customers without a sale in the period: every active customer not yet among the
 * lines gets one in a single INSERT … SELECT, in the counterparty list's name order from
 * `firstPosition`, class C with amount 0, the cumulative amount `total` and no XYZ; its previous
 * class is its line in the previous applied classification, joined here. Returns how many.
 */
export async function insertNoSalesLines(
  db: DbOrTrx,
  p: { classificationId: string; previousId: string | null; idPrefix: string; firstPosition: number; total: number },
): Promise<number> {
  // cast: SQLite binds a JavaScript number as a real, and the id is made from the position's text.
  const position = sql<number>`cast(row_number() over (order by cp.name_search, cp.id) + ${p.firstPosition - 1} as integer)`;
  const rows = db
    .selectFrom('counterparties as cp')
    .leftJoin('abcClassificationLines as pl', (j) =>
      j.onRef('pl.counterpartyId', '=', 'cp.id').on('pl.classificationId', '=', p.previousId ?? ''),
    )
    .where('cp.isCustomer', '=', 1)
    .where('cp.archivedAt', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('abcClassificationLines as l')
            .select(sql`1`.as('one'))
            .whereRef('l.counterpartyId', '=', 'cp.id')
            .where('l.classificationId', '=', p.classificationId),
        ),
      ),
    )
    .select(['cp.id as counterpartyId', 'pl.abcClass as previousClass', position.as('position')]);
  const r = await db
    .insertInto('abcClassificationLines')
    .columns([
      'id',
      'classificationId',
      'position',
      'counterpartyId',
      'amount',
      'cumulativeAmount',
      'abcClass',
      'previousClass',
      'xyzClass',
      'variation',
    ])
    .expression(
      db
        .selectFrom(rows.as('n'))
        .select([
          sql<string>`${p.idPrefix} || substr('000000000000' || cast(n.position as text), length(cast(n.position as text)) + 1)`.as('id'),
          sql<string>`${p.classificationId}`.as('classificationId'),
          'n.position',
          'n.counterpartyId',
          sql<number>`0`.as('amount'),
          sql<number>`${p.total}`.as('cumulativeAmount'),
          sql<string>`'C'`.as('abcClass'),
          'n.previousClass',
          sql<null>`null`.as('xyzClass'),
          sql<null>`null`.as('variation'),
        ]),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Moves the lines parked at positions -1, -2, … to just after `last`: -1 -> last + 1. */
export const unparkLines = (db: DbOrTrx, classificationId: string, last: number) =>
  db
    .updateTable('abcClassificationLines')
    .set((eb) => ({ position: sql<number>`${last} - ${eb.ref('position')}` }))
    .where('classificationId', '=', classificationId)
    .where('position', '<', 0)
    .execute();

export const deleteLines = (db: DbOrTrx, classificationId: string) =>
  db.deleteFrom('abcClassificationLines').where('classificationId', '=', classificationId).execute();

const BATCH = 500;

/** A ranked line as the fill computes it; its previous class is joined in the database. */
export interface RankedLine {
  id: string;
  position: number;
  counterpartyId: string;
  amount: number;
  cumulativeAmount: number;
  abcClass: 'A' | 'B' | 'C';
  xyzClass: 'X' | 'Y' | 'Z' | null;
  variation: number | null;
}

const RANKED_COLUMNS: RowsColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'position', type: 'integer' },
  { name: 'counterparty_id', type: 'text' },
  { name: 'amount', type: 'bigint' },
  { name: 'cumulative_amount', type: 'bigint' },
  { name: 'abc_class', type: 'text' },
  { name: 'xyz_class', type: 'text' },
  { name: 'variation', type: 'integer' },
];
/** Lines per statement: each statement binds one array (PostgreSQL) or one JSON text (SQLite) per chunk. */
const LINES_PER_STATEMENT = 20_000;

/** Writes ranked lines in a few statements (dialect.rowsOf), each line's previous class joined from
 * the previous applied classification's line of the same customer (an index probe per line). */
export async function insertRankedLines(db: DbOrTrx, classificationId: string, previousId: string | null, lines: RankedLine[]) {
  for (let i = 0; i < lines.length; i += LINES_PER_STATEMENT) {
    const chunk = lines
      .slice(i, i + LINES_PER_STATEMENT)
      .map((l) => [l.id, l.position, l.counterpartyId, l.amount, l.cumulativeAmount, l.abcClass, l.xyzClass, l.variation]);
    await sql`insert into abc_classification_lines
        (id, classification_id, position, counterparty_id, amount, cumulative_amount, abc_class, previous_class, xyz_class, variation)
      select r.id, ${classificationId}, r.position, r.counterparty_id, r.amount, r.cumulative_amount, r.abc_class, pl.abc_class,
        r.xyz_class, r.variation
      from ${rowsOf(db, RANKED_COLUMNS, chunk)} as r
      left join abc_classification_lines pl on pl.classification_id = ${previousId ?? ''} and pl.counterparty_id = r.counterparty_id`.execute(
      db,
    );
  }
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
