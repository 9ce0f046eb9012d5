import type { DbOrTrx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { diff } from './audit.logic.js';
import * as repo from './audit.repo.js';

export type EntityType = 'counterparty' | 'contactPerson' | 'event';

/** Writes one audit entry inside the caller's transaction. */
export async function record(
  db: DbOrTrx,
  entry: { entityType: EntityType; entityId: string; action: 'create' | 'update' | 'archive' | 'restore'; userId: string | null; at: string },
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  const changes = diff(before, after);
  await repo.insertEntry(db, { id: newId(), ...entry, changes: JSON.stringify(changes) });
}

export async function history(db: DbOrTrx, entityType: EntityType, entityId: string) {
  const rows = await repo.listForEntity(db, entityType, entityId);
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    at: r.at,
    userId: r.userId,
    userName: r.userName ?? null,
    changes: (r.changes ? (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) : {}) as Record<string, [unknown, unknown]>,
  }));
}
