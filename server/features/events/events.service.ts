import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { invalid, invalidMany, notFound, type ErrorDetail } from '../../errors.js';
import { assertIfMatch } from '../../lib/etag.js';
import { pageOf } from '../../db/keyset.js';
import { nextNumber } from '../../db/numbering.js';
import type { DbOrTrx } from '../../db/database.js';
import type { Event, EventCreate, EventListQuery, EventRelated, EventReminderAnswer, EventUpdate } from '../../../shared/api/events.js';
import { visibilityFor, type Visibility } from '../access/access.service.js';
import { blankToNull, documentTitle, fullNameOrNull, searchKey } from '../../lib/names.js';
import * as counterparties from '../counterparties/counterparties.service.js';
import * as persons from '../contact-persons/contact-persons.service.js';
import * as infoSources from '../info-sources/info-sources.service.js';
import * as tasks from '../tasks/task-creation.service.js';
import * as eventReminder from '../tasks/event-reminder.service.js';
import * as audit from '../audit/audit.service.js';
import * as webhooks from '../webhooks/webhooks.service.js';
import { isActiveUser } from '../users/users.service.js';
import { addDays, toInstant, zonedDayStart } from '../../lib/time.js';
import { checkPersonFits, checkTimes, durationMinutes } from './events.logic.js';
import * as repo from './events.repo.js';

function toApi(r: repo.EventRow): Event {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    direction: r.direction,
    startAt: r.startAt,
    endAt: r.endAt,
    durationMinutes: durationMinutes(r.startAt, r.endAt),
    counterpartyId: r.counterpartyId,
    counterpartyName: r.counterpartyName ?? null,
    contactPersonId: r.contactPersonId,
    contactPersonName: fullNameOrNull({ lastName: r.personLastName, firstName: r.personFirstName, middleName: r.personMiddleName }),
    subject: r.subject,
    description: r.description,
    content: r.content,
    importance: r.importance,
    state: r.state,
    outcome: r.outcome,
    basis:
      r.basisType && r.basisId
        ? {
            type: r.basisType as 'event' | 'order',
            id: r.basisId,
            title: r.basisNumber != null ? documentTitle(r.basisNumber, r.basisSubject) : null,
          }
        : null,
    infoSourceId: r.infoSourceId,
    infoSourceName: r.infoSourceName ?? null,
    responsibleUserId: r.responsibleUserId,
    responsibleUserName: r.responsibleUserName ?? null,
    authorId: r.createdBy,
    authorName: r.authorName ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    archivedAt: r.archivedAt,
  };
}

/** Filters shared by the journal and the events report; dates are days in the user's time zone. */
export function filterOf(
  actor: Actor,
  v: Visibility,
  q: Partial<EventListQuery> & { infoSourceId?: string; direction?: string },
): repo.Filter {
  return {
    visibility: v,
    counterpartyId: q.counterpartyId,
    contactPersonId: q.contactPersonId,
    startFrom: q.from ? zonedDayStart(q.from, actor.timeZone) : undefined,
    startTo: q.to ? zonedDayStart(addDays(q.to, 1), actor.timeZone) : undefined,
    kind: q.kind,
    importance: q.importance,
    state: q.state,
    direction: q.direction,
    responsibleUserId: q.responsibleUserId === 'me' ? actor.id : q.responsibleUserId,
    infoSourceId: q.infoSourceId,
    q: q.q?.trim() ? searchKey(q.q) : undefined,
    archived: q.archived ?? 'active',
  };
}

export async function list(deps: Deps, actor: Actor, q: EventListQuery) {
  const limit = q.limit ?? 50;
  const rows = await repo.list(deps.db, filterOf(actor, await visibilityFor(deps, actor), q), limit, q.cursor);
  const page = pageOf(rows, limit, (r) => [r.startAt, r.id]);
  return { items: page.items.map(toApi), nextCursor: page.nextCursor };
}

/** The event if `v` shows it (404 otherwise); `lock` also holds its row to the end of the transaction. */
async function load(db: DbOrTrx, id: string, v: Visibility, opts: { lock?: boolean } = {}) {
  const r = await (opts.lock ? repo.findVisibleForUpdate : repo.findVisible)(db, id, v);
  if (!r) throw notFound('Event');
  return r;
}

/** Re-reads an event just written, which its writer may no longer see (e.g. another responsible user);
 * the names of what it links to still follow the writer's visibility `titles`. */
async function reread(db: DbOrTrx, id: string, titles: Visibility) {
  const r = await repo.findById(db, id, titles);
  if (!r) throw notFound('Event');
  return r;
}

export async function get(deps: Deps, actor: Actor, id: string) {
  return toApi(await load(deps.db, id, await visibilityFor(deps, actor)));
}

interface Links {
  counterpartyId: string | null;
  contactPersonId: string | null;
  startAt: string;
  endAt: string | null;
  infoSourceId: string | null;
  responsibleUserId: string;
}

/** Checks links the actor may use; fills the counterparty from the contact person when left empty. */
async function resolveLinks(deps: Deps, actor: Actor, l: Links): Promise<Links> {
  const errors: ErrorDetail[] = [...checkTimes(l.startAt, l.endAt)];
  let counterpartyId = l.counterpartyId;
  if (counterpartyId) {
    await counterparties
      .assertVisible(deps, actor, counterpartyId)
      .catch(() => errors.push({ field: 'counterpartyId', code: 'counterparty_not_found', message: 'no such counterparty' }));
  }
  if (l.contactPersonId) {
    const p = await persons.assertVisible(deps, actor, l.contactPersonId).catch(() => null);
    if (!p) errors.push({ field: 'contactPersonId', code: 'contact_person_not_found', message: 'no such contact person' });
    else {
      errors.push(...checkPersonFits(counterpartyId, p.counterpartyId));
      counterpartyId = counterpartyId ?? p.counterpartyId;
    }
  }
  if (l.infoSourceId) await infoSources.assertUsable(deps.db, l.infoSourceId).catch((e) => errors.push(...e.details));
  if (!(await isActiveUser(deps.db, l.responsibleUserId)))
    errors.push({ field: 'responsibleUserId', code: 'user_not_found', message: 'no such active user' });
  if (errors.length) throw invalidMany(errors);
  return { ...l, counterpartyId };
}

/** Basis chains longer than this are not followed further (none is made by hand). */
const MAX_BASIS_DEPTH = 1000;

/** A basis the actor may use: an event they can see; for an existing event `self`, neither itself
 * nor one of the events based on it (directly or down the chain), which would make a cycle. */
async function resolveBasis(db: DbOrTrx, v: Visibility, basis: EventCreate['basis'], self?: string) {
  if (!basis) return null;
  if (basis.type !== 'event') throw invalid('basis.type', 'documents of this type cannot be a basis yet', 'basis_type_unsupported');
  if (!(await repo.findVisible(db, basis.id, v))) throw invalid('basis.id', 'no such event', 'basis_not_found');
  if (self) {
    let cur: string | null = basis.id;
    for (let depth = 0; cur && depth < MAX_BASIS_DEPTH; depth++) {
      if (cur === self) throw invalid('basis.id', 'an event cannot be based on itself or on an event based on it', 'basis_cycle');
      cur = await repo.basisEventOf(db, cur);
    }
  }
  return basis;
}

export async function create(deps: Deps, actor: Actor, input: EventCreate): Promise<Event> {
  const links = await resolveLinks(deps, actor, {
    counterpartyId: input.counterpartyId ?? null,
    contactPersonId: input.contactPersonId ?? null,
    startAt: input.startAt,
    endAt: input.endAt ?? null,
    infoSourceId: input.infoSourceId ?? null,
    responsibleUserId: input.responsibleUserId ?? actor.id,
  });
  const v = await visibilityFor(deps, actor);
  const basis = await resolveBasis(deps.db, v, input.basis);
  const now = deps.clock.now().toISOString();
  const id = newId();
  const subject = input.subject.trim();
  if (!subject) throw invalid('subject', 'is required', 'required');
  const reminder = input.reminder;
  // Besides themselves, a manager may remind the event's responsible user.
  const reminderTask = reminder
    ? await tasks.prepareTask(
        deps,
        actor,
        {
          title: reminder.text?.trim() || subject,
          remindAt: reminder.remindAt,
          dueAt: reminder.dueAt,
          assigneeId: reminder.assigneeId ?? links.responsibleUserId,
          subject: { type: 'event', id },
          source: 'eventReminder',
        },
        { fieldPrefix: 'reminder.', mayAlsoAssign: links.responsibleUserId },
      )
    : null;
  const created = await deps.db.transaction().execute(async (trx) => {
    const number = await nextNumber(trx, 'event');
    await repo.insert(trx, {
      id,
      number,
      kind: input.kind,
      direction: input.direction ?? null,
      ...links,
      startAt: toInstant(links.startAt),
      endAt: toInstant(links.endAt),
      subject,
      subjectSearch: searchKey(subject),
      description: blankToNull(input.description),
      content: blankToNull(input.content),
      importance: input.importance ?? 'normal',
      state: input.state ?? 'planned',
      outcome: input.outcome ?? null,
      basisType: basis?.type ?? null,
      basisId: basis?.id ?? null,
      createdAt: now,
      createdBy: actor.id,
      updatedAt: now,
      updatedBy: actor.id,
      archivedAt: null,
    });
    if (reminderTask) await tasks.insertTask(trx, reminderTask);
    const row = toApi(await reread(trx, id, v));
    await audit.record(trx, { entityType: 'event', entityId: id, action: 'create', userId: actor.id, at: now }, null, snapshot(row));
    await webhooks.enqueue(trx, 'event.created', row, now);
    return row;
  });
  return created;
}

function snapshot(e: Event) {
  const {
    counterpartyName: _a,
    contactPersonName: _b,
    infoSourceName: _c,
    responsibleUserName: _d,
    authorName: _e,
    createdAt: _f,
    updatedAt: _g,
    durationMinutes: _h,
    ...rest
  } = e;
  return rest;
}

/** Read, merge, check and write in one transaction with the event's row locked: two edits of
 * different fields made at the same time both survive (the second waits and merges into the
 * first's result). Links, the basis and the reminder are checked on the transaction too, so an error
 * leaves nothing written. A request with only `reminder` leaves the event's row as it was. */
export async function update(deps: Deps, actor: Actor, id: string, patch: EventUpdate, ifMatch?: string): Promise<Event> {
  const v = await visibilityFor(deps, actor);
  const now = deps.clock.now().toISOString();
  const { reminder, basis: basisPatch, ...fields } = patch;
  const [result, change] = await deps.db.transaction().execute(async (trx) => {
    const before = toApi(await load(trx, id, v, { lock: true }));
    assertIfMatch(ifMatch, before);
    const tx = { ...deps, db: trx };
    const after =
      Object.keys(fields).length > 0 || basisPatch !== undefined
        ? await writeFields(tx, actor, v, before, fields, basisPatch, now)
        : before;
    const change =
      reminder === undefined
        ? null
        : await eventReminder.setEventReminder(
            tx,
            actor,
            { id, subject: after.subject, responsibleUserId: after.responsibleUserId },
            reminder,
          );
    return [after, change] as const;
  });
  await eventReminder.announce(deps, change);
  return result;
}

async function writeFields(
  deps: Deps,
  actor: Actor,
  v: Visibility,
  before: Event,
  patch: Omit<EventUpdate, 'reminder' | 'basis'>,
  basisPatch: EventUpdate['basis'],
  now: string,
): Promise<Event> {
  const trx = deps.db;
  const id = before.id;
  const pick = <K extends keyof typeof patch & keyof Event>(k: K) => (patch[k] === undefined ? before[k] : patch[k]) as Event[K];
  const links = await resolveLinks(deps, actor, {
    counterpartyId: pick('counterpartyId'),
    contactPersonId: pick('contactPersonId'),
    startAt: pick('startAt'),
    endAt: pick('endAt'),
    infoSourceId: pick('infoSourceId'),
    responsibleUserId: pick('responsibleUserId'),
  });
  const subject = pick('subject').trim();
  if (!subject) throw invalid('subject', 'is required', 'required');
  const basis = basisPatch === undefined ? undefined : await resolveBasis(trx, v, basisPatch, id);
  await repo.update(trx, id, {
    ...links,
    startAt: toInstant(links.startAt),
    endAt: toInstant(links.endAt),
    kind: pick('kind'),
    direction: pick('direction'),
    subject,
    subjectSearch: searchKey(subject),
    description: blankToNull(pick('description')),
    content: blankToNull(pick('content')),
    importance: pick('importance'),
    state: pick('state'),
    outcome: pick('outcome'),
    ...(basis !== undefined && { basisType: basis?.type ?? null, basisId: basis?.id ?? null }),
    updatedAt: now,
    updatedBy: actor.id,
  });
  const after = toApi(await reread(trx, id, v));
  await audit.record(
    trx,
    { entityType: 'event', entityId: id, action: 'update', userId: actor.id, at: now },
    snapshot(before),
    snapshot(after),
  );
  return after;
}

/** The event's open reminder (GET /api/events/:id/reminder), when the user may see the event and the task. */
export async function reminderOf(deps: Deps, actor: Actor, id: string): Promise<EventReminderAnswer> {
  await load(deps.db, id, await visibilityFor(deps, actor));
  return { reminder: await eventReminder.reminderOf(deps.db, actor, id) };
}

export async function setArchived(deps: Deps, actor: Actor, id: string, archived: boolean) {
  const v = await visibilityFor(deps, actor);
  return audit.setArchivedAudited(deps, actor.id, {
    entityType: 'event',
    id,
    archived,
    snapshot,
    load: async (db, visibleOnly) => toApi(visibleOnly ? await load(db, id, v) : await reread(db, id, v)),
    write: (db, patch) => repo.update(db, id, patch),
  });
}

/** The event-side links of an event: the event it was based on and the events created based on it.
 * Documents of other kinds are added by documents/related.service.ts (no import cycle with them). */
export async function eventLinks(deps: Deps, actor: Actor, id: string): Promise<EventRelated> {
  const v = await visibilityFor(deps, actor);
  const e = await load(deps.db, id, v);
  const doc = (r: repo.EventRow) => ({ type: 'event' as const, id: r.id, number: r.number, title: r.subject, date: r.startAt });
  const basisRow = e.basisType === 'event' && e.basisId ? await repo.findVisible(deps.db, e.basisId, v) : undefined;
  const children = await repo.basedOn(deps.db, 'event', id, v);
  return { basis: basisRow ? doc(basisRow) : null, documents: children.map(doc) };
}

/** Events matching report filters, oldest first, capped (the caller says whether rows were cut). */
export async function forReport(deps: Deps, actor: Actor, q: Parameters<typeof filterOf>[2], cap: number) {
  const rows = await repo.forReport(deps.db, filterOf(actor, await visibilityFor(deps, actor), q), cap);
  return { events: rows.slice(0, cap).map(toApi), truncated: rows.length > cap };
}

/** For other features: throws 404 unless the actor may see the event. */
export async function assertVisible(deps: Deps, actor: Actor, id: string): Promise<void> {
  await load(deps.db, id, await visibilityFor(deps, actor));
}
