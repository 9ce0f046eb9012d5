import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { newSecret, sha256 } from '../../lib/secrets.js';
import { notFound } from '../../errors.js';
import { visibilityFor } from '../access/access.service.js';
import { buildCalendar, type FeedEvent } from './calendar-feed.logic.js';
import * as repo from './calendar-feed.repo.js';

const MAX_ITEMS = 2000;
/** Past planned events older than this are overdue work, not calendar entries. */
const EVENTS_BACK_DAYS = 31;

export const feedPath = (secret: string) => `/api/calendar/${secret}.ics`;

/** POST /api/me/calendar-feed: a new secret URL; the previous one stops working. */
export async function createFeed(deps: Deps, actor: Actor, origin: string) {
  const secret = newSecret();
  await deps.db.transaction().execute((trx) => repo.replaceFeed(trx, actor.id, sha256(secret), deps.clock.now().toISOString()));
  return { url: `${origin}${feedPath(secret)}` };
}

export async function revokeFeed(deps: Deps, actor: Actor) {
  const res = await repo.deleteFeed(deps.db, actor.id);
  if (Number(res.numDeletedRows) === 0) throw notFound('Calendar feed');
  return { ok: true };
}

/** GET /api/calendar/<secret>.ics: the secret is the only credential (calendar apps send no cookie). */
export async function renderFeed(deps: Deps, secret: string): Promise<string> {
  const row = await repo.findFeedUser(deps.db, sha256(secret));
  if (!row) throw notFound('Calendar feed');
  const actor: Actor = { ...row, via: 'token' };
  const now = deps.clock.now();
  await repo.touchFeed(deps.db, actor.id, now.toISOString());
  const from = new Date(now.getTime() - EVENTS_BACK_DAYS * 86_400_000).toISOString();
  const [tasks, events] = await Promise.all([
    repo.openTasks(deps.db, actor.id, MAX_ITEMS),
    repo.plannedEvents(deps.db, actor.id, await visibilityFor(deps, actor), from, MAX_ITEMS),
  ]);
  // An event's reminder task is the event's alarm, not an entry of its own.
  const reminders = new Map<string, string[]>();
  const eventIds = new Set(events.map((e) => e.id));
  const ownTasks = tasks.filter((t) => {
    if (t.source !== 'eventReminder' || t.subjectType !== 'event' || !t.subjectId || !eventIds.has(t.subjectId)) return true;
    if (t.remindAt) reminders.set(t.subjectId, [...(reminders.get(t.subjectId) ?? []), t.remindAt]);
    return false;
  });
  const feedEvents: FeedEvent[] = events.map((e) => ({ ...e, reminders: reminders.get(e.id) ?? [] }));
  return buildCalendar(`CRM — ${actor.name}`, ownTasks, feedEvents);
}
