import type { Deps } from '../../deps.js';
import type { DbOrTrx } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { newSecret, sha256 } from '../../lib/secrets.js';
import { notFound } from '../../errors.js';
import { tokenUseStale, tokenUseStaleBefore } from './sessions.logic.js';
import { announceSignedOut } from './sessions.service.js';
import * as repo from './tokens.repo.js';

// Personal API tokens (`crm_…`) for integrations: shown once, stored as SHA-256, sent as Bearer.
// Revocation is final: a revoked token never works again, whatever happens to its user later.

/** The actor behind a Bearer token, or null. `touch: false` only checks (the event stream's re-check). */
export async function actorFromToken(deps: Pick<Deps, 'db' | 'clock'>, token: string, opts: { touch: boolean }): Promise<Actor | null> {
  const row = await repo.findTokenActor(deps.db, sha256(token));
  if (!row) return null;
  const now = deps.clock.now();
  if (opts.touch && tokenUseStale(row.tokenLastUsedAt, now)) {
    await repo.touchToken(deps.db, row.tokenId, now.toISOString(), tokenUseStaleBefore(now));
  }
  const { tokenId: _t, tokenLastUsedAt: _l, ...actor } = row;
  return { ...actor, via: 'token' };
}

export async function createToken(deps: Deps, actor: Actor, name: string) {
  const token = 'crm_' + newSecret();
  const id = newId();
  await repo.insertToken(deps.db, {
    id,
    userId: actor.id,
    name: name.trim(),
    tokenHash: sha256(token),
    createdAt: deps.clock.now().toISOString(),
  });
  return { id, name: name.trim(), token };
}

export const listTokens = (deps: Deps, actor: Actor) => repo.listTokens(deps.db, actor.id);

export async function revokeToken(deps: Deps, actor: Actor, id: string): Promise<void> {
  const res = await repo.revokeToken(deps.db, actor.id, id, deps.clock.now().toISOString());
  if (Number(res.numUpdatedRows) === 0) throw notFound('Token');
  await announceSignedOut(deps, actor.id);
}

/** A password change or a block revokes every token of the user (inside the caller's transaction;
 * the caller announces it after the commit). Unblocking revives none of them. */
export async function revokeTokensOfUser(db: DbOrTrx, userId: string, at: string): Promise<void> {
  await repo.revokeTokensOfUser(db, userId, at);
}
