import type { DbOrTrx } from '../../db/database.js';

export const insertEntry = (
  db: DbOrTrx,
  row: { id: string; entityType: string; entityId: string; action: string; userId: string | null; at: string; changes: string | null },
) => db.insertInto('auditLog').values(row).execute();

export const listForEntity = (db: DbOrTrx, entityType: string, entityId: string) =>
  db
    .selectFrom('auditLog')
    .leftJoin('users', 'users.id', 'auditLog.userId')
    .select(['auditLog.id', 'auditLog.action', 'auditLog.at', 'auditLog.changes', 'auditLog.userId', 'users.name as userName'])
    .where('entityType', '=', entityType)
    .where('entityId', '=', entityId)
    .orderBy('auditLog.at', 'desc')
    .orderBy('auditLog.id', 'desc')
    .limit(200)
    .execute();
