import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { EventsTable } from '../../db/schema.js';
import { after, containsPattern, decodeCursor } from '../../db/keyset.js';
import { eventVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';

const ALIASES = { event: 'events', cp: 'cp' };

export interface Filter {
  visibility: Visibility;
  counterpartyId?: string;
  contactPersonId?: string;
  startFrom?: string;
  startTo?: string;
  kind?: string;
  importance?: string;
  state?: string;
  responsibleUserId?: string;
  infoSourceId?: string;
  direction?: string;
  q?: string;
  archived: 'active' | 'archived' | 'all';
}

function base(db: DbOrTrx) {
  return db
    .selectFrom('events')
    .leftJoin('counterparties as cp', 'cp.id', 'events.counterpartyId')
    .leftJoin('contactPersons as p', 'p.id', 'events.contactPersonId')
    .leftJoin('infoSources as s', 's.id', 'events.infoSourceId')
    .leftJoin('users as r', 'r.id', 'events.responsibleUserId')
    .leftJoin('users as a', 'a.id', 'events.createdBy')
    .leftJoin('events as be', (j) => j.onRef('be.id', '=', 'events.basisId').on('events.basisType', '=', 'event'))
    .selectAll('events')
    .select([
      'cp.name as counterpartyName',
      'p.lastName as personLastName',
      'p.firstName as personFirstName',
      'p.middleName as personMiddleName',
      's.name as infoSourceName',
      'r.name as responsibleUserName',
      'a.name as authorName',
      'be.number as basisNumber',
      'be.subject as basisSubject',
    ]);
}

function filtered(db: DbOrTrx, f: Filter) {
  return base(db).where((eb) => {
    const c: Expression<SqlBool>[] = [eventVisible(eb, f.visibility, ALIASES)];
    if (f.archived === 'active') c.push(eb('events.archivedAt', 'is', null));
    if (f.archived === 'archived') c.push(eb('events.archivedAt', 'is not', null));
    if (f.counterpartyId) c.push(eb('events.counterpartyId', '=', f.counterpartyId));
    if (f.contactPersonId) c.push(eb('events.contactPersonId', '=', f.contactPersonId));
    if (f.startFrom) c.push(eb('events.startAt', '>=', f.startFrom));
    if (f.startTo) c.push(eb('events.startAt', '<', f.startTo));
    if (f.kind) c.push(eb('events.kind', '=', f.kind as EventsTable['kind']));
    if (f.importance) c.push(eb('events.importance', '=', f.importance as EventsTable['importance']));
    if (f.state) c.push(eb('events.state', '=', f.state as EventsTable['state']));
    if (f.direction) c.push(eb('events.direction', '=', f.direction as 'incoming'));
    if (f.responsibleUserId) c.push(eb('events.responsibleUserId', '=', f.responsibleUserId));
    if (f.infoSourceId) c.push(eb('events.infoSourceId', '=', f.infoSourceId));
    if (f.q) c.push(sql<SqlBool>`events.subject_search like ${containsPattern(f.q)} escape '\\'`);
    return eb.and(c);
  });
}

export type EventRow = NonNullable<Awaited<ReturnType<typeof findVisible>>>;

/** Newest first, keyset-paged on (start_at, id). */
export function list(db: DbOrTrx, f: Filter, limit: number, cursor?: string) {
  let q = filtered(db, f);
  if (cursor) {
    const c = decodeCursor(cursor);
    q = q.where((eb) => after(eb, sql.ref('events.start_at'), sql.ref('events.id'), 'desc', c));
  }
  return q
    .orderBy('events.startAt', 'desc')
    .orderBy('events.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** All matching events for a report, oldest first, capped. */
export const forReport = (db: DbOrTrx, f: Filter, cap: number) =>
  filtered(db, f)
    .orderBy('events.startAt')
    .orderBy('events.id')
    .limit(cap + 1)
    .execute();

export const findVisible = (db: DbOrTrx, id: string, v: Visibility) =>
  base(db)
    .where('events.id', '=', id)
    .where((eb) => eventVisible(eb, v, ALIASES))
    .executeTakeFirst();

/** Events created based on this one (visible ones only). */
export const basedOn = (db: DbOrTrx, type: string, id: string, v: Visibility) =>
  base(db)
    .where('events.basisType', '=', type)
    .where('events.basisId', '=', id)
    .where((eb) => eventVisible(eb, v, ALIASES))
    .orderBy('events.startAt')
    .limit(200)
    .execute();

export const insert = (db: DbOrTrx, row: Insertable<EventsTable>) => db.insertInto('events').values(row).execute();

export const update = (db: DbOrTrx, id: string, patch: Updateable<EventsTable>) =>
  db.updateTable('events').set(patch).where('id', '=', id).execute();
