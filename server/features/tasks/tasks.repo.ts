import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { TasksTable } from '../../db/schema.js';
import { after, decodeCursor } from '../../db/keyset.js';

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

function withSubject(db: DbOrTrx) {
  return db
    .selectFrom('tasks')
    .leftJoin('users as a', 'a.id', 'tasks.assigneeId')
    .leftJoin('events as se', (j) => j.onRef('se.id', '=', 'tasks.subjectId').on('tasks.subjectType', '=', 'event'))
    .leftJoin('counterparties as sc', (j) => j.onRef('sc.id', '=', 'tasks.subjectId').on('tasks.subjectType', '=', 'counterparty'))
    .leftJoin('contactPersons as sp', (j) => j.onRef('sp.id', '=', 'tasks.subjectId').on('tasks.subjectType', '=', 'contactPerson'))
    .selectAll('tasks')
    .select([
      'a.name as assigneeName',
      'se.number as eventNumber',
      'se.subject as eventSubject',
      'sc.name as counterpartyName',
      'sp.lastName as personLastName',
      'sp.firstName as personFirstName',
      'sp.middleName as personMiddleName',
    ]);
}
export type TaskRow = Awaited<ReturnType<typeof findById>> & object;

/** Open tasks sort by due time (none last); done ones by completion, newest first. */
const sortExpr = (status: ListFilter['status']) =>
  status === 'done' ? sql<string>`tasks.completed_at` : sql<string>`coalesce(tasks.due_at, '9999-12-31T00:00:00.000Z')`;

export function list(db: DbOrTrx, f: ListFilter, limit: number, cursor?: string) {
  const dir = f.status === 'done' ? 'desc' : 'asc';
  const key = sortExpr(f.status);
  let q = withSubject(db).where((eb) => {
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
    const c = decodeCursor(cursor, f.status === 'done' ? 'done' : '');
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

export const findById = (db: DbOrTrx, id: string) => withSubject(db).where('tasks.id', '=', id).executeTakeFirst();

/** Reminders whose popup is due now for a user: the truth behind every popup. */
export const dueReminders = (db: DbOrTrx, userId: string, now: string) =>
  withSubject(db)
    .where('tasks.assigneeId', '=', userId)
    .where('tasks.status', '=', 'open')
    .where('tasks.alertAt', '<=', now)
    .orderBy('tasks.alertAt')
    .limit(50)
    .execute();

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

/** Claims due popups: each (task, alert time) is claimed by exactly one caller, whatever the instances. */
export const claimDueAlerts = (db: DbOrTrx, now: string) =>
  db
    .updateTable('tasks')
    .set({ alertedAt: now })
    .where('status', '=', 'open')
    .where('alertAt', '<=', now)
    .where('alertedAt', 'is', null)
    .returning(['id', 'assigneeId'])
    .execute();
