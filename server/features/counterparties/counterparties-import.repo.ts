import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { AuditLogTable, ContactInfoTable, CounterpartiesTable } from '../../db/schema.js';
import { counterpartyVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';

// Statements stay well under both databases' bound-parameter limits (SQLite 32766, PostgreSQL 65535).
const CHUNK = 500;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

const CARD = [
  'cp.id',
  'cp.name',
  'cp.fullName',
  'cp.kind',
  'cp.inn',
  'cp.kpp',
  'cp.isCustomer',
  'cp.isSupplier',
  'cp.responsibleUserId',
  'cp.comment',
] as const;

export type CardRow = Awaited<ReturnType<typeof activeByInns>>[number];

/** Active cards holding one of the INNs, visible or not: a hidden holder makes the line an error. */
export async function activeByInns(db: DbOrTrx, inns: string[]) {
  const out = [];
  for (const part of chunks(inns))
    out.push(
      ...(await db
        .selectFrom('counterparties as cp')
        .select(CARD)
        .where('cp.archivedAt', 'is', null)
        .where('cp.inn', 'in', part)
        .execute()),
    );
  return out;
}

/** Active cards the importer may see whose exact name is one of `names`. */
export async function activeVisibleByNames(db: DbOrTrx, v: Visibility, names: string[]) {
  const out = [];
  for (const part of chunks(names))
    out.push(
      ...(await db
        .selectFrom('counterparties as cp')
        .select(CARD)
        .where('cp.archivedAt', 'is', null)
        .where('cp.name', 'in', part)
        .where((eb) => counterpartyVisible(eb, v, 'cp'))
        .execute()),
    );
  return out;
}

/** Active users by lower-cased e-mail: «Ответственный» names a user this way. */
export async function activeUsersByEmail(db: DbOrTrx) {
  const rows = await db.selectFrom('users').select(['id', 'email']).where('blockedAt', 'is', null).execute();
  return new Map(rows.map((u) => [u.email.trim().toLowerCase(), u.id]));
}

export async function insertCounterparties(db: DbOrTrx, rows: Insertable<CounterpartiesTable>[]) {
  for (const part of chunks(rows)) await db.insertInto('counterparties').values(part).execute();
}

export async function insertContacts(db: DbOrTrx, rows: Insertable<ContactInfoTable>[]) {
  for (const part of chunks(rows)) await db.insertInto('contactInfo').values(part).execute();
}

export async function insertAudit(db: DbOrTrx, rows: Insertable<AuditLogTable>[]) {
  for (const part of chunks(rows)) await db.insertInto('auditLog').values(part).execute();
}
