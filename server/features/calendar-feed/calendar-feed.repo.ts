import type { DbOrTrx } from '../../db/database.js';
import { ACTOR_COLUMNS } from '../../lib/actor.js';
import { eventVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';

/** One feed per user: a new secret replaces the old one in the same statement pair. */
export async function replaceFeed(db: DbOrTrx, userId: string, secretHash: string, at: string) {
  await db.deleteFrom('calendarFeeds').where('userId', '=', userId).execute();
  await db.insertInto('calendarFeeds').values({ userId, secretHash, createdAt: at, lastUsedAt: null }).execute();
}

export const deleteFeed = (db: DbOrTrx, userId: string) => db.deleteFrom('calendarFeeds').where('userId', '=', userId).executeTakeFirst();

export const findFeedUser = (db: DbOrTrx, secretHash: string) =>
  db
    .selectFrom('calendarFeeds')
    .innerJoin('users', 'users.id', 'calendarFeeds.userId')
    .select(ACTOR_COLUMNS)
    .where('calendarFeeds.secretHash', '=', secretHash)
    .where('users.blockedAt', 'is', null)
    .executeTakeFirst();

export const touchFeed = (db: DbOrTrx, userId: string, at: string) =>
  db.updateTable('calendarFeeds').set({ lastUsedAt: at }).where('userId', '=', userId).execute();

export const openTasks = (db: DbOrTrx, userId: string, limit: number) =>
  db
    .selectFrom('tasks')
    .select(['id', 'title', 'description', 'dueAt', 'remindAt', 'source', 'subjectType', 'subjectId'])
    .where('assigneeId', '=', userId)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('dueAt', 'is not', null), eb('remindAt', 'is not', null)]))
    .orderBy('id')
    .limit(limit)
    .execute();

export const plannedEvents = (db: DbOrTrx, userId: string, v: Visibility, from: string, limit: number) =>
  db
    .selectFrom('events')
    .leftJoin('counterparties as cp', 'cp.id', 'events.counterpartyId')
    .select(['events.id', 'events.subject', 'events.description', 'events.startAt', 'events.endAt', 'cp.name as counterpartyName'])
    .where('events.responsibleUserId', '=', userId)
    .where('events.state', '=', 'planned')
    .where('events.archivedAt', 'is', null)
    .where('events.startAt', '>=', from)
    .where((eb) => eventVisible(eb, v, { event: 'events', cp: 'cp' }))
    .orderBy('events.startAt')
    .limit(limit)
    .execute();
