import type { Db, DbOrTrx } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { diff } from './audit.logic.js';
import * as repo from './audit.repo.js';

export type EntityType = 'counterparty' | 'contactPerson' | 'event' | 'product' | 'order' | 'sale' | 'abcClassification';

/** Writes one audit entry inside the caller's transaction. */
export async function record(
  db: DbOrTrx,
  entry: {
    entityType: EntityType;
    entityId: string;
    action: 'create' | 'update' | 'archive' | 'restore';
    userId: string | null;
    at: string;
  },
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

/** Archives or restores an audited record in one transaction: read with the access rule (404 when
 * hidden, nothing written), change archived_at, record the change. Nothing is ever deleted. */
export async function setArchivedAudited<T extends { archivedAt: string | null }>(
  deps: { db: Db; clock: Clock },
  actorId: string,
  o: {
    entityType: EntityType;
    id: string;
    archived: boolean;
    /** visibleOnly: apply the actor's access rule. */
    load(db: DbOrTrx, visibleOnly: boolean): Promise<T>;
    write(db: DbOrTrx, patch: { archivedAt: string | null; updatedAt: string; updatedBy: string }): Promise<unknown>;
    snapshot(t: T): Record<string, unknown>;
    beforeRestore?(db: DbOrTrx, t: T): Promise<void>;
  },
): Promise<T> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await o.load(trx, true);
    if (o.archived === (before.archivedAt !== null)) return before;
    if (!o.archived && o.beforeRestore) await o.beforeRestore(trx, before);
    await o.write(trx, { archivedAt: o.archived ? now : null, updatedAt: now, updatedBy: actorId });
    const after = await o.load(trx, false);
    await record(
      trx,
      { entityType: o.entityType, entityId: o.id, action: o.archived ? 'archive' : 'restore', userId: actorId, at: now },
      o.snapshot(before),
      o.snapshot(after),
    );
    return after;
  });
}
