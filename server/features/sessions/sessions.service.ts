import type { Deps } from '../../deps.js';
import type { DbOrTrx } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { newSecret, sha256 } from '../../lib/secrets.js';
import * as repo from './sessions.repo.js';

// Browser sessions live in the database keyed by the SHA-256 of the token; the token itself is only
// in the cookie. Sign-in starts them, users end them (password change, block), requests read them.
// API tokens (tokens.service.ts) are the other credential of this feature.

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

/** Ends one session (sign-out, or the session a browser brings to a sign-in) and tells its streams. */
export async function endSession(deps: Pick<Deps, 'db' | 'notifier' | 'log'>, token: string | null): Promise<void> {
  if (!token) return;
  const userId = await repo.deleteSession(deps.db, sha256(token));
  if (userId) await announceSignedOut(deps, userId);
}

/** Ends every session of a user, except the one whose token is given (the browser that asked).
 * Runs inside the caller's transaction: the caller calls announceSignedOut after the commit. */
export async function endSessionsOfUser(db: DbOrTrx, userId: string, keepToken: string | null = null): Promise<void> {
  await repo.deleteSessionsOfUser(db, userId, keepToken ? sha256(keepToken) : null);
}

/**
 * Tells every instance that a session or token of the user ended, so the user's open event streams
 * re-check their credential at once (the tables decide; this is only the wake-up). Sent after the
 * commit, or a stream could re-check too early and still see the row. A lost hint costs at most one
 * heartbeat, when streams re-check anyway, so it never fails the change that was already saved.
 */
export async function announceSignedOut(deps: Pick<Deps, 'notifier' | 'log'>, userId: string): Promise<void> {
  await deps.notifier.notify({ userId, type: 'signedOut' }).catch((err) => deps.log.warn({ err, userId }, 'sign-out hint not sent'));
}

export async function actorFromSession(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<Actor | null> {
  const row = await repo.findSessionActor(deps.db, sha256(token), deps.clock.now().toISOString());
  return row ? { ...row, via: 'session' } : null;
}
