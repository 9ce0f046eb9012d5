import type { DbOrTrx } from '../../db/database.js';
import { counterpartyVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';

/** Active counterparties the user sees, by exact name (a vCard's ORG). */
export function visibleCounterpartiesNamed(db: DbOrTrx, names: string[], v: Visibility) {
  if (!names.length) return Promise.resolve([]);
  return db
    .selectFrom('counterparties')
    .select(['id', 'name'])
    .where('name', 'in', names)
    .where('archivedAt', 'is', null)
    .where((eb) => counterpartyVisible(eb, v))
    .execute();
}
