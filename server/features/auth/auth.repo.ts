import type { DbOrTrx } from '../../db/database.js';
import { ACTOR_COLUMNS } from '../../lib/actor.js';

export const findUserByEmail = (db: DbOrTrx, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const countUsers = async (db: DbOrTrx) =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const findTokenActor = (db: DbOrTrx, tokenHash: string) =>
  db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select([...ACTOR_COLUMNS, 'apiTokens.id as tokenId'])
    .where('apiTokens.tokenHash', '=', tokenHash)
    .where('apiTokens.revokedAt', 'is', null)
    .where('users.blockedAt', 'is', null)
    .executeTakeFirst();

export const touchToken = (db: DbOrTrx, id: string, at: string) =>
  db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();

export const recordFailure = (db: DbOrTrx, row: { id: string; email: string; ip: string; at: string }) =>
  db.insertInto('loginAttempts').values(row).execute();

export async function countFailures(db: DbOrTrx, email: string, ip: string, since: string) {
  const [byEmail, byIp] = await Promise.all([
    db
      .selectFrom('loginAttempts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('email', '=', email)
      .where('at', '>', since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('loginAttempts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('ip', '=', ip)
      .where('at', '>', since)
      .executeTakeFirstOrThrow(),
  ]);
  return { byEmail: Number(byEmail.n), byIp: Number(byIp.n) };
}

export const clearFailures = (db: DbOrTrx, email: string) => db.deleteFrom('loginAttempts').where('email', '=', email).execute();

export const insertToken = (db: DbOrTrx, row: { id: string; userId: string; name: string; tokenHash: string; createdAt: string }) =>
  db.insertInto('apiTokens').values(row).execute();

export const listTokens = (db: DbOrTrx, userId: string) =>
  db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .execute();

export const revokeToken = (db: DbOrTrx, userId: string, id: string, at: string) =>
  db
    .updateTable('apiTokens')
    .set({ revokedAt: at })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
