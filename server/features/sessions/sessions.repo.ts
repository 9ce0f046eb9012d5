import type { DbOrTrx } from '../../db/database.js';
import { ACTOR_COLUMNS } from '../../lib/actor.js';

export const insertSession = (
  db: DbOrTrx,
  s: { id: string; userId: string; createdAt: string; expiresAt: string; ip: string | null; userAgent: string | null },
) => db.insertInto('sessions').values(s).execute();

/** Returns the user whose session it was (to tell that user's open streams), or undefined. */
export const deleteSession = async (db: DbOrTrx, id: string) =>
  (await db.deleteFrom('sessions').where('id', '=', id).returning('userId').executeTakeFirst())?.userId;

export const deleteSessionsOfUser = (db: DbOrTrx, userId: string, exceptId: string | null = null) => {
  let q = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.execute();
};

export const findSessionActor = (db: DbOrTrx, sessionId: string, now: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([...ACTOR_COLUMNS, 'sessions.expiresAt as sessionExpiresAt'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expiresAt', '>', now)
    .where('users.blockedAt', 'is', null)
    .executeTakeFirst();
