import type { DbOrTrx } from '../../db/database.js';
import type { ContactInfoEntry, ContactInfoInput, ContactInfoKind } from '../../../shared/api/contact-info.js';
import type { ErrorDetail } from '../../errors.js';
import { normalizeEntries, phoneSearchOf, type NormalizedEntry } from './contact-info.logic.js';
import * as repo from './contact-info.repo.js';

export type { Owner } from './contact-info.repo.js';
export { phoneSearchOf };

/**
 * Validates a whole list and returns the normalised entries with every bad entry's error, so the
 * owner's service can answer them in one 400 together with its own fields' problems.
 */
export function check(entries: ContactInfoInput[], region: string): { entries: NormalizedEntry[]; errors: ErrorDetail[] } {
  return normalizeEntries(entries, region);
}

export const replace = (db: DbOrTrx, owner: repo.Owner, entries: NormalizedEntry[]) => repo.replaceEntries(db, owner, entries);

/** Contact information grouped by owner id. */
export async function loadFor(
  db: DbOrTrx,
  column: 'counterpartyId' | 'contactPersonId',
  ids: string[],
  kinds?: ContactInfoKind[],
): Promise<Map<string, ContactInfoEntry[]>> {
  const rows = await repo.listForOwners(db, column, ids, kinds);
  const map = new Map<string, ContactInfoEntry[]>();
  for (const r of rows) {
    const key = (column === 'counterpartyId' ? r.counterpartyId : r.contactPersonId)!;
    const list = map.get(key) ?? [];
    list.push({ id: r.id, kind: r.kind as ContactInfoKind, value: r.value, comment: r.comment, normalized: r.normalized });
    map.set(key, list);
  }
  return map;
}
