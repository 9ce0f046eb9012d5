import type { DbOrTrx } from '../../db/database.js';

/** The tasks among `ids` whose assignee is active and asked for reminders by e-mail. */
export const mailableTasks = (db: DbOrTrx, ids: string[]) =>
  db
    .selectFrom('tasks')
    .innerJoin('users as u', 'u.id', 'tasks.assigneeId')
    .select([
      'tasks.id',
      'tasks.title',
      'tasks.dueAt',
      'tasks.remindAt',
      'tasks.alertAt',
      'tasks.source',
      'tasks.createdAt',
      'u.email',
      'u.language',
      'u.timeZone',
    ])
    .where('tasks.id', 'in', ids)
    .where('u.emailReminders', '=', 1)
    .where('u.blockedAt', 'is', null)
    .orderBy('tasks.id')
    .execute();
