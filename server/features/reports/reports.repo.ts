import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { after, containsPattern } from '../../db/keyset.js';
import { counterpartyVisible, personVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';

export interface ObjectFilter {
  visibility: Visibility;
  q?: string;
  counterpartyId?: string;
  responsibleUserId?: string;
  /** Only objects having at least one entry of these kinds. */
  withKinds?: string[];
}

/** Where a keyset page starts: after (name_search, id) of the last row of the previous page. */
export type Cursor = [string, string];

/** Counterparties in name order, a keyset page at a time (the (name_search, id) index). */
export function counterparties(db: DbOrTrx, f: ObjectFilter, limit: number, cursor?: Cursor) {
  return db
    .selectFrom('counterparties')
    .select(['id', 'name', 'nameSearch'])
    .where('archivedAt', 'is', null)
    .$if(!!cursor, (q) => q.where((eb) => after(eb, sql.ref('name_search'), sql.ref('id'), 'asc', cursor!)))
    .where((eb) => {
      const c: Expression<SqlBool>[] = [counterpartyVisible(eb, f.visibility)];
      if (f.q) c.push(sql<boolean>`name_search like ${containsPattern(f.q)} escape '\\'`);
      if (f.counterpartyId) c.push(eb('id', '=', f.counterpartyId));
      if (f.responsibleUserId) c.push(eb('responsibleUserId', '=', f.responsibleUserId));
      if (f.withKinds) {
        c.push(
          eb.exists(
            eb
              .selectFrom('contactInfo')
              .select('contactInfo.id')
              .whereRef('contactInfo.counterpartyId', '=', 'counterparties.id')
              .where('contactInfo.kind', 'in', f.withKinds),
          ),
        );
      }
      return eb.and(c);
    })
    .orderBy('nameSearch')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The counterparties whose persons the report lists, in name order, a keyset page at a time: only
 * the filters on the counterparty itself (the persons' own filters come in `persons`). */
export function personOwners(db: DbOrTrx, f: ObjectFilter, limit: number, cursor?: Cursor) {
  return db
    .selectFrom('counterparties as c')
    .select(['c.id', 'c.nameSearch'])
    .where('c.archivedAt', 'is', null)
    .$if(!!cursor, (q) => q.where((eb) => after(eb, sql.ref('c.name_search'), sql.ref('c.id'), 'asc', cursor!)))
    .$if(!!f.counterpartyId, (q) => q.where('c.id', '=', f.counterpartyId!))
    .$if(!!f.responsibleUserId, (q) => q.where('c.responsibleUserId', '=', f.responsibleUserId!))
    .orderBy('c.nameSearch')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** Persons of the given counterparties (owners) or, without owners, individuals without one (a
 * keyset page in name order). Order: counterparty name, counterparty, person name, person. */
export function persons(db: DbOrTrx, f: ObjectFilter, owners: string[] | null, limit?: number, cursor?: Cursor) {
  const individuals = owners === null;
  return db
    .selectFrom('contactPersons as p')
    .leftJoin('counterparties as c', 'c.id', 'p.counterpartyId')
    .select([
      'p.id',
      'p.lastName',
      'p.firstName',
      'p.middleName',
      'p.position',
      'p.counterpartyId',
      'p.nameSearch',
      'c.name as counterpartyName',
    ])
    .where('p.archivedAt', 'is', null)
    .$if(individuals && !!cursor, (q) => q.where((eb) => after(eb, sql.ref('p.name_search'), sql.ref('p.id'), 'asc', cursor!)))
    .where((eb) => {
      const c: Expression<SqlBool>[] = [personVisible(eb, f.visibility, { person: 'p', cp: 'c' })];
      if (individuals) {
        c.push(eb('p.counterpartyId', 'is', null));
        // Individuals have no counterparty and no responsible manager: those filters exclude them.
        if (f.counterpartyId || f.responsibleUserId) c.push(eb.lit(false));
      } else {
        c.push(owners.length > 0 ? eb('p.counterpartyId', 'in', owners) : eb.lit(false));
      }
      if (f.q) {
        const pattern = containsPattern(f.q);
        c.push(eb.or([sql<boolean>`p.name_search like ${pattern} escape '\\'`, sql<boolean>`c.name_search like ${pattern} escape '\\'`]));
      }
      if (f.withKinds) {
        c.push(
          eb.exists(
            eb
              .selectFrom('contactInfo')
              .select('contactInfo.id')
              .whereRef('contactInfo.contactPersonId', '=', 'p.id')
              .where('contactInfo.kind', 'in', f.withKinds),
          ),
        );
      }
      return eb.and(c);
    })
    .orderBy('c.nameSearch')
    .orderBy('c.id')
    .orderBy('p.nameSearch')
    .orderBy('p.id')
    .$if(limit !== undefined, (q) => q.limit(limit!))
    .execute();
}
