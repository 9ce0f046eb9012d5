import type { Insertable } from 'kysely';
import type { Deps } from '../../deps.js';
import { isAdmin, type Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { toInstant } from '../../lib/time.js';
import { forbidden, invalidMany } from '../../errors.js';
import type { DbOrTrx } from '../../db/database.js';
import type { TasksTable } from '../../db/schema.js';
import type { SubjectRef, Task } from '../../../shared/api/tasks.js';
import { assertActiveUser } from '../users/users.service.js';
import { alertAtOf, reminderTimeErrors } from './tasks.logic.js';
import * as repo from './tasks.repo.js';
import * as webhooks from '../webhooks/webhooks.service.js';

// The one way any feature makes a task: a reminder on an event, a manual task, a birthday, later
// ABC and order follow-ups. It imports no other feature's service, so every feature may call it.

export interface NewTask {
  title: string;
  description?: string | null;
  dueAt?: string | null;
  remindAt?: string | null;
  assigneeId: string;
  subject?: SubjectRef | null;
  source: Task['source'];
  sourceKey?: string | null;
}

/** A task checked and ready to insert (in the caller's transaction, with the record it belongs to). */
export interface PreparedTask {
  readonly row: Insertable<TasksTable>;
}

export interface PrepareOptions {
  /** How the caller's request names the task's fields ("reminder." on an event). */
  fieldPrefix?: string;
  /** Besides themselves, whom a non-administrator may assign (an event's responsible user). */
  mayAlsoAssign?: string | null;
}

function rowOf(t: NewTask, by: string | null, now: string): Insertable<TasksTable> {
  const remindAt = toInstant(t.remindAt);
  return {
    id: newId(),
    title: t.title.trim(),
    description: t.description?.trim() || null,
    dueAt: toInstant(t.dueAt),
    remindAt,
    status: 'open',
    assigneeId: t.assigneeId,
    subjectType: t.subject?.type ?? null,
    subjectId: t.subject?.id ?? null,
    source: t.source,
    sourceKey: t.sourceKey ?? null,
    completedAt: null,
    completedBy: null,
    snoozedUntil: null,
    alertAt: alertAtOf(remindAt, null),
    alertedAt: null,
    createdAt: now,
    createdBy: by,
    updatedAt: now,
    updatedBy: by,
  };
}

/** Checks a task an actor gives: only an administrator assigns to other users (beyond `mayAlsoAssign`),
 * the assignee must be active, and the reminder must not come after the due time. Nothing is written. */
export async function prepareTask(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  t: NewTask,
  opts: PrepareOptions = {},
): Promise<PreparedTask> {
  const prefix = opts.fieldPrefix ?? '';
  if (!isAdmin(actor) && t.assigneeId !== actor.id && t.assigneeId !== opts.mayAlsoAssign) {
    throw forbidden('Only an administrator can give tasks and reminders to other users');
  }
  await assertActiveUser(deps.db, t.assigneeId, `${prefix}assigneeId`);
  const errors = reminderTimeErrors(t.remindAt, t.dueAt, prefix);
  if (errors.length) throw invalidMany(errors);
  return { row: rowOf(t, actor.id, deps.clock.now().toISOString()) };
}

/** Writes a prepared task; returns its id. */
export async function insertTask(db: DbOrTrx, task: PreparedTask): Promise<string> {
  // The task and its webhook outbox rows commit together.
  if (!db.isTransaction) return db.transaction().execute((trx) => insertTask(trx, task));
  await repo.insert(db, task.row);
  const { id, title, description, dueAt, remindAt, status, assigneeId, subjectType, subjectId, source, createdAt, createdBy } = task.row;
  const payload = { id, title, description, dueAt, remindAt, status, assigneeId, subjectType, subjectId, source, createdAt, createdBy };
  await webhooks.enqueue(db, 'task.created', payload, createdAt);
  return task.row.id as string;
}

/** Generated work (birthdays, ABC): one task per natural key, however many runs. Returns inserted ids. */
export async function createGenerated(db: DbOrTrx, tasks: (NewTask & { sourceKey: string })[], now: string): Promise<string[]> {
  for (const t of tasks) {
    const errors = reminderTimeErrors(t.remindAt, t.dueAt);
    if (errors.length) throw invalidMany(errors);
  }
  return repo.insertIgnoringDuplicates(
    db,
    tasks.map((t) => rowOf(t, null, now)),
  );
}
