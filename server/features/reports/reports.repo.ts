import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { containsPattern } from '../../db/keyset.js';
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

export function counterparties(db: DbOrTrx, f: ObjectFilter, limit: number) {
  return db
    .selectFrom('counterparties')
    .select(['id', 'name'])
    .where('archivedAt', 'is', null)
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

/** Persons of counterparties (individuals = false) or individuals without one (true). */
export function persons(db: DbOrTrx, f: ObjectFilter, individuals: boolean, limit: number) {
  return db
    .selectFrom('contactPersons as p')
    .leftJoin('counterparties as c', 'c.id', 'p.counterpartyId')
    .select(['p.id', 'p.lastName', 'p.firstName', 'p.middleName', 'p.position', 'p.counterpartyId', 'c.name as counterpartyName'])
    .where('p.archivedAt', 'is', null)
    .where((eb) => {
      const c: Expression<SqlBool>[] = [personVisible(eb, f.visibility, { person: 'p', cp: 'c' })];
      if (individuals) {
        c.push(eb('p.counterpartyId', 'is', null));
        // Individuals have no counterparty and no responsible manager: those filters exclude them.
        if (f.counterpartyId || f.responsibleUserId) c.push(eb.lit(false));
      } else {
        c.push(eb('p.counterpartyId', 'is not', null), eb('c.archivedAt', 'is', null));
        if (f.counterpartyId) c.push(eb('p.counterpartyId', '=', f.counterpartyId));
        if (f.responsibleUserId) c.push(eb('c.responsibleUserId', '=', f.responsibleUserId));
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
    .orderBy('p.nameSearch')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}
