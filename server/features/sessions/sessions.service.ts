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
export async function announceSignedOut(deps: Pick<Deps, 'notifier' | 'log' | 'caches'>, userId: string): Promise<void> {
  await actorChanged(deps, userId);
  await deps.notifier.notify({ userId, type: 'signedOut' }).catch((err) => deps.log.warn({ err, userId }, 'sign-out hint not sent'));
}

/**
 * What an actor is made of changed (role, name, e-mail, language, zone, blocked) or one of the
 * user's credentials ended: the in-memory sessions, tokens and user row are dropped here at once and
 * on every other instance through the pub/sub. Called after the commit, so no request can read the
 * old row back into memory afterwards (and one that read it before is not stored: see `generation`).
 */
export async function actorChanged(deps: Pick<Deps, 'log' | 'caches'>, userId: string): Promise<void> {
  await deps.caches?.userChanged(userId).catch((err) => deps.log.warn({ err, userId }, 'cache invalidation not sent'));
}

/**
 * The actor of a session cookie, or null. From memory when the session and its user are cached
 * (the session's expiry still applies), else one query that also fills the cache. `fresh` reads
 * the database whatever is cached: an open event stream's re-check must see a session ended anywhere.
 */
export async function actorFromSession(
  deps: Pick<Deps, 'db' | 'clock' | 'caches'>,
  token: string,
  opts: { fresh?: boolean } = {},
): Promise<Actor | null> {
  const id = sha256(token);
  const now = deps.clock.now().toISOString();
  const caches = deps.caches;
  if (caches && !opts.fresh) {
    const session = caches.sessions.get(id);
    const user = session && caches.users.get(session.userId);
    if (session && user) {
      if (session.expiresAt > now) return { ...user, via: 'session' };
      caches.sessions.delete(id);
      return null;
    }
  }
  const generation = caches?.generation;
  const row = await repo.findSessionActor(deps.db, id, now);
  if (!row) {
    caches?.sessions.delete(id);
    return null;
  }
  const { sessionExpiresAt, ...user } = row;
  // Not stored when an invalidation came while the query ran: what it read may be the old row.
  if (caches && caches.generation === generation) {
    caches.sessions.set(id, { userId: user.id, expiresAt: sessionExpiresAt });
    caches.users.set(user.id, user);
  }
  return { ...user, via: 'session' };
}
