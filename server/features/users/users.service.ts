import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { isAdmin } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { conflict, forbidden, invalid, notFound } from '../../errors.js';
import { isUniqueViolation, transactionLock } from '../../db/dialect.js';
import type { DbOrTrx } from '../../db/database.js';
import { hashPassword, verifyPassword } from '../../lib/secrets.js';
import { normalizeEmail } from '../../lib/names.js';
import { assertTimeZone } from '../../lib/time.js';
import { pageOf } from '../../db/keyset.js';
import type { User, UserCreate, UserPatch, MeSettingsPatch, UserRef } from '../../../shared/api/users.js';
import { actorChanged, announceSignedOut, endSessionsOfUser } from '../sessions/sessions.service.js';
import { revokeTokensOfUser } from '../sessions/tokens.service.js';
import * as repo from './users.repo.js';

const ADMIN_LOCK = 72_100_003;

export function toUser(r: repo.UserRow): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    language: r.language,
    timeZone: r.timeZone,
    showTasksAtStartup: !!r.showTasksAtStartup,
    emailReminders: !!r.emailReminders,
    blocked: r.blockedAt !== null,
    createdAt: r.createdAt,
  };
}

function requireAdmin(actor: Actor) {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can manage users');
}

export async function listUsers(deps: Deps, actor: Actor, query: { limit?: number; cursor?: string }) {
  requireAdmin(actor);
  const limit = query.limit ?? 50;
  const page = pageOf(await repo.listUsers(deps.db, limit, query.cursor), limit, (u) => [u.name, u.id]);
  return { items: page.items.map(toUser), nextCursor: page.nextCursor };
}

/** For other features: whether a user exists and is not blocked (an assignee, a responsible manager). */
export const isActiveUser = (db: DbOrTrx, id: string) => repo.userExists(db, id, true);

/** For other features: a 400 on `field` unless the user exists and is not blocked. */
export async function assertActiveUser(db: DbOrTrx, id: string, field: string): Promise<void> {
  if (!(await isActiveUser(db, id))) throw invalid(field, 'no such active user', 'user_not_found');
}

/** For other features: every user's language, for texts written on their behalf (generated tasks). */
export async function languagesOfUsers(db: DbOrTrx): Promise<Map<string, User['language']>> {
  return new Map((await repo.allUsers(db)).map((u) => [u.id, u.language]));
}

/** Names of users for pickers and labels: every signed-in user may see who their colleagues are. */
export async function listUserRefs(deps: Deps): Promise<UserRef[]> {
  return (await repo.listUserRefs(deps.db)).map((u) => ({ id: u.id, name: u.name, blocked: u.blockedAt !== null }));
}

export async function createUser(deps: Deps, actor: Actor | null, input: UserCreate): Promise<User> {
  if (actor) requireAdmin(actor);
  if (input.timeZone) assertTimeZone('timeZone', input.timeZone);
  const now = deps.clock.now().toISOString();
  const row = {
    id: newId(),
    email: normalizeEmail(input.email),
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    role: input.role,
    language: input.language ?? 'ru',
    timeZone: input.timeZone ?? 'Europe/Moscow',
    showTasksAtStartup: 1,
    blockedAt: null,
    createdAt: now,
    createdBy: actor?.id ?? null,
    updatedAt: now,
    updatedBy: actor?.id ?? null,
  } as const;
  if (!row.name) throw invalid('name', 'is required', 'required');
  try {
    await repo.insertUser(deps.db, row);
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('A user with this e-mail already exists', [{ field: 'email', message: 'already in use', code: 'email_taken' }]);
    throw err;
  }
  return toUser((await repo.findUser(deps.db, row.id))!);
}

export async function updateUser(deps: Deps, actor: Actor, id: string, patch: UserPatch): Promise<User> {
  requireAdmin(actor);
  const now = deps.clock.now().toISOString();
  // A new password or a block ends every credential of that user: sessions and API tokens.
  const endsCredentials = patch.password !== undefined || patch.blocked === true;
  // Hashed before the transaction: scrypt takes tens of milliseconds, the write lock should not wait.
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  const user = await deps.db.transaction().execute(async (trx) => {
    // Serialise role changes: two admins demoting each other at once must not leave none.
    await transactionLock(trx, deps.dialect, ADMIN_LOCK);
    const current = await repo.findUser(trx, id);
    if (!current) throw notFound('User');
    const demoting = (patch.role === 'manager' && current.role === 'admin') || (patch.blocked === true && current.role === 'admin');
    if (demoting && current.blockedAt === null && (await repo.countActiveAdmins(trx)) <= 1) {
      throw conflict('The last active administrator cannot be demoted or blocked');
    }
    const set: Parameters<typeof repo.updateUser>[2] = { updatedAt: now, updatedBy: actor.id };
    if (patch.name !== undefined) set.name = patch.name.trim();
    if (patch.email !== undefined) set.email = normalizeEmail(patch.email);
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.blocked !== undefined) set.blockedAt = patch.blocked ? (current.blockedAt ?? now) : null;
    if (passwordHash !== undefined) set.passwordHash = passwordHash;
    try {
      await repo.updateUser(trx, id, set);
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('A user with this e-mail already exists', [{ field: 'email', message: 'already in use', code: 'email_taken' }]);
      throw err;
    }
    if (endsCredentials) {
      await endSessionsOfUser(trx, id);
      // Revoked, not just refused while blocked: unblocking must not bring old tokens back to life.
      await revokeTokensOfUser(trx, id, now);
    }
    return toUser((await repo.findUser(trx, id))!);
  });
  // After the commit: the actor (role, name, blocked) changed, or every credential of the user ended.
  if (endsCredentials) await announceSignedOut(deps, id);
  else await actorChanged(deps, id);
  return user;
}

export async function getMe(deps: Deps, actor: Actor): Promise<User> {
  const row = await repo.findUser(deps.db, actor.id);
  if (!row) throw notFound('User');
  return toUser(row);
}

export async function updateMySettings(deps: Deps, actor: Actor, patch: MeSettingsPatch): Promise<User> {
  if (patch.timeZone !== undefined) assertTimeZone('timeZone', patch.timeZone);
  const set: Parameters<typeof repo.updateUser>[2] = { updatedAt: deps.clock.now().toISOString(), updatedBy: actor.id };
  if (patch.language !== undefined) set.language = patch.language;
  if (patch.timeZone !== undefined) set.timeZone = patch.timeZone;
  if (patch.showTasksAtStartup !== undefined) set.showTasksAtStartup = patch.showTasksAtStartup ? 1 : 0;
  if (patch.emailReminders !== undefined) set.emailReminders = patch.emailReminders ? 1 : 0;
  await repo.updateUser(deps.db, actor.id, set);
  // The actor carries the language and the time zone.
  await actorChanged(deps, actor.id);
  return getMe(deps, actor);
}

export async function changeMyPassword(
  deps: Deps,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
  keepSessionToken: string | null,
) {
  const row = await repo.findUser(deps.db, actor.id);
  if (!row) throw notFound('User');
  if (!(await verifyPassword(currentPassword, row.passwordHash))) {
    throw invalid('currentPassword', 'is wrong', 'wrong_password');
  }
  const now = deps.clock.now().toISOString();
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, actor.id, { passwordHash, updatedAt: now, updatedBy: actor.id });
    // Other sessions end; the one that changed the password stays. Every API token is revoked: a
    // token made by whoever knew the old password must not outlive it.
    await endSessionsOfUser(trx, actor.id, keepSessionToken);
    await revokeTokensOfUser(trx, actor.id, now);
  });
  await announceSignedOut(deps, actor.id);
}
