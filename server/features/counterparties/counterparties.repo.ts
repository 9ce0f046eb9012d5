import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type SelectQueryBuilder,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { CounterpartiesTable, DB } from '../../db/schema.js';
import { after, decodeCursor } from '../../db/keyset.js';
import { containsText } from '../../db/substring-search.js';
import { forUpdate } from '../../db/dialect.js';
import { reusableQuery } from '../../db/reusable-query.js';
import { counterpartyVisible } from '../access/access.repo.js';
import { SEES_ALL, type Visibility } from '../access/access.logic.js';
import { prefixEnd, type SearchPlan } from './counterparties.logic.js';

export interface ListFilter {
  visibility: Visibility;
  q?: SearchPlan;
  archived: 'active' | 'archived' | 'all';
  responsibleUserId?: string;
  isCustomer?: boolean;
  isSupplier?: boolean;
  /** The current ABC class; 'none': never classified. */
  abcClass?: 'A' | 'B' | 'C' | 'none';
}

type Eb = ExpressionBuilder<DB, 'counterparties'>;

const SORT_COLUMNS = {
  name: sql.ref('counterparties.name_search'),
  createdAt: sql.ref('counterparties.created_at'),
  inn: sql`coalesce(counterparties.inn, '')`,
} as const;
export type SortKey = keyof typeof SORT_COLUMNS;

export function sortValueOf(row: { nameSearch: string; createdAt: string; inn: string | null }, key: SortKey) {
  return key === 'name' ? row.nameSearch : key === 'createdAt' ? row.createdAt : (row.inn ?? '');
}

/** `name` is the name condition of the search, made beforehand by `containsText` (it chooses the plan by
 * how many names match). */
function filtered(db: DbOrTrx, f: ListFilter, name: Expression<SqlBool> | undefined) {
  return db.selectFrom('counterparties').where((eb) => {
    const conds: Expression<SqlBool>[] = [counterpartyVisible(eb, f.visibility)];
    if (f.archived === 'active') conds.push(eb('counterparties.archivedAt', 'is', null));
    if (f.archived === 'archived') conds.push(eb('counterparties.archivedAt', 'is not', null));
    if (f.responsibleUserId) conds.push(eb('counterparties.responsibleUserId', '=', f.responsibleUserId));
    if (f.isCustomer !== undefined) conds.push(eb('counterparties.isCustomer', '=', f.isCustomer ? 1 : 0));
    if (f.isSupplier !== undefined) conds.push(eb('counterparties.isSupplier', '=', f.isSupplier ? 1 : 0));
    if (f.abcClass)
      conds.push(eb('counterparties.abcClass', f.abcClass === 'none' ? 'is' : '=', f.abcClass === 'none' ? null : f.abcClass));
    if (f.q) conds.push(matches(eb, f.q, name));
    return eb.and(conds);
  });
}

/** Every non-name branch yields counterparty ids; one IN over their UNION lets both databases
 * join on small id sets (an OR of subqueries makes PostgreSQL filter the whole table instead). */
function matches(eb: Eb, q: SearchPlan, name: Expression<SqlBool> | undefined) {
  const owners = () =>
    eb.selectFrom('contactInfo').select('contactInfo.counterpartyId as id').where('contactInfo.counterpartyId', 'is not', null);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- branches select from different tables; only the id column matters
  const idSets: SelectQueryBuilder<any, any, { id: string | null }>[] = [];
  if (q.innPrefix) {
    idSets.push(
      eb.selectFrom('counterparties as ic').select('ic.id').where('ic.inn', '>=', q.innPrefix).where('ic.inn', '<', prefixEnd(q.innPrefix)),
    );
  }
  if (q.phoneE164) idSets.push(owners().where('contactInfo.normalized', '=', q.phoneE164));
  if (q.phoneSuffixRev)
    idSets.push(
      owners().where('contactInfo.digitsRev', '>=', q.phoneSuffixRev).where('contactInfo.digitsRev', '<', prefixEnd(q.phoneSuffixRev)),
    );
  if (q.email) idSets.push(owners().where('contactInfo.normalized', '=', q.email));
  const ors: Expression<SqlBool>[] = [];
  if (name) ors.push(name);
  if (idSets.length)
    ors.push(
      eb(
        'counterparties.id',
        'in',
        idSets.reduce((u, next) => u.union(next)),
      ),
    );
  return eb.or(ors);
}

export async function list(db: DbOrTrx, f: ListFilter, sort: SortKey, dir: 'asc' | 'desc', limit: number, cursor?: string) {
  const col = SORT_COLUMNS[sort];
  const name = f.q?.name ? await containsText(db, 'counterparties', 'counterparties', f.q.name) : undefined;
  let q = filtered(db, f, name)
    .leftJoin('users', 'users.id', 'counterparties.responsibleUserId')
    .selectAll('counterparties')
    .select('users.name as responsibleUserName');
  if (cursor) {
    const c = decodeCursor(cursor, sort, sort === 'createdAt' ? 'instant' : 'text');
    q = q.where((eb) => after(eb, col, sql.ref('counterparties.id'), dir, c));
  }
  return q
    .orderBy(col, dir)
    .orderBy('counterparties.id', dir)
    .limit(limit + 1)
    .execute();
}

export function findVisible(db: DbOrTrx, id: string, v: Visibility) {
  return db
    .selectFrom('counterparties')
    .leftJoin('users', 'users.id', 'counterparties.responsibleUserId')
    .selectAll('counterparties')
    .select('users.name as responsibleUserName')
    .where('counterparties.id', '=', id)
    .where((eb) => counterpartyVisible(eb, v))
    .executeTakeFirst();
}

/**
 * The card in one statement: the counterparty with its responsible user's name and its contact
 * information entries, one row per entry (one row with null entry columns when it has none). The
 * card is read far more often than written, and a second round trip was half its cost.
 */
const cardWithContactInfo = reusableQuery((db: DbOrTrx, p: { id: string; userId: string }, shape: 'all' | 'own') =>
  db
    .selectFrom('counterparties')
    .leftJoin('users', 'users.id', 'counterparties.responsibleUserId')
    .leftJoin('contactInfo as ci', 'ci.counterpartyId', 'counterparties.id')
    .selectAll('counterparties')
    .select([
      'users.name as responsibleUserName',
      'ci.id as ciId',
      'ci.kind as ciKind',
      'ci.value as ciValue',
      'ci.comment as ciComment',
      'ci.normalized as ciNormalized',
    ])
    .where('counterparties.id', '=', p.id)
    .where((eb) => counterpartyVisible(eb, shape === 'all' ? SEES_ALL : { all: false, userId: p.userId }))
    .orderBy('ci.position'),
);

export function findVisibleWithContactInfo(db: DbOrTrx, id: string, v: Visibility) {
  return cardWithContactInfo(db, v.all ? 'all' : 'own', { id, userId: v.all ? '' : v.userId });
}

/** findVisible that also locks the counterparty's row until the end of the transaction (read-check-write). */
export function findVisibleForUpdate(db: DbOrTrx, id: string, v: Visibility) {
  return forUpdate(
    db,
    db
      .selectFrom('counterparties')
      .leftJoin('users', 'users.id', 'counterparties.responsibleUserId')
      .selectAll('counterparties')
      .select('users.name as responsibleUserName')
      .where('counterparties.id', '=', id)
      .where((eb) => counterpartyVisible(eb, v)),
    { of: 'counterparties' },
  ).executeTakeFirst();
}

export const insert = (db: DbOrTrx, row: Insertable<CounterpartiesTable>) => db.insertInto('counterparties').values(row).execute();

export const update = (db: DbOrTrx, id: string, patch: Updateable<CounterpartiesTable>) =>
  db.updateTable('counterparties').set(patch).where('id', '=', id).execute();

export const findActiveByInn = (db: DbOrTrx, inn: string, exceptId: string | null) => {
  let q = db
    .selectFrom('counterparties')
    .select(['id', 'name', 'responsibleUserId'])
    .where('inn', '=', inn)
    .where('archivedAt', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
};
