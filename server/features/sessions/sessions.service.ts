import type { Deps } from '../../deps.js';
import type { DbOrTrx } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { newSecret, sha256 } from '../../lib/secrets.js';
import * as repo from './sessions.repo.js';

// Browser sessions live in the database keyed by the SHA-256 of the token; the token itself is only
// in the cookie. Sign-in starts them, users end them (password change, block), requests read them.

const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** A new session for the user; returns the token for the cookie. */
export async function startSession(deps: Pick<Deps, 'db' | 'clock'>, userId: string, client: ClientInfo): Promise<string> {
  const token = newSecret();
  const now = deps.clock.now();
  await repo.insertSession(deps.db, {
    id: sha256(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export async function endSession(db: DbOrTrx, token: string | null): Promise<void> {
  if (token) await repo.deleteSession(db, sha256(token));
}

/** Ends every session of a user, except the one whose token is given (the browser that asked). */
export async function endSessionsOfUser(db: DbOrTrx, userId: string, keepToken: string | null = null): Promise<void> {
  await repo.deleteSessionsOfUser(db, userId, keepToken ? sha256(keepToken) : null);
}

export async function actorFromSession(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<Actor | null> {
  const row = await repo.findSessionActor(deps.db, sha256(token), deps.clock.now().toISOString());
  return row ? { ...row, via: 'session' } : null;
}
