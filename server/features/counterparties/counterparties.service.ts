import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { blankToNull, searchKey } from '../../lib/names.js';
import { newId } from '../../lib/ids.js';
import { conflict, invalidMany, notFound, type ErrorDetail } from '../../errors.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { assertIfMatch } from '../../lib/etag.js';
import { pageOf } from '../../db/keyset.js';
import type { DbOrTrx } from '../../db/database.js';
import type {
  Counterparty,
  CounterpartyCreate,
  CounterpartyKind,
  CounterpartyListQuery,
  CounterpartyPatch,
} from '../../../shared/api/counterparties.js';
import type { ContactInfoInput, ContactInfoKind } from '../../../shared/api/contact-info.js';
import { getSettings } from '../settings/settings.service.js';
import * as contactInfo from '../contact-info/contact-info.service.js';
import * as audit from '../audit/audit.service.js';
import * as webhooks from '../webhooks/webhooks.service.js';
import { isActiveUser } from '../users/users.service.js';
import { SEES_ALL, seesCounterparty, visibilityFor, visibilityOf, type Visibility } from '../access/access.service.js';
import { checkRequisites, searchPlan } from './counterparties.logic.js';
import * as repo from './counterparties.repo.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findVisible>>>;

/** Also the payload of the import's webhooks: the same shape as the card's own events. */
export function toApi(r: Row, info: Counterparty['contactInfo']): Counterparty {
  return {
    id: r.id,
    name: r.name,
    fullName: r.fullName,
    kind: r.kind,
    inn: r.inn,
    kpp: r.kpp,
    isCustomer: !!r.isCustomer,
    isSupplier: !!r.isSupplier,
    responsibleUserId: r.responsibleUserId,
    responsibleUserName: r.responsibleUserName ?? null,
    comment: r.comment,
    contactInfo: info,
    abcClass: (r.abcClass as Counterparty['abcClass']) ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    archivedAt: r.archivedAt,
  };
}

export async function list(deps: Deps, actor: Actor, query: CounterpartyListQuery) {
  const s = await getSettings(deps);
  const visibility = visibilityOf(s, actor);
  const text = query.q?.trim();
  const filter: repo.ListFilter = {
    visibility,
    archived: query.archived ?? 'active',
    responsibleUserId: query.responsibleUserId === 'me' ? actor.id : query.responsibleUserId,
    isCustomer: query.isCustomer,
    isSupplier: query.isSupplier,
    abcClass: query.abcClass,
    q: text ? searchPlan(text, contactInfo.phoneSearchOf(text, s.defaultPhoneRegion)) : undefined,
  };
  const sortParam = query.sort ?? 'name';
  const dir = sortParam.startsWith('-') ? 'desc' : 'asc';
  const sort = sortParam.replace('-', '') as repo.SortKey;
  const limit = query.limit ?? 50;
  const rows = await repo.list(deps.db, filter, sort, dir, limit, query.cursor);
  const page = pageOf(rows, limit, (r) => [repo.sortValueOf(r, sort), r.id], sort);
  const info = await contactInfo.loadFor(
    deps.db,
    'counterpartyId',
    page.items.map((r) => r.id),
  );
  return { items: page.items.map((r) => toApi(r, info.get(r.id) ?? [])), nextCursor: page.nextCursor };
}

async function load(db: DbOrTrx, id: string, v: Visibility, opts: { lock?: boolean } = {}): Promise<Counterparty> {
  const row = await (opts.lock ? repo.findVisibleForUpdate : repo.findVisible)(db, id, v);
  if (!row) throw notFound('Counterparty');
  const info = await contactInfo.loadFor(db, 'counterpartyId', [id]);
  return toApi(row, info.get(id) ?? []);
}

export async function get(deps: Deps, actor: Actor, id: string): Promise<Counterparty> {
  const rows = await repo.findVisibleWithContactInfo(deps.db, id, await visibilityFor(deps, actor));
  if (rows.length === 0) throw notFound('Counterparty');
  const { ciId: _i, ciKind: _k, ciValue: _v, ciComment: _c, ciNormalized: _n, ...row } = rows[0];
  const info = rows
    .filter((r) => r.ciId !== null)
    .map((r) => ({
      id: r.ciId!,
      kind: r.ciKind as ContactInfoKind,
      value: r.ciValue!,
      comment: r.ciComment,
      normalized: r.ciNormalized,
    }));
  return toApi(row, info);
}

/** For other features: throws 404 unless the actor may see the counterparty. */
export async function assertVisible(deps: Deps, actor: Actor, id: string): Promise<{ id: string; name: string }> {
  const row = await repo.findVisible(deps.db, id, await visibilityFor(deps, actor));
  if (!row) throw notFound('Counterparty');
  return { id: row.id, name: row.name };
}

/** For other features' checks: whether the actor may see the counterparty (a hidden one is "not found"). */
export async function isVisible(deps: Deps, actor: Actor, id: string): Promise<boolean> {
  return !!(await repo.findVisible(deps.db, id, await visibilityFor(deps, actor)));
}

function snapshot(c: Counterparty) {
  const { responsibleUserName: _n, createdAt: _c, updatedAt: _u, ...rest } = c;
  return { ...rest, contactInfo: c.contactInfo.map(({ kind, value, comment }) => ({ kind, value, comment })) };
}

const innTaken = (inn: string, holder: string | null) => {
  const whom = holder ? `"${holder}"` : 'another counterparty';
  return conflict(`INN ${inn} already belongs to ${whom}`, [{ field: 'inn', code: 'inn_taken', message: `already belongs to ${whom}` }]);
};

/** The holder is named only to a user who may see it: an INN must not reveal hidden clients. */
async function innHolder(db: DbOrTrx, inn: string | null, exceptId: string | null, v: Visibility) {
  if (!inn) return undefined;
  const other = await repo.findActiveByInn(db, inn, exceptId);
  if (!other) return undefined;
  return seesCounterparty(v, other.responsibleUserId) ? other.name : null;
}

async function assertInnFree(db: DbOrTrx, inn: string | null, exceptId: string | null, v: Visibility) {
  const holder = await innHolder(db, inn, exceptId, v);
  if (holder !== undefined) throw innTaken(inn!, holder);
}

interface Checked {
  /** The card's id when it exists (its own INN is not "taken"). */
  id: string | null;
  name: string;
  kind: CounterpartyKind;
  inn: string | null;
  /** Whether the INN must not belong to another active card (a new or changed INN of an active card). */
  uniqueInn: boolean;
  kpp: string | null;
  /** A responsible user being set; null: none to check. */
  responsibleUserId: string | null;
}

/**
 * Every problem of a card at once — the name, the requisites, each contact information entry, the
 * responsible user, an INN another card has — in one 400, so the user fixes them in one go. An INN
 * taken when nothing else is wrong stays a 409 conflict. Returns the normalised contact information.
 */
async function checkAll(db: DbOrTrx, v: Visibility, region: string, f: Checked, info: ContactInfoInput[]) {
  const errors: ErrorDetail[] = [];
  if (!f.name) errors.push({ field: 'name', code: 'required', message: 'is required' });
  errors.push(...checkRequisites(f.kind, f.inn, f.kpp));
  const ci = contactInfo.check(info, region);
  errors.push(...ci.errors);
  if (f.responsibleUserId && !(await isActiveUser(db, f.responsibleUserId))) {
    errors.push({ field: 'responsibleUserId', code: 'user_not_found', message: 'no such active user' });
  }
  const checkInn = f.uniqueInn && !errors.some((e) => e.field === 'inn');
  const holder = checkInn ? await innHolder(db, f.inn, f.id, v) : undefined;
  if (holder !== undefined && errors.length) errors.push(innTaken(f.inn!, holder).details[0]);
  if (errors.length) throw invalidMany(errors);
  if (holder !== undefined) throw innTaken(f.inn!, holder);
  return ci.entries;
}

export async function create(deps: Deps, actor: Actor, input: CounterpartyCreate): Promise<Counterparty> {
  const s = await getSettings(deps);
  const v = visibilityOf(s, actor);
  const kind = input.kind ?? 'legalEntity';
  const inn = blankToNull(input.inn);
  const kpp = blankToNull(input.kpp);
  const name = input.name.trim();
  const responsibleUserId = input.responsibleUserId === undefined ? actor.id : input.responsibleUserId;
  const now = deps.clock.now().toISOString();
  const id = newId();
  return deps.db.transaction().execute(async (trx) => {
    const fields = { id: null, name, kind, inn, kpp, uniqueInn: true, responsibleUserId };
    const entries = await checkAll(trx, v, s.defaultPhoneRegion, fields, input.contactInfo ?? []);
    try {
      await repo.insert(trx, {
        id,
        name,
        nameSearch: searchKey(name),
        fullName: blankToNull(input.fullName),
        kind,
        inn,
        kpp,
        isCustomer: input.isCustomer === false ? 0 : 1,
        isSupplier: input.isSupplier ? 1 : 0,
        responsibleUserId,
        comment: blankToNull(input.comment),
        abcClass: null,
        createdAt: now,
        createdBy: actor.id,
        updatedAt: now,
        updatedBy: actor.id,
        archivedAt: null,
      });
    } catch (err) {
      // A racing insert won: PostgreSQL has aborted this transaction, so answer without another query.
      if (isUniqueViolation(err) && inn) throw innTaken(inn, null);
      throw err;
    }
    await contactInfo.replace(trx, { counterpartyId: id }, entries);
    const created = await load(trx, id, SEES_ALL);
    await audit.record(
      trx,
      { entityType: 'counterparty', entityId: id, action: 'create', userId: actor.id, at: now },
      null,
      snapshot(created),
    );
    await webhooks.enqueue(trx, 'counterparty.created', created, now);
    return created;
  });
}

export async function update(deps: Deps, actor: Actor, id: string, patch: CounterpartyPatch, ifMatch?: string): Promise<Counterparty> {
  const s = await getSettings(deps);
  const v = await visibilityFor(deps, actor);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    // Read with the access rule first: a hidden record is 404 and nothing is written. The row stays
    // locked, so the If-Match check and the write see the same version.
    const before = await load(trx, id, v, { lock: true });
    assertIfMatch(ifMatch, before);
    const kind = patch.kind ?? before.kind;
    const inn = patch.inn === undefined ? before.inn : blankToNull(patch.inn);
    const kpp = patch.kpp === undefined ? (kind === 'legalEntity' ? before.kpp : null) : blankToNull(patch.kpp);
    const name = patch.name === undefined ? before.name : patch.name.trim();
    // The INN is checked against the others only when it changes on an active card.
    const uniqueInn = inn !== before.inn && before.archivedAt === null;
    const fields = { id, name, kind, inn, kpp, uniqueInn, responsibleUserId: patch.responsibleUserId ?? null };
    const entries = await checkAll(trx, v, s.defaultPhoneRegion, fields, patch.contactInfo ?? []);
    try {
      await repo.update(trx, id, {
        name,
        nameSearch: searchKey(name),
        kind,
        inn,
        kpp,
        ...(patch.fullName !== undefined && { fullName: blankToNull(patch.fullName) }),
        ...(patch.isCustomer !== undefined && { isCustomer: patch.isCustomer ? 1 : 0 }),
        ...(patch.isSupplier !== undefined && { isSupplier: patch.isSupplier ? 1 : 0 }),
        ...(patch.responsibleUserId !== undefined && { responsibleUserId: patch.responsibleUserId }),
        ...(patch.comment !== undefined && { comment: blankToNull(patch.comment) }),
        updatedAt: now,
        updatedBy: actor.id,
      });
    } catch (err) {
      if (isUniqueViolation(err) && inn) throw innTaken(inn, null);
      throw err;
    }
    if (patch.contactInfo) await contactInfo.replace(trx, { counterpartyId: id }, entries);
    const after = await load(trx, id, SEES_ALL);
    await audit.record(
      trx,
      { entityType: 'counterparty', entityId: id, action: 'update', userId: actor.id, at: now },
      snapshot(before),
      snapshot(after),
    );
    await webhooks.enqueue(trx, 'counterparty.updated', after, now);
    return after;
  });
}

export async function setArchived(deps: Deps, actor: Actor, id: string, archived: boolean): Promise<Counterparty> {
  const v = await visibilityFor(deps, actor);
  return audit.setArchivedAudited(deps, actor.id, {
    entityType: 'counterparty',
    id,
    archived,
    snapshot,
    load: (db, visibleOnly) => load(db, id, visibleOnly ? v : SEES_ALL),
    write: (db, patch) => repo.update(db, id, patch),
    // Restoring must not create a second active card with the same INN.
    beforeRestore: (db, before) => assertInnFree(db, before.inn, id, v),
  });
}

export async function history(deps: Deps, actor: Actor, id: string) {
  await assertVisible(deps, actor, id);
  return audit.history(deps.db, 'counterparty', id);
}
