import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { isAdmin } from '../../lib/actor.js';
import { forbidden, invalid, invalidMany, notFound } from '../../errors.js';
import { pageOf } from '../../db/keyset.js';
import type { DbOrTrx } from '../../db/database.js';
import type {
  ReminderListQuery,
  ReminderPage,
  SnoozeBody,
  SubjectRef,
  Task,
  TaskCreate,
  TaskListQuery,
  TaskPatch,
} from '../../../shared/api/tasks.js';
import { documentTitle, fullNameOrNull } from '../../lib/names.js';
import * as counterparties from '../counterparties/counterparties.service.js';
import * as persons from '../contact-persons/contact-persons.service.js';
import * as events from '../events/events.service.js';
import * as orders from '../orders/orders.service.js';
import { visibilityFor, type Visibility } from '../access/access.service.js';
import { addDays, toInstant, zonedDayStart } from '../../lib/time.js';
import { isOverdue, reminderTimeErrors, restartedAlert, snoozeUntil } from './tasks.logic.js';
import { insertTask, prepareTask } from './task-creation.service.js';
import * as webhooks from '../webhooks/webhooks.service.js';
import { sendTaskReminders } from '../mail/mail.service.js';
import * as repo from './tasks.repo.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

function subjectTitle(r: Row): string | null {
  if (r.subjectType === 'event') return r.eventNumber != null ? documentTitle(r.eventNumber, r.eventSubject) : null;
  if (r.subjectType === 'counterparty') return r.counterpartyName ?? null;
  if (r.subjectType === 'contactPerson')
    return fullNameOrNull({ lastName: r.personLastName, firstName: r.personFirstName, middleName: r.personMiddleName });
  if (r.subjectType === 'order')
    return r.orderNumber != null && r.orderDate ? orders.orderTitle(r.orderNumber, r.orderDate, r.orderCounterpartyName) : null;
  return null;
}

function toApi(r: Row, now: Date): Task {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    dueAt: r.dueAt,
    remindAt: r.remindAt,
    status: r.status,
    overdue: isOverdue(r, now),
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName ?? null,
    subject: r.subjectType && r.subjectId ? { type: r.subjectType, id: r.subjectId, title: subjectTitle(r) } : null,
    source: r.source,
    completedAt: r.completedAt,
    snoozedUntil: r.snoozedUntil,
    alertAt: r.alertAt,
    createdAt: r.createdAt,
  };
}

/** A push is a hint: its failure is logged and never undoes or fails a saved change. */
async function notifySafely(deps: Deps, n: Parameters<Deps['notifier']['notify']>[0]) {
  await deps.notifier.notify(n).catch((err) => deps.log.warn({ err, taskId: n.taskId }, 'notification not sent'));
}

/** Reads a task the actor may see (assignee, author or administrator); 404 otherwise. Its subject's
 * title follows the actor's visibility `v`. */
async function loadVisible(db: DbOrTrx, actor: Actor, id: string, v: Visibility): Promise<Row> {
  const r = await repo.findById(db, id, v);
  if (!r || !(isAdmin(actor) || r.assigneeId === actor.id || r.createdBy === actor.id)) throw notFound('Task');
  return r;
}

/** Acting on a task (complete, snooze, edit) is for its assignee or an administrator. */
function assertMayAct(actor: Actor, r: Row) {
  if (!isAdmin(actor) && r.assigneeId !== actor.id) throw forbidden('Only the assignee or an administrator can change this task');
}

export async function list(deps: Deps, actor: Actor, q: TaskListQuery) {
  const wanted = q.assigneeId ?? 'me';
  if (wanted !== 'me' && wanted !== actor.id && !isAdmin(actor)) throw forbidden('Only an administrator can see other users’ tasks');
  const now = deps.clock.now();
  const status = q.status ?? 'open';
  const limit = q.limit ?? 50;
  const rows = await repo.list(
    deps.db,
    {
      assigneeId: wanted === 'me' ? actor.id : wanted === 'all' ? null : wanted,
      status,
      now: now.toISOString(),
      dueFrom: q.from ? zonedDayStart(q.from, actor.timeZone) : undefined,
      dueTo: q.to ? zonedDayStart(addDays(q.to, 1), actor.timeZone) : undefined,
      subjectType: q.subjectType,
      subjectId: q.subjectId,
    },
    await visibilityFor(deps, actor),
    limit,
    q.cursor,
  );
  const page = pageOf(rows, limit, (r) => [repo.sortValueOf(r, status), r.id], status === 'done' ? 'done' : '');
  return { items: page.items.map((r) => toApi(r, now)), nextCursor: page.nextCursor };
}

export async function get(deps: Deps, actor: Actor, id: string, v?: Visibility) {
  return toApi(await loadVisible(deps.db, actor, id, v ?? (await visibilityFor(deps, actor))), deps.clock.now());
}

/** A task may point only at a record its author can see (its title is shown with the task). */
async function assertSubjectVisible(deps: Deps, actor: Actor, subject: SubjectRef) {
  const hidden = () => invalid('subject.id', 'no such record', 'subject_not_found');
  const check =
    subject.type === 'order'
      ? orders.assertVisible(deps, actor, subject.id)
      : subject.type === 'counterparty'
        ? counterparties.assertVisible(deps, actor, subject.id)
        : subject.type === 'contactPerson'
          ? persons.assertVisible(deps, actor, subject.id)
          : events.assertVisible(deps, actor, subject.id);
  await check.catch(() => {
    throw hidden();
  });
}

export async function create(deps: Deps, actor: Actor, input: TaskCreate) {
  if (input.subject) await assertSubjectVisible(deps, actor, input.subject);
  const task = await prepareTask(deps, actor, { ...input, assigneeId: input.assigneeId ?? actor.id, source: 'manual' });
  return get(deps, actor, await insertTask(deps.db, task));
}

export async function update(deps: Deps, actor: Actor, id: string, patch: TaskPatch) {
  const now = deps.clock.now().toISOString();
  const v = await visibilityFor(deps, actor);
  const r = await loadVisible(deps.db, actor, id, v);
  assertMayAct(actor, r);
  const remindAt = patch.remindAt === undefined ? r.remindAt : toInstant(patch.remindAt);
  const dueAt = patch.dueAt === undefined ? r.dueAt : toInstant(patch.dueAt);
  const timeErrors = reminderTimeErrors(remindAt, dueAt);
  if (timeErrors.length) throw invalidMany(timeErrors);
  await repo.update(deps.db, id, {
    ...(patch.title !== undefined && { title: patch.title.trim() }),
    ...(patch.description !== undefined && { description: patch.description?.trim() || null }),
    dueAt,
    remindAt,
    ...restartedAlert(r, { remindAt, assigneeId: r.assigneeId }),
    updatedAt: now,
    updatedBy: actor.id,
  });
  await notifySafely(deps, { userId: r.assigneeId, type: 'taskChanged', taskId: id });
  return get(deps, actor, id, v);
}

export async function complete(deps: Deps, actor: Actor, id: string) {
  const v = await visibilityFor(deps, actor);
  const r = await loadVisible(deps.db, actor, id, v);
  assertMayAct(actor, r);
  if (r.status === 'open') {
    const now = deps.clock.now().toISOString();
    const done = await deps.db.transaction().execute(async (trx) => {
      const set = { status: 'done' as const, completedAt: now, completedBy: actor.id, updatedAt: now, updatedBy: actor.id };
      if (!(await repo.updateOpen(trx, id, set))) return false;
      const { title, assigneeId, subjectType, subjectId } = r;
      await webhooks.enqueue(
        trx,
        'task.completed',
        { id, title, assigneeId, subjectType, subjectId, completedAt: now, completedBy: actor.id },
        now,
      );
      return true;
    });
    if (done) await notifySafely(deps, { userId: r.assigneeId, type: 'taskChanged', taskId: id });
  }
  return get(deps, actor, id, v);
}

export async function snooze(deps: Deps, actor: Actor, id: string, body: SnoozeBody) {
  const v = await visibilityFor(deps, actor);
  const r = await loadVisible(deps.db, actor, id, v);
  assertMayAct(actor, r);
  const nowDate = deps.clock.now();
  if (r.status !== 'open') throw invalid('status', 'only an open task can be snoozed', 'task_not_open');
  const until = snoozeUntil(body, nowDate);
  if (!until) throw invalid('until' in body ? 'until' : 'minutes', 'must be in the future', 'snooze_in_past');
  const now = nowDate.toISOString();
  if (
    !(await repo.updateOpen(deps.db, id, { snoozedUntil: until, alertAt: until, alertedAt: null, updatedAt: now, updatedBy: actor.id }))
  ) {
    throw invalid('status', 'only an open task can be snoozed', 'task_not_open');
  }
  await notifySafely(deps, { userId: r.assigneeId, type: 'taskChanged', taskId: id });
  return get(deps, actor, id, v);
}

/** The popups a user should see now (also what a user who was away sees at sign-in), newest first,
 * a page at a time, with how many are due in all. */
export async function dueReminders(deps: Deps, actor: Actor, q: ReminderListQuery = {}): Promise<ReminderPage> {
  const now = deps.clock.now();
  const iso = now.toISOString();
  const limit = q.limit ?? 50;
  const v = await visibilityFor(deps, actor);
  const rows = await repo.dueReminders(deps.db, actor.id, iso, v, limit, q.cursor);
  const page = pageOf(rows, limit, (r) => [r.alertAt, r.id], repo.REMINDER_SORT);
  const total = page.nextCursor || q.cursor ? await repo.countDueReminders(deps.db, actor.id, iso) : page.items.length;
  return { items: page.items.map((r) => toApi(r, now)), nextCursor: page.nextCursor, total };
}

/** Popups claimed per transaction: 3,000 due at once are a few short transactions, not one long one. */
export const CLAIM_BATCH = 500;

/** Scheduler tick: push each newly due popup to its user, once across all instances. Claiming a batch
 * and pushing it are one transaction (the push is sent on commit), so an instance that dies between
 * the two leaves the batch unclaimed for the next tick of any instance instead of losing it. A push
 * that cannot be sent fails the batch, which is claimed again on the next tick. */
export async function dispatchDueReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now().toISOString();
  let pushed = 0;
  for (;;) {
    const ids = await deps.notifier.inTransaction(deps.db, async (trx, notify) => {
      const rows = await repo.claimDueAlerts(trx, now, CLAIM_BATCH);
      for (const c of rows) notify({ userId: c.assigneeId, type: 'reminder', taskId: c.id });
      return rows.map((c) => c.id);
    });
    // After the commit: an e-mail is never sent for a claim that was rolled back.
    await sendTaskReminders(deps, ids);
    const claimed = ids.length;
    pushed += claimed;
    if (claimed < CLAIM_BATCH) return pushed;
  }
}
