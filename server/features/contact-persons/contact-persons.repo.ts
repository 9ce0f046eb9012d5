import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { ContactPersonsTable } from '../../db/schema.js';
import { after, decodeCursor } from '../../db/keyset.js';
import { containsText } from '../../db/substring-search.js';
import { forUpdate } from '../../db/dialect.js';
import { personVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';

const ALIASES = { person: 'contactPersons', cp: 'cp' };

export interface ListFilter {
  visibility: Visibility;
  counterpartyId?: string;
  individuals?: boolean;
  q?: string;
  archived: 'active' | 'archived' | 'all';
}

function base(db: DbOrTrx) {
  return db
    .selectFrom('contactPersons')
    .leftJoin('counterparties as cp', 'cp.id', 'contactPersons.counterpartyId')
    .selectAll('contactPersons')
    .select('cp.name as counterpartyName');
}

export async function list(db: DbOrTrx, f: ListFilter, limit: number, cursor?: string) {
  const name = f.q ? await containsText(db, 'contactPersons', 'contact_persons', f.q) : undefined;
  let q = base(db).where((eb) => {
    const conds: Expression<SqlBool>[] = [personVisible(eb, f.visibility, ALIASES)];
    if (f.archived === 'active') conds.push(eb('contactPersons.archivedAt', 'is', null));
    if (f.archived === 'archived') conds.push(eb('contactPersons.archivedAt', 'is not', null));
    if (f.counterpartyId) conds.push(eb('contactPersons.counterpartyId', '=', f.counterpartyId));
    if (f.individuals === true) conds.push(eb('contactPersons.counterpartyId', 'is', null));
    if (f.individuals === false) conds.push(eb('contactPersons.counterpartyId', 'is not', null));
    if (name) conds.push(name);
    return eb.and(conds);
  });
  if (cursor) {
    const c = decodeCursor(cursor);
    q = q.where((eb) => after(eb, sql.ref('contact_persons.name_search'), sql.ref('contact_persons.id'), 'asc', c));
  }
  return q
    .orderBy('contactPersons.nameSearch')
    .orderBy('contactPersons.id')
    .limit(limit + 1)
    .execute();
}

export function findVisible(db: DbOrTrx, id: string, v: Visibility) {
  return base(db)
    .where('contactPersons.id', '=', id)
    .where((eb) => personVisible(eb, v, ALIASES))
    .executeTakeFirst();
}

/** findVisible that also locks the person's row until the end of the transaction (read-merge-write). */
export function findVisibleForUpdate(db: DbOrTrx, id: string, v: Visibility) {
  return forUpdate(
    db,
    base(db)
      .where('contactPersons.id', '=', id)
      .where((eb) => personVisible(eb, v, ALIASES)),
    { of: 'contactPersons' },
  ).executeTakeFirst();
}

export const insert = (db: DbOrTrx, row: Insertable<ContactPersonsTable>) => db.insertInto('contactPersons').values(row).execute();

export const update = (db: DbOrTrx, id: string, patch: Updateable<ContactPersonsTable>) =>
  db.updateTable('contactPersons').set(patch).where('id', '=', id).execute();
