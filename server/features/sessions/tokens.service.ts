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

/**
 * The actor behind a Bearer token, or null. From memory when the token and its user are cached, else
 * one query that fills the cache. The use is written at most once a minute per token, and the last
 * write is remembered here, so a request by token usually costs no statement at all for its
 * credential. `touch: false` only checks, in the database itself (the event stream's re-check).
 */
export async function actorFromToken(
  deps: Pick<Deps, 'db' | 'clock' | 'caches'>,
  token: string,
  opts: { touch: boolean },
): Promise<Actor | null> {
  const hash = sha256(token);
  const caches = deps.caches;
  let entry = opts.touch ? caches?.tokens.get(hash) : undefined;
  let user = entry && caches?.users.get(entry.userId);
  if (!entry || !user) {
    const generation = caches?.generation;
    const row = await repo.findTokenActor(deps.db, hash);
    if (!row) {
      caches?.tokens.delete(hash);
      return null;
    }
    const { tokenId, tokenLastUsedAt, ...found } = row;
    entry = { tokenId, userId: found.id, lastUsedAt: tokenLastUsedAt };
    user = found;
    // Not stored when an invalidation came while the query ran: what it read may be the old row.
    if (caches && caches.generation === generation) {
      caches.tokens.set(hash, entry);
      caches.users.set(found.id, found);
    }
  }
  const now = deps.clock.now();
  if (opts.touch && tokenUseStale(entry.lastUsedAt, now)) {
    // Remembered before the write, so requests arriving meanwhile do not write it again.
    const previous = entry.lastUsedAt;
    entry.lastUsedAt = now.toISOString();
    try {
      await repo.touchToken(deps.db, entry.tokenId, now.toISOString(), tokenUseStaleBefore(now));
    } catch (err) {
      entry.lastUsedAt = previous;
      throw err;
    }
  }
  return { ...user, via: 'token' };
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
