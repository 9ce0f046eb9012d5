import type { Selectable, Updateable, Insertable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { UsersTable } from '../../db/schema.js';

export type UserRow = Selectable<UsersTable>;

export const insertUser = (db: DbOrTrx, row: Insertable<UsersTable>) => db.insertInto('users').values(row).execute();

export const findUser = (db: DbOrTrx, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const listUsers = (db: DbOrTrx) => db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();

export const listUserRefs = (db: DbOrTrx) =>
  db.selectFrom('users').select(['id', 'name', 'blockedAt']).orderBy('name').orderBy('id').execute();

export const updateUser = (db: DbOrTrx, id: string, patch: Updateable<UsersTable>) =>
  db.updateTable('users').set(patch).where('id', '=', id).execute();

export const countActiveAdmins = async (db: DbOrTrx) =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('role', '=', 'admin')
        .where('blockedAt', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const userExists = async (db: DbOrTrx, id: string, activeOnly = true) => {
  let q = db.selectFrom('users').select('id').where('id', '=', id);
  if (activeOnly) q = q.where('blockedAt', 'is', null);
  return !!(await q.executeTakeFirst());
};
