import type { Deps } from '../../deps.js';
import { newId } from '../../lib/ids.js';
import { conflict, unauthorized } from '../../errors.js';
import { transactionLock } from '../../db/dialect.js';
import type { User } from '../../../shared/api/users.js';
import { DUMMY_HASH, verifyPassword } from '../../lib/secrets.js';
import { normalizeEmail } from '../../lib/names.js';
import * as repo from './auth.repo.js';
import * as throttle from './login-throttle.service.js';
import { createUser, toUser } from '../users/users.service.js';
import * as sessions from '../sessions/sessions.service.js';

const SETUP_LOCK = 72_100_002;

export async function needsSetup(deps: Deps): Promise<boolean> {
  return (await repo.countUsers(deps.db)) === 0;
}

export interface NewSession {
  sessionToken: string;
  user: User;
}

interface ClientInfo extends sessions.ClientInfo {
  /** The session cookie the browser came with, if any: it is ended, never reused. */
  previousToken: string | null;
}

/** Creates the first administrator; refused once any user exists. Signs the new admin in. */
export async function setup(
  deps: Deps,
  input: { name: string; email: string; password: string; language?: 'ru' | 'en' },
  client: ClientInfo,
): Promise<NewSession> {
  const user = await deps.db.transaction().execute(async (trx) => {
    await transactionLock(trx, deps.dialect, SETUP_LOCK);
    if ((await repo.countUsers(trx)) > 0) throw conflict('The system is already set up');
    return createUser({ ...deps, db: trx }, null, { ...input, role: 'admin' });
  });
  await sessions.endSession(deps, client.previousToken);
  return { sessionToken: await sessions.startSession(deps, user.id, client), user };
}

export async function login(deps: Deps, email: string, password: string, client: ClientInfo): Promise<NewSession> {
  const normalized = normalizeEmail(email).slice(0, 254);
  // The previous session dies whatever the outcome, a refused attempt included: no session survives
  // a sign-in attempt.
  await sessions.endSession(deps, client.previousToken);
  const attempt = await throttle.reserveAttempt(deps, normalized, client.ip);
  const user = await repo.findUserByEmail(deps.db, normalized);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.blockedAt) {
    // The reserved attempt stays counted as the failure.
    await repo.recordFailure(deps.db, { id: newId(), email: normalized, ip: client.ip, at: deps.clock.now().toISOString() });
    // One answer for unknown e-mail, wrong password and blocked user: no enumeration.
    throw unauthorized('Wrong e-mail or password');
  }
  await throttle.attemptSucceeded(deps, attempt);
  await repo.clearFailures(deps.db, normalized);
  const sessionToken = await sessions.startSession(deps, user.id, client);
  return { sessionToken, user: toUser(user) };
}

export async function logout(deps: Deps, token: string | null): Promise<void> {
  await sessions.endSession(deps, token);
}
