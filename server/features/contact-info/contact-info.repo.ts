import type { DbOrTrx } from '../../db/database.js';
import type { NormalizedEntry } from './contact-info.logic.js';
import { newId } from '../../lib/ids.js';

export type Owner = { counterpartyId: string } | { contactPersonId: string };

const ownerColumn = (o: Owner) => ('counterpartyId' in o ? 'counterpartyId' : 'contactPersonId') as 'counterpartyId' | 'contactPersonId';
const ownerValue = (o: Owner) => ('counterpartyId' in o ? o.counterpartyId : o.contactPersonId);

export async function replaceEntries(db: DbOrTrx, owner: Owner, entries: NormalizedEntry[]) {
  const col = ownerColumn(owner);
  await db.deleteFrom('contactInfo').where(col, '=', ownerValue(owner)).execute();
  if (entries.length === 0) return;
  await db
    .insertInto('contactInfo')
    .values(
      entries.map((e, i) => ({
        id: newId(),
        counterpartyId: col === 'counterpartyId' ? ownerValue(owner) : null,
        contactPersonId: col === 'contactPersonId' ? ownerValue(owner) : null,
        kind: e.kind,
        value: e.value,
        comment: e.comment,
        normalized: e.normalized,
        digits: e.digits,
        digitsRev: e.digits ? [...e.digits].reverse().join('') : null,
        position: i,
      })),
    )
    .execute();
}

/** Entries of many owners in one statement (no N+1). */
export function listForOwners(db: DbOrTrx, column: 'counterpartyId' | 'contactPersonId', ids: string[], kinds?: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('contactInfo').selectAll().where(column, 'in', ids);
  if (kinds && kinds.length) q = q.where('kind', 'in', kinds);
  return q.orderBy('position').execute();
}
