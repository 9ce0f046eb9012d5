import type { DbOrTrx } from '../../db/database.js';
import { ACTOR_COLUMNS } from '../../lib/actor.js';

export const findTokenActor = (db: DbOrTrx, tokenHash: string) =>
  db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select([...ACTOR_COLUMNS, 'apiTokens.id as tokenId', 'apiTokens.lastUsedAt as tokenLastUsedAt'])
    .where('apiTokens.tokenHash', '=', tokenHash)
    .where('apiTokens.revokedAt', 'is', null)
    .where('users.blockedAt', 'is', null)
    .executeTakeFirst();

/** Conditional: of several requests (or instances) that saw a stale value, one writes. */
export const touchToken = (db: DbOrTrx, id: string, at: string, staleBefore: string) =>
  db
    .updateTable('apiTokens')
    .set({ lastUsedAt: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<=', staleBefore)]))
    .execute();

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

export const revokeTokensOfUser = (db: DbOrTrx, userId: string, at: string) =>
  db.updateTable('apiTokens').set({ revokedAt: at }).where('userId', '=', userId).where('revokedAt', 'is', null).execute();
