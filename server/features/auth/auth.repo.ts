import type { DbOrTrx } from '../../db/database.js';

export const findUserByEmail = (db: DbOrTrx, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const countUsers = async (db: DbOrTrx) =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The record of checked and failed sign-ins (the throttle's decisions use login_throttle_*). */
export const recordFailure = (db: DbOrTrx, row: { id: string; email: string; ip: string; at: string }) =>
  db.insertInto('loginAttempts').values(row).execute();

export const clearFailures = (db: DbOrTrx, email: string) => db.deleteFrom('loginAttempts').where('email', '=', email).execute();
