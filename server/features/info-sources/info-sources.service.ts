import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { isAdmin } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { forbidden, invalid, notFound } from '../../errors.js';
import type { DbOrTrx } from '../../db/database.js';
import * as repo from './info-sources.repo.js';

const toApi = (r: { id: string; name: string; archivedAt: string | null }) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null });

/** «Источники информации при обращении»: a short list every user picks from; administrators edit it. */
export const list = async (deps: Deps) => (await repo.list(deps.db)).map(toApi);

export async function create(deps: Deps, actor: Actor, name: string) {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can edit information sources');
  const id = newId();
  await repo.insert(deps.db, {
    id,
    name: name.trim(),
    position: (await repo.maxPosition(deps.db)) + 1,
    createdAt: deps.clock.now().toISOString(),
  });
  return toApi((await repo.find(deps.db, id))!);
}

export async function update(deps: Deps, actor: Actor, id: string, patch: { name?: string; archived?: boolean }) {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can edit information sources');
  const row = await repo.find(deps.db, id);
  if (!row) throw notFound('Information source');
  await repo.update(deps.db, id, {
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.archived !== undefined && { archivedAt: patch.archived ? (row.archivedAt ?? deps.clock.now().toISOString()) : null }),
  });
  return toApi((await repo.find(deps.db, id))!);
}

/** For events: an id must name an existing, active source. */
export async function assertUsable(db: DbOrTrx, id: string) {
  const row = await repo.find(db, id);
  if (!row || row.archivedAt) throw invalid('infoSourceId', 'no such information source', 'info_source_not_found');
}
