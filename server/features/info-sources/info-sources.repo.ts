import type { DbOrTrx } from '../../db/database.js';

export const list = (db: DbOrTrx) => db.selectFrom('infoSources').selectAll().orderBy('position').orderBy('name').execute();

export const find = (db: DbOrTrx, id: string) => db.selectFrom('infoSources').selectAll().where('id', '=', id).executeTakeFirst();

export const maxPosition = async (db: DbOrTrx) =>
  Number(
    (
      await db
        .selectFrom('infoSources')
        .select((eb) => eb.fn.max('position').as('m'))
        .executeTakeFirst()
    )?.m ?? -1,
  );

export const insert = (db: DbOrTrx, row: { id: string; name: string; position: number; createdAt: string }) =>
  db
    .insertInto('infoSources')
    .values({ ...row, archivedAt: null })
    .execute();

export const update = (db: DbOrTrx, id: string, patch: { name?: string; archivedAt?: string | null }) =>
  db.updateTable('infoSources').set(patch).where('id', '=', id).execute();
