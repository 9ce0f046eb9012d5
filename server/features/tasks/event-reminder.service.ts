import type { Deps } from '../../deps.js';
import { isAdmin, type Actor } from '../../lib/actor.js';
import { forbidden } from '../../errors.js';
import type { DbOrTrx } from '../../db/database.js';
import type { EventReminder, ReminderInput } from '../../../shared/api/events.js';
import { insertTask, prepareTask } from './task-creation.service.js';
import { restartedAlert } from './tasks.logic.js';
import * as repo from './tasks.repo.js';

// An event's reminder («Напомнить»): one open task with source 'eventReminder' per event, added,
// changed or removed with the event, in the event's transaction and under its row lock. Like
// task-creation.service it imports no other feature's service, so events may call it.

type Row = NonNullable<Awaited<ReturnType<typeof repo.findOpenEventReminder>>>;

/** What the change is about: the event as it will be after the same request. */
export interface ReminderEvent {
  id: string;
  subject: string;
  responsibleUserId: string;
}

/** Who was told nothing yet: their popups changed once the transaction commits. */
export interface ReminderChange {
  taskId: string;
  userIds: string[];
}

/** A reminder task is seen and changed by its assignee, its author and administrators (as any task). */
const maySee = (actor: Actor, r: Row) => isAdmin(actor) || r.assigneeId === actor.id || r.createdBy === actor.id;

function toApi(r: Row): EventReminder {
  return {
    taskId: r.id,
    remindAt: r.remindAt,
    dueAt: r.dueAt,
    text: r.title,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName ?? null,
    snoozedUntil: r.snoozedUntil,
  };
}

/** The event's open reminder, if the actor may see it (the caller has checked the event is visible). */
export async function reminderOf(db: DbOrTrx, actor: Actor, eventId: string): Promise<EventReminder | null> {
  const r = await repo.findOpenEventReminder(db, eventId);
  return r && maySee(actor, r) ? toApi(r) : null;
}

/**
 * Adds, replaces or (with null) removes the event's reminder, with the same rules as at creation
 * (prepareTask: a manager reminds themselves or the event's responsible user, the assignee is active,
 * the reminder is not after the due time). Call it inside the event's transaction, `deps.db` being
 * that transaction. A removed reminder is cancelled, not deleted. Returns what to announce after
 * the commit, or null when nothing changed.
 */
export async function setEventReminder(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  event: ReminderEvent,
  input: ReminderInput | null,
): Promise<ReminderChange | null> {
  const existing = await repo.findOpenEventReminder(deps.db, event.id);
  if (existing && !maySee(actor, existing)) {
    throw forbidden('Only the assignee, the author or an administrator can change this reminder');
  }
  const now = deps.clock.now().toISOString();
  if (!input) {
    if (!existing) return null;
    await repo.updateOpen(deps.db, existing.id, { status: 'cancelled', updatedAt: now, updatedBy: actor.id });
    return { taskId: existing.id, userIds: [existing.assigneeId] };
  }
  const task = await prepareTask(
    deps,
    actor,
    {
      title: input.text?.trim() || event.subject,
      remindAt: input.remindAt,
      dueAt: input.dueAt ?? null,
      assigneeId: input.assigneeId ?? event.responsibleUserId,
      subject: { type: 'event', id: event.id },
      source: 'eventReminder',
    },
    { fieldPrefix: 'reminder.', mayAlsoAssign: event.responsibleUserId },
  );
  const row = task.row;
  const assigneeId = row.assigneeId;
  const remindAt = row.remindAt ?? null;
  const changed =
    existing &&
    (await repo.updateOpen(deps.db, existing.id, {
      title: row.title,
      dueAt: row.dueAt,
      remindAt,
      assigneeId,
      ...restartedAlert(existing, { remindAt, assigneeId }),
      updatedAt: now,
      updatedBy: actor.id,
    }));
  if (existing && changed) return { taskId: existing.id, userIds: [...new Set([existing.assigneeId, assigneeId])] };
  return { taskId: await insertTask(deps.db, task), userIds: [assigneeId] };
}

/** Tells the assignees' open windows that the popup changed; a push is a hint and never fails the save. */
export async function announce(deps: Pick<Deps, 'notifier' | 'log'>, change: ReminderChange | null) {
  if (!change) return;
  for (const userId of change.userIds) {
    await deps.notifier
      .notify({ userId, type: 'taskChanged', taskId: change.taskId })
      .catch((err) => deps.log.warn({ err, taskId: change.taskId }, 'notification not sent'));
  }
}
