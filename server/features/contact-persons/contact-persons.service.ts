import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { invalidMany, notFound } from '../../errors.js';
import { assertIfMatch } from '../../lib/etag.js';
import { pageOf } from '../../db/keyset.js';
import type { DbOrTrx } from '../../db/database.js';
import type {
  ContactPerson,
  ContactPersonCreate,
  ContactPersonListQuery,
  ContactPersonPatch,
} from '../../../shared/api/contact-persons.js';
import type { ContactInfoInput } from '../../../shared/api/contact-info.js';
import type { Settings } from '../../../shared/api/settings.js';
import { getSettings } from '../settings/settings.service.js';
import * as contactInfo from '../contact-info/contact-info.service.js';
import * as counterparties from '../counterparties/counterparties.service.js';
import * as audit from '../audit/audit.service.js';
import { SEES_ALL, visibilityFor, visibilityOf, type Visibility } from '../access/access.service.js';
import { blankToNull, fullNameOf, personSearchKey, searchKey } from '../../lib/names.js';
import { zonedToday } from '../../lib/time.js';
import { checkBirthday } from './contact-persons.logic.js';
import * as repo from './contact-persons.repo.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findVisible>>>;

function toApi(r: Row, info: ContactPerson['contactInfo']): ContactPerson {
  return {
    id: r.id,
    counterpartyId: r.counterpartyId,
    counterpartyName: r.counterpartyName ?? null,
    lastName: r.lastName,
    firstName: r.firstName,
    middleName: r.middleName,
    fullName: fullNameOf(r),
    position: r.position,
    role: r.role,
    birthday: r.birthday,
    birthdayReminderDays: r.birthdayReminderDays,
    contactInfo: info,
    comment: r.comment,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    archivedAt: r.archivedAt,
  };
}

/** The person if `v` shows it (404 otherwise); `lock` also holds its row to the end of the transaction. */
async function load(db: DbOrTrx, id: string, v: Visibility, opts: { lock?: boolean } = {}) {
  const row = await (opts.lock ? repo.findVisibleForUpdate : repo.findVisible)(db, id, v);
  if (!row) throw notFound('Contact person');
  const info = await contactInfo.loadFor(db, 'contactPersonId', [id]);
  return toApi(row, info.get(id) ?? []);
}

export async function list(deps: Deps, actor: Actor, query: ContactPersonListQuery) {
  const v = await visibilityFor(deps, actor);
  const limit = query.limit ?? 50;
  const q = query.q?.trim();
  const rows = await repo.list(
    deps.db,
    {
      visibility: v,
      counterpartyId: query.counterpartyId,
      individuals: query.individuals,
      q: q ? searchKey(q) : undefined,
      archived: query.archived ?? 'active',
    },
    limit,
    query.cursor,
  );
  const page = pageOf(rows, limit, (r) => [r.nameSearch, r.id]);
  const info = await contactInfo.loadFor(
    deps.db,
    'contactPersonId',
    page.items.map((r) => r.id),
  );
  return { items: page.items.map((r) => toApi(r, info.get(r.id) ?? [])), nextCursor: page.nextCursor };
}

export async function get(deps: Deps, actor: Actor, id: string) {
  return load(deps.db, id, await visibilityFor(deps, actor));
}

function snapshot(p: ContactPerson) {
  const { counterpartyName: _n, createdAt: _c, updatedAt: _u, fullName: _f, ...rest } = p;
  return { ...rest, contactInfo: p.contactInfo.map(({ kind, value, comment }) => ({ kind, value, comment })) };
}

type Fields = {
  counterpartyId: string | null;
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  position: string | null;
  role: string | null;
  birthday: string | null;
  birthdayReminderDays: number | null;
  comment: string | null;
};

/**
 * Every problem of a card at once — the last name, the birthday, the counterparty, each contact
 * information entry — in one 400, so the user fixes them in one go. Returns the normalised contact
 * information (empty when none was sent).
 */
async function validate(deps: Deps, actor: Actor, f: Fields, s: Settings, info: ContactInfoInput[] = []) {
  const errors = checkBirthday(f.birthday, zonedToday(deps.clock.now(), s.timeZone));
  if (!f.lastName) errors.unshift({ field: 'lastName', code: 'required', message: 'is required' });
  // The counterparty must exist and be visible to the user (no linking to hidden cards).
  if (f.counterpartyId && !(await counterparties.isVisible(deps, actor, f.counterpartyId))) {
    errors.push({ field: 'counterpartyId', code: 'counterparty_not_found', message: 'no such counterparty' });
  }
  const ci = contactInfo.check(info, s.defaultPhoneRegion);
  errors.push(...ci.errors);
  if (errors.length) throw invalidMany(errors);
  return ci.entries;
}

function fieldsFrom(input: ContactPersonPatch, base: Fields): Fields {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each field's cleaner takes that field's input type
  const pick = <K extends keyof Fields>(k: K, clean: (v: any) => Fields[K]) => (input[k] === undefined ? base[k] : clean(input[k]));
  return {
    counterpartyId: pick('counterpartyId', (v) => v ?? null),
    lastName: pick('lastName', (v) => String(v).trim()),
    firstName: pick('firstName', blankToNull),
    middleName: pick('middleName', blankToNull),
    position: pick('position', blankToNull),
    role: pick('role', blankToNull),
    birthday: pick('birthday', (v) => v ?? null),
    birthdayReminderDays: pick('birthdayReminderDays', (v) => v ?? null),
    comment: pick('comment', blankToNull),
  };
}

const EMPTY: Fields = {
  counterpartyId: null,
  lastName: '',
  firstName: null,
  middleName: null,
  position: null,
  role: null,
  birthday: null,
  birthdayReminderDays: null,
  comment: null,
};

export async function create(deps: Deps, actor: Actor, input: ContactPersonCreate) {
  const s = await getSettings(deps);
  const f = fieldsFrom(input, EMPTY);
  const entries = await validate(deps, actor, f, s, input.contactInfo);
  const now = deps.clock.now().toISOString();
  const id = newId();
  return deps.db.transaction().execute(async (trx) => {
    await repo.insert(trx, {
      id,
      ...f,
      nameSearch: personSearchKey(f),
      createdAt: now,
      createdBy: actor.id,
      updatedAt: now,
      updatedBy: actor.id,
      archivedAt: null,
    });
    await contactInfo.replace(trx, { contactPersonId: id }, entries);
    const created = await load(trx, id, SEES_ALL);
    await audit.record(
      trx,
      { entityType: 'contactPerson', entityId: id, action: 'create', userId: actor.id, at: now },
      null,
      snapshot(created),
    );
    return created;
  });
}

/** Read, merge, check and write in one transaction with the person's row locked: two edits of
 * different fields made at the same time both survive (the second waits and merges into the
 * first's result). The counterparty is checked on the transaction too; an error writes nothing. */
export async function update(deps: Deps, actor: Actor, id: string, patch: ContactPersonPatch, ifMatch?: string) {
  const s = await getSettings(deps);
  const v = visibilityOf(s, actor);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await load(trx, id, v, { lock: true });
    assertIfMatch(ifMatch, before);
    const f = fieldsFrom(patch, before);
    const entries = await validate({ ...deps, db: trx }, actor, f, s, patch.contactInfo);
    await repo.update(trx, id, { ...f, nameSearch: personSearchKey(f), updatedAt: now, updatedBy: actor.id });
    if (patch.contactInfo) await contactInfo.replace(trx, { contactPersonId: id }, entries);
    const after = await load(trx, id, SEES_ALL);
    await audit.record(
      trx,
      { entityType: 'contactPerson', entityId: id, action: 'update', userId: actor.id, at: now },
      snapshot(before),
      snapshot(after),
    );
    return after;
  });
}

export async function setArchived(deps: Deps, actor: Actor, id: string, archived: boolean) {
  const v = await visibilityFor(deps, actor);
  return audit.setArchivedAudited(deps, actor.id, {
    entityType: 'contactPerson',
    id,
    archived,
    snapshot,
    load: (db, visibleOnly) => load(db, id, visibleOnly ? v : SEES_ALL),
    write: (db, patch) => repo.update(db, id, patch),
  });
}

/** For other features: throws 404 unless the actor may see the person. */
export async function assertVisible(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ id: string; counterpartyId: string | null; fullName: string }> {
  const row = await repo.findVisible(deps.db, id, await visibilityFor(deps, actor));
  if (!row) throw notFound('Contact person');
  return { id: row.id, counterpartyId: row.counterpartyId, fullName: fullNameOf(row) };
}
