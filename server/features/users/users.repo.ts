import { sql, type Selectable, type Updateable, type Insertable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { UsersTable } from '../../db/schema.js';
import { after, decodeCursor } from '../../db/keyset.js';

export type UserRow = Selectable<UsersTable>;

export const insertUser = (db: DbOrTrx, row: Insertable<UsersTable>) => db.insertInto('users').values(row).execute();

export const findUser = (db: DbOrTrx, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

/** Every user, for server-side needs (their languages): the API's list is paged. */
export const allUsers = (db: DbOrTrx) => db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();

/** A page of users by name, one more than `limit` to tell whether another page follows. */
export function listUsers(db: DbOrTrx, limit: number, cursor?: string) {
  let q = db.selectFrom('users').selectAll();
  if (cursor) {
    const c = decodeCursor(cursor);
    q = q.where((eb) => after(eb, sql.ref('users.name'), sql.ref('users.id'), 'asc', c));
  }
  return q
    .orderBy('name')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

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
