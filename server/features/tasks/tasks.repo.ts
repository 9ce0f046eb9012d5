import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { TasksTable } from '../../db/schema.js';
import { after, decodeCursor } from '../../db/keyset.js';
import { forUpdate } from '../../db/dialect.js';
import { counterpartyVisible, eventVisible, personVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';

export interface ListFilter {
  /** null: every assignee (administrators). */
  assigneeId: string | null;
  status: 'open' | 'overdue' | 'done' | 'all';
  now: string;
  dueFrom?: string;
  dueTo?: string;
  subjectType?: string;
  subjectId?: string;
}

/** Tasks with their assignee and subject names. A subject's name is selected only when `v` (the
 * viewer's visibility) shows the subject: the task keeps its link to a hidden record (a click is a
 * 404) but never names it. */
function withSubject(db: DbOrTrx, v: Visibility) {
  return db
    .selectFrom('tasks')
    .leftJoin('users as a', 'a.id', 'tasks.assigneeId')
    .leftJoin('events as se', (j) => j.onRef('se.id', '=', 'tasks.subjectId').on('tasks.subjectType', '=', 'event'))
    .leftJoin('counterparties as sec', 'sec.id', 'se.counterpartyId')
    .leftJoin('counterparties as sc', (j) => j.onRef('sc.id', '=', 'tasks.subjectId').on('tasks.subjectType', '=', 'counterparty'))
    .leftJoin('contactPersons as sp', (j) => j.onRef('sp.id', '=', 'tasks.subjectId').on('tasks.subjectType', '=', 'contactPerson'))
    .leftJoin('counterparties as spc', 'spc.id', 'sp.counterpartyId')
    .leftJoin('orders as so', (j) => j.onRef('so.id', '=', 'tasks.subjectId').on('tasks.subjectType', '=', 'order'))
    .leftJoin('counterparties as soc', 'soc.id', 'so.counterpartyId')
    .selectAll('tasks')
    .select((eb) => {
      const event = eventVisible(eb, v, { event: 'se', cp: 'sec' });
      const person = personVisible(eb, v, { person: 'sp', cp: 'spc' });
      const order = counterpartyVisible(eb, v, 'soc');
      return [
        'a.name as assigneeName',
        eb.case().when(event).then(eb.ref('se.number')).end().as('eventNumber'),
        eb.case().when(event).then(eb.ref('se.subject')).end().as('eventSubject'),
        eb
          .case()
          .when(counterpartyVisible(eb, v, 'sc'))
          .then(eb.ref('sc.name'))
          .end()
          .as('counterpartyName'),
        eb.case().when(person).then(eb.ref('sp.lastName')).end().as('personLastName'),
        eb.case().when(person).then(eb.ref('sp.firstName')).end().as('personFirstName'),
        eb.case().when(person).then(eb.ref('sp.middleName')).end().as('personMiddleName'),
        eb.case().when(order).then(eb.ref('so.number')).end().as('orderNumber'),
        eb.case().when(order).then(eb.ref('so.date')).end().as('orderDate'),
        eb.case().when(order).then(eb.ref('soc.name')).end().as('orderCounterpartyName'),
      ];
    });
}
export type TaskRow = Awaited<ReturnType<typeof findById>> & object;

/** Open tasks sort by due time (none last); done ones by completion, newest first. */
const sortExpr = (status: ListFilter['status']) =>
  status === 'done' ? sql<string>`tasks.completed_at` : sql<string>`coalesce(tasks.due_at, '9999-12-31T00:00:00.000Z')`;

export function list(db: DbOrTrx, f: ListFilter, v: Visibility, limit: number, cursor?: string) {
  const dir = f.status === 'done' ? 'desc' : 'asc';
  const key = sortExpr(f.status);
  let q = withSubject(db, v).where((eb) => {
    const c: Expression<SqlBool>[] = [];
    if (f.assigneeId) c.push(eb('tasks.assigneeId', '=', f.assigneeId));
    if (f.status === 'open') c.push(eb('tasks.status', '=', 'open'));
    if (f.status === 'overdue') c.push(eb('tasks.status', '=', 'open'), eb('tasks.dueAt', '<', f.now));
    if (f.status === 'done') c.push(eb('tasks.status', '=', 'done'));
    if (f.dueFrom) c.push(eb('tasks.dueAt', '>=', f.dueFrom));
    if (f.dueTo) c.push(eb('tasks.dueAt', '<', f.dueTo));
    if (f.subjectType) c.push(eb('tasks.subjectType', '=', f.subjectType as TasksTable['subjectType']));
    if (f.subjectId) c.push(eb('tasks.subjectId', '=', f.subjectId));
    return eb.and(c);
  });
  if (cursor) {
    const c = decodeCursor(cursor, f.status === 'done' ? 'done' : '', 'instant');
    q = q.where((eb) => after(eb, key, sql.ref('tasks.id'), dir, c));
  }
  return q
    .orderBy(key, dir)
    .orderBy('tasks.id', dir)
    .limit(limit + 1)
    .execute();
}

export const sortValueOf = (r: { status: string; dueAt: string | null; completedAt: string | null }, status: ListFilter['status']) =>
  status === 'done' ? r.completedAt : (r.dueAt ?? '9999-12-31T00:00:00.000Z');

export const findById = (db: DbOrTrx, id: string, v: Visibility) => withSubject(db, v).where('tasks.id', '=', id).executeTakeFirst();

/** The cursor of the due popups carries its own sort name: a task-list cursor is refused here. */
export const REMINDER_SORT = 'reminders';

/** Reminders whose popup is due now for a user (the truth behind every popup), newest first (what
 * just fell due is on the first page), keyset-paged on (alert_at, id). */
export function dueReminders(db: DbOrTrx, userId: string, now: string, v: Visibility, limit: number, cursor?: string) {
  let q = withSubject(db, v).where('tasks.assigneeId', '=', userId).where('tasks.status', '=', 'open').where('tasks.alertAt', '<=', now);
  if (cursor) {
    const c = decodeCursor(cursor, REMINDER_SORT);
    q = q.where((eb) => after(eb, sql.ref('tasks.alert_at'), sql.ref('tasks.id'), 'desc', c));
  }
  return q
    .orderBy('tasks.alertAt', 'desc')
    .orderBy('tasks.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function countDueReminders(db: DbOrTrx, userId: string, now: string): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assigneeId', '=', userId)
    .where('status', '=', 'open')
    .where('alertAt', '<=', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const insert = (db: DbOrTrx, row: Insertable<TasksTable>) => db.insertInto('tasks').values(row).execute();

/** Inserts generated tasks once per natural key; returns the ids actually inserted. */
export async function insertIgnoringDuplicates(db: DbOrTrx, rows: Insertable<TasksTable>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const res = await db
    .insertInto('tasks')
    .values(rows)
    .onConflict((oc) => oc.column('sourceKey').doNothing())
    .returning('id')
    .execute();
  return res.map((r) => r.id);
}

export const update = (db: DbOrTrx, id: string, patch: Updateable<TasksTable>) =>
  db.updateTable('tasks').set(patch).where('id', '=', id).execute();

/** Changes an open task only: a complete or snooze racing another complete changes nothing. */
export const updateOpen = async (db: DbOrTrx, id: string, patch: Updateable<TasksTable>) =>
  Number((await db.updateTable('tasks').set(patch).where('id', '=', id).where('status', '=', 'open').executeTakeFirst()).numUpdatedRows) >
  0;

/** Claims up to `limit` due popups, oldest first: each (task, alert time) is claimed by exactly one
 * caller, whatever the instances. Call it inside the transaction that also pushes them: the rows stay
 * locked until it ends. On PostgreSQL concurrent claimers skip each other's locked rows and take the
 * next ones. Two statements on purpose: PostgreSQL may evaluate a LIMIT … FOR UPDATE subquery of an
 * UPDATE more than once and claim more than `limit` rows. */
export async function claimDueAlerts(db: DbOrTrx, now: string, limit: number) {
  const due = await forUpdate(
    db,
    db
      .selectFrom('tasks')
      .select(['id', 'assigneeId'])
      .where('status', '=', 'open')
      .where('alertAt', '<=', now)
      .where('alertedAt', 'is', null)
      .orderBy('alertAt')
      .orderBy('id')
      .limit(limit),
    { skipLocked: true },
  ).execute();
  if (due.length === 0) return [];
  await db
    .updateTable('tasks')
    .set({ alertedAt: now })
    .where(
      'id',
      'in',
      due.map((r) => r.id),
    )
    .execute();
  return due;
}

/** The open reminder task of an event (at most one: changes to it run under the event's row lock). */
export const findOpenEventReminder = (db: DbOrTrx, eventId: string) =>
  db
    .selectFrom('tasks')
    .leftJoin('users as a', 'a.id', 'tasks.assigneeId')
    .selectAll('tasks')
    .select('a.name as assigneeName')
    .where('tasks.subjectType', '=', 'event')
    .where('tasks.subjectId', '=', eventId)
    .where('tasks.source', '=', 'eventReminder')
    .where('tasks.status', '=', 'open')
    .orderBy('tasks.createdAt', 'desc')
    .executeTakeFirst();
