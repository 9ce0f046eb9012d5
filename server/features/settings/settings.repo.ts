import type { DbOrTrx } from '../../db/database.js';

export const readAll = (db: DbOrTrx) => db.selectFrom('settings').select(['key', 'value']).execute();

export const upsert = (db: DbOrTrx, key: string, value: string, at: string, by: string | null) =>
  db
    .insertInto('settings')
    .values({ key, value, updatedAt: at, updatedBy: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: at, updatedBy: by }))
    .execute();
