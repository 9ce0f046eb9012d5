import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { EventsTable } from '../../db/schema.js';
import { after, decodeCursor } from '../../db/keyset.js';
import { containsText } from '../../db/substring-search.js';
import { forUpdate } from '../../db/dialect.js';
import { eventVisible, personVisible, type AnyEb } from '../access/access.repo.js';
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

/** Events with the names of what they link to. The contact person's name and the basis event's
 * number and subject are selected only when `v` (the viewer's visibility) shows that record: the
 * link stays (a click is a 404), its title is null. The event's own counterparty is visible
 * whenever the event is. */
function base(db: DbOrTrx, v: Visibility) {
  return db
    .selectFrom('events')
    .leftJoin('counterparties as cp', 'cp.id', 'events.counterpartyId')
    .leftJoin('contactPersons as p', 'p.id', 'events.contactPersonId')
    .leftJoin('counterparties as pcp', 'pcp.id', 'p.counterpartyId')
    .leftJoin('infoSources as s', 's.id', 'events.infoSourceId')
    .leftJoin('users as r', 'r.id', 'events.responsibleUserId')
    .leftJoin('users as a', 'a.id', 'events.createdBy')
    .leftJoin('events as be', (j) => j.onRef('be.id', '=', 'events.basisId').on('events.basisType', '=', 'event'))
    .leftJoin('counterparties as bcp', 'bcp.id', 'be.counterpartyId')
    .selectAll('events')
    .select((eb) => {
      const person = personVisible(eb, v, { person: 'p', cp: 'pcp' });
      const basis = eventVisible(eb, v, { event: 'be', cp: 'bcp' });
      return [
        'cp.name as counterpartyName',
        eb.case().when(person).then(eb.ref('p.lastName')).end().as('personLastName'),
        eb.case().when(person).then(eb.ref('p.firstName')).end().as('personFirstName'),
        eb.case().when(person).then(eb.ref('p.middleName')).end().as('personMiddleName'),
        's.name as infoSourceName',
        'r.name as responsibleUserName',
        'a.name as authorName',
        eb.case().when(basis).then(eb.ref('be.number')).end().as('basisNumber'),
        eb.case().when(basis).then(eb.ref('be.subject')).end().as('basisSubject'),
      ];
    });
}

/** The filter's conditions on `events` (joined to its counterparty as `cp`), the journal's and the
 * events report's alike; `subject` is the subject search condition the caller made. */
export function filterConditions(eb: AnyEb, f: Filter, subject?: Expression<SqlBool>): Expression<SqlBool>[] {
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
  if (subject) c.push(subject);
  return c;
}

/** The filter's conditions; `subject` is the subject search made beforehand by `containsText`. */
async function filtered(db: DbOrTrx, f: Filter) {
  const subject = f.q ? await containsText(db, 'events', 'events', f.q) : undefined;
  return base(db, f.visibility).where((eb) => eb.and(filterConditions(eb, f, subject)));
}

export type EventRow = NonNullable<Awaited<ReturnType<typeof findVisible>>>;

/** Newest first, keyset-paged on (start_at, id). */
export async function list(db: DbOrTrx, f: Filter, limit: number, cursor?: string) {
  let q = await filtered(db, f);
  if (cursor) {
    const c = decodeCursor(cursor, '', 'instant');
    q = q.where((eb) => after(eb, sql.ref('events.start_at'), sql.ref('events.id'), 'desc', c));
  }
  return q
    .orderBy('events.startAt', 'desc')
    .orderBy('events.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** All matching events for a report, oldest first, capped. */
export const forReport = async (db: DbOrTrx, f: Filter, cap: number) =>
  (await filtered(db, f))
    .orderBy('events.startAt')
    .orderBy('events.id')
    .limit(cap + 1)
    .execute();

export const findVisible = (db: DbOrTrx, id: string, v: Visibility) =>
  base(db, v)
    .where('events.id', '=', id)
    .where((eb) => eventVisible(eb, v, ALIASES))
    .executeTakeFirst();

/** findVisible that also locks the event's row until the end of the transaction (read-merge-write). */
export const findVisibleForUpdate = (db: DbOrTrx, id: string, v: Visibility) =>
  forUpdate(
    db,
    base(db, v)
      .where('events.id', '=', id)
      .where((eb) => eventVisible(eb, v, ALIASES)),
    { of: 'events' },
  ).executeTakeFirst();

/** The event whoever may see it (a re-read after a write), with titles as `titles` shows them. */
export const findById = (db: DbOrTrx, id: string, titles: Visibility) => base(db, titles).where('events.id', '=', id).executeTakeFirst();

/** Events created based on this one (visible ones only). */
export const basedOn = (db: DbOrTrx, type: string, id: string, v: Visibility) =>
  base(db, v)
    .where('events.basisType', '=', type)
    .where('events.basisId', '=', id)
    .where((eb) => eventVisible(eb, v, ALIASES))
    .orderBy('events.startAt')
    .limit(200)
    .execute();

/** The event another event was based on (null: none or not an event), for walking a basis chain. */
export async function basisEventOf(db: DbOrTrx, id: string): Promise<string | null> {
  const r = await db.selectFrom('events').select(['basisType', 'basisId']).where('id', '=', id).executeTakeFirst();
  return r?.basisType === 'event' ? r.basisId : null;
}

export const insert = (db: DbOrTrx, row: Insertable<EventsTable>) => db.insertInto('events').values(row).execute();

export const update = (db: DbOrTrx, id: string, patch: Updateable<EventsTable>) =>
  db.updateTable('events').set(patch).where('id', '=', id).execute();
