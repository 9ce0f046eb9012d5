import type { Deps } from '../../deps.js';
import { isAdmin, type Actor } from '../../lib/actor.js';
import { AppError, conflict, forbidden, invalid, invalidMany, notFound, type ErrorDetail } from '../../errors.js';
import { pageOf } from '../../db/keyset.js';
import { nextNumber } from '../../db/numbering.js';
import { newId } from '../../lib/ids.js';
import { blankToNull, searchKey } from '../../lib/names.js';
import { zonedToday } from '../../lib/time.js';
import { formatMoney } from '../../../shared/money.js';
import {
  ABC_LINES_INLINE,
  type AbcClassification,
  type AbcClassificationCreate,
  type AbcClassificationListQuery,
  type AbcClassificationPatch,
  type AbcHistory,
  type AbcLine,
  type AbcLinesPage,
  type AbcLinesQuery,
} from '../../../shared/api/abc.js';
import { visibilityFor } from '../access/access.service.js';
import * as counterparties from '../counterparties/counterparties.service.js';
import { getSettings } from '../settings/settings.service.js';
import * as audit from '../audit/audit.service.js';
import { classPercentErrors, formatHundredths, monthsOf, percentOf } from './abc.logic.js';
import * as repo from './abc.repo.js';

// Who: an administrator makes, fills, applies and cancels classifications (a head of sales is given
// the administrator role); everybody reads them, a manager only the lines of customers they may see.

export { formatHundredths } from './abc.logic.js';

/** The longest period a classification covers: the XYZ statistic keeps one number per month. */
export const MAX_PERIOD_MONTHS = 120;

export function assertMayClassify(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden('Only an administrator (a head of sales) makes and applies ABC classifications');
}

export const notDraft = () =>
  conflict('The classification has been applied: cancel it first', [{ field: 'state', code: 'abc_not_draft', message: 'not a draft' }]);

export function lineOf(r: repo.LineRow, total: number): AbcLine {
  return {
    position: r.position,
    counterpartyId: r.counterpartyId,
    counterpartyName: r.counterpartyName,
    responsibleUserId: r.responsibleUserId,
    responsibleUserName: r.responsibleUserName,
    amount: formatMoney(r.amount),
    share: percentOf(r.amount, total),
    cumulativeShare: percentOf(r.cumulativeAmount, total),
    abcClass: r.abcClass,
    previousClass: r.previousClass,
    xyzClass: r.xyzClass,
    variation: r.variation === null ? null : formatHundredths(r.variation),
  };
}

export function headOf(d: repo.DocRow) {
  return {
    id: d.id,
    number: d.number,
    date: d.date,
    periodFrom: d.periodFrom,
    periodTo: d.periodTo,
    basis: d.basis,
    classAPercent: d.percentA,
    classBPercent: d.percentB,
    classCPercent: d.percentC,
    state: d.state,
    responsibleUserId: d.responsibleUserId,
    responsibleUserName: d.responsibleUserName,
    comment: d.comment,
    total: formatMoney(d.total),
    customerCount: d.customerCount,
    filledAt: d.filledAt,
    appliedAt: d.appliedAt,
  };
}

async function docOf(deps: Pick<Deps, 'db'>, actor: Actor, d: repo.DocRow): Promise<AbcClassification> {
  const v = await visibilityFor(deps, actor);
  const rows = await repo
    .lines(deps.db, d.id, { visibility: v })
    .limit(ABC_LINES_INLINE + 1)
    .execute();
  return {
    ...headOf(d),
    xyzXPercent: d.xyzPercentX,
    xyzYPercent: d.xyzPercentY,
    autoMonth: d.autoMonth,
    lines: rows.slice(0, ABC_LINES_INLINE).map((r) => lineOf(r, d.total)),
    linesTruncated: rows.length > ABC_LINES_INLINE,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export async function findOrThrow(db: Deps['db'], id: string): Promise<repo.DocRow> {
  const d = await repo.findDoc(db, id);
  if (!d || d.archivedAt) throw notFound('ABC classification');
  return d;
}

export async function get(deps: Deps, actor: Actor, id: string): Promise<AbcClassification> {
  return docOf(deps, actor, await findOrThrow(deps.db, id));
}

export async function list(deps: Deps, actor: Actor, q: AbcClassificationListQuery) {
  const limit = q.limit ?? 50;
  const rows = await repo.listDocs(deps.db, { state: q.state, from: q.from, to: q.to }, limit, q.cursor);
  const page = pageOf(rows, limit, (r) => [r.date, r.id], 'date');
  return { items: page.items.map(headOf), nextCursor: page.nextCursor };
}

interface Head {
  date: string;
  periodFrom: string;
  periodTo: string;
  classAPercent: number;
  classBPercent: number;
  classCPercent: number;
}

const columnsOf = (h: Head) => ({
  date: h.date,
  periodFrom: h.periodFrom,
  periodTo: h.periodTo,
  percentA: h.classAPercent,
  percentB: h.classBPercent,
  percentC: h.classCPercent,
});

/** Everything wrong with a document's parameters, by field. */
export function headErrors(h: Head): ErrorDetail[] {
  const out = classPercentErrors({ a: h.classAPercent, b: h.classBPercent, c: h.classCPercent }, [
    'classAPercent',
    'classBPercent',
    'classCPercent',
  ]);
  if (h.periodFrom > h.periodTo) out.push({ field: 'periodTo', code: 'abc_period_order', message: 'the period ends before it starts' });
  else if (monthsOf(h.periodFrom, h.periodTo).length > MAX_PERIOD_MONTHS)
    out.push({ field: 'periodTo', code: 'abc_period_too_long', message: `the period spans more than ${MAX_PERIOD_MONTHS} months` });
  return out;
}

export async function create(deps: Deps, actor: Actor, input: AbcClassificationCreate): Promise<AbcClassification> {
  assertMayClassify(actor);
  const s = await getSettings(deps);
  const head: Head = {
    date: input.date ?? zonedToday(deps.clock.now(), s.timeZone),
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    classAPercent: input.classAPercent ?? s.abcClassAPercent,
    classBPercent: input.classBPercent ?? s.abcClassBPercent,
    classCPercent: input.classCPercent ?? s.abcClassCPercent,
  };
  const errors = headErrors(head);
  if (errors.length) throw invalidMany(errors);
  const now = deps.clock.now().toISOString();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const row = {
      id,
      number: await nextNumber(trx, 'abc'),
      ...columnsOf(head),
      basis: input.basis ?? s.abcBasis,
      xyzPercentX: s.xyzXPercent,
      xyzPercentY: s.xyzYPercent,
      state: 'draft' as const,
      responsibleUserId: actor.id,
      comment: blankToNull(input.comment),
      total: 0,
      customerCount: 0,
      filledAt: null,
      appliedAt: null,
      autoMonth: null,
      createdAt: now,
      createdBy: actor.id,
      updatedAt: now,
      updatedBy: actor.id,
      archivedAt: null,
    };
    await repo.insertDoc(trx, row);
    await audit.record(trx, { entityType: 'abcClassification', entityId: id, action: 'create', userId: actor.id, at: now }, null, {
      ...head,
    });
  });
  return get(deps, actor, id);
}

export async function patch(deps: Deps, actor: Actor, id: string, input: AbcClassificationPatch): Promise<AbcClassification> {
  assertMayClassify(actor);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const d = await repo.lockDoc(trx, id);
    if (!d || d.archivedAt) throw notFound('ABC classification');
    if (d.state !== 'draft') throw notDraft();
    const head: Head = {
      date: input.date ?? d.date,
      periodFrom: input.periodFrom ?? d.periodFrom,
      periodTo: input.periodTo ?? d.periodTo,
      classAPercent: input.classAPercent ?? d.percentA,
      classBPercent: input.classBPercent ?? d.percentB,
      classCPercent: input.classCPercent ?? d.percentC,
    };
    const errors = headErrors(head);
    if (errors.length) throw invalidMany(errors);
    const changes = {
      ...columnsOf(head),
      basis: input.basis ?? d.basis,
      comment: input.comment === undefined ? d.comment : blankToNull(input.comment),
    };
    await repo.updateDoc(trx, id, { ...changes, updatedAt: now, updatedBy: actor.id });
    await audit.record(trx, { entityType: 'abcClassification', entityId: id, action: 'update', userId: actor.id, at: now }, d, {
      ...d,
      ...changes,
    });
  });
  return get(deps, actor, id);
}

/** Lines are paged by position; the cursor is the last position shown. */
const encodeLinesCursor = (position: number) => Buffer.from(JSON.stringify({ p: position })).toString('base64url');

function decodeLinesCursor(cursor: string): number {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (v && Number.isSafeInteger(v.p) && v.p >= 0) return v.p;
  } catch {
    /* fall through */
  }
  throw invalid('cursor', 'is not a cursor this list gave out', 'cursor_invalid');
}

export async function linesPage(deps: Deps, actor: Actor, id: string, q: AbcLinesQuery): Promise<AbcLinesPage> {
  const d = await findOrThrow(deps.db, id);
  const limit = q.limit ?? 50;
  const from = q.cursor ? decodeLinesCursor(q.cursor) : 0;
  const name = q.q?.trim() ? searchKey(q.q) : undefined;
  const rows = await repo.linesPage(deps.db, id, { visibility: await visibilityFor(deps, actor), abcClass: q.abcClass, name }, limit, from);
  const items = rows.slice(0, limit);
  return {
    items: items.map((r) => lineOf(r, d.total)),
    nextCursor: rows.length > limit ? encodeLinesCursor(items[items.length - 1].position) : null,
  };
}

/** The customer's classes in the applied classifications, newest first (404 when the card is hidden). */
export async function history(deps: Deps, actor: Actor, counterpartyId: string): Promise<AbcHistory> {
  await counterparties.assertVisible(deps, actor, counterpartyId);
  const rows = await repo.history(deps.db, counterpartyId);
  return { items: rows.map((r) => ({ ...r, amount: formatMoney(r.amount) })) };
}

/** 404 with a code the web can explain: nothing has been applied yet. */
export const noneApplied = () =>
  new AppError(404, 'not_found', 'No ABC classification has been applied yet', [
    { field: 'classificationId', code: 'abc_none_applied', message: 'no applied classification' },
  ]);

/** For the reports: the latest applied classification, or a 404 naming why. */
export async function latestAppliedOrThrow(deps: Pick<Deps, 'db'>): Promise<repo.DocRow> {
  const d = await repo.latestApplied(deps.db);
  if (!d) throw noneApplied();
  return d;
}

/** For the movement report: the two latest applied classifications, newest first. */
export const latestTwoApplied = (deps: Pick<Deps, 'db'>) => repo.latestTwoApplied(deps.db);
