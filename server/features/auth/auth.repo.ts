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

export const recordFailure = (db: DbOrTrx, row: { id: string; email: string; ip: string; at: string }) =>
  db.insertInto('loginAttempts').values(row).execute();

export async function countFailures(db: DbOrTrx, email: string, ip: string, since: string) {
  const [byEmail, byIp] = await Promise.all([
    db
      .selectFrom('loginAttempts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('email', '=', email)
      .where('at', '>', since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('loginAttempts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('ip', '=', ip)
      .where('at', '>', since)
      .executeTakeFirstOrThrow(),
  ]);
  return { byEmail: Number(byEmail.n), byIp: Number(byIp.n) };
}

export const clearFailures = (db: DbOrTrx, email: string) => db.deleteFrom('loginAttempts').where('email', '=', email).execute();
