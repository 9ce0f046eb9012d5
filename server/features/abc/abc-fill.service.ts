import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { Trx } from '../../db/database.js';
import { conflict, notFound } from '../../errors.js';
import { allowLargeAggregate, transactionLock } from '../../db/dialect.js';
import { nextNumber } from '../../db/numbering.js';
import { newId } from '../../lib/ids.js';
import { zonedToday } from '../../lib/time.js';
import type { AbcClassification } from '../../../shared/api/abc.js';
import { getSettings } from '../settings/settings.service.js';
import { createGenerated } from '../tasks/task-creation.service.js';
import * as audit from '../audit/audit.service.js';
import { classify, monthBounds, monthsOf, tiedIds, variationOf, xyzClassOf } from './abc.logic.js';
import { assertMayClassify, get, notDraft } from './abc.service.js';
import * as repo from './abc.repo.js';

/** Serialises applying, cancelling and the monthly run across instances (PostgreSQL). */
const ABC_LOCK = 72_100_007;

/** Id numbers of the lines parked below zero: beyond any position. */
const PARKED_IDS = 100_000_000_000;

type Doc = NonNullable<Awaited<ReturnType<typeof repo.lockDoc>>>;

async function lockDraft(trx: Trx, id: string): Promise<Doc> {
  const d = await repo.lockDoc(trx, id);
  if (!d || d.archivedAt) throw notFound('ABC classification');
  return d;
}

/**
 * «Заполнить»: replaces the lines with the customers of the period, ranked and classed. The sums come
 * from the database grouped by customer, with a column per month; one row per buyer reaches here,
 * and a name only where amounts tie. Buyers are ranked here (exact integer shares, XYZ in BigInt)
 * and written in large statements; an amount below zero is parked at a negative position. Every
 * active customer who bought nothing then gets its line (C, amount 0) in one INSERT … SELECT in the
 * database — at a million customers most of the lines, so none of them passes through Node — after
 * the buyers with an amount of at least zero, and the parked lines move behind them: the order stays
 * by amount, a buyer with a zero amount before the customers without a sale.
 */
export async function fillIn(trx: Trx, d: Doc, actorId: string, now: string): Promise<void> {
  await allowLargeAggregate(trx);
  const months = monthsOf(d.periodFrom, d.periodTo).map((m) => monthBounds(m, d.periodFrom, d.periodTo));
  const sums = await repo.customerSums(trx, d.periodFrom, d.periodTo, months);
  const candidates = sums.map((s) => ({
    counterpartyId: s.counterpartyId,
    name: '',
    amount: d.basis === 'revenue' ? s.revenue : s.revenue - s.cost,
  }));
  const tied = tiedIds(candidates);
  if (tied.length) {
    const names = new Map((await repo.namesOf(trx, tied)).map((c) => [c.id, c.name]));
    for (const c of candidates) c.name = names.get(c.counterpartyId) ?? '';
  }
  const { total, lines } = classify(candidates, { a: d.percentA, b: d.percentB });
  const monthlyOf = new Map(sums.map((s) => [s.counterpartyId, s.monthly]));
  const previous = await repo.latestApplied(trx, { date: d.date, number: d.number });
  await repo.deleteLines(trx, d.id);
  const idPrefix = repo.lineIdPrefix();
  const atLeastZero = lines.filter((l) => l.amount >= 0).length;
  await repo.insertRankedLines(
    trx,
    d.id,
    previous?.id ?? null,
    lines.map((l, i) => {
      const monthly = monthlyOf.get(l.counterpartyId);
      const variation = monthly ? variationOf(monthly) : null;
      // Below zero: parked at -1, -2, … until the customers without a sale are written.
      const position = l.amount >= 0 ? l.position : atLeastZero - i - 1;
      return {
        id: repo.lineId(idPrefix, l.amount >= 0 ? position : PARKED_IDS + i),
        position,
        counterpartyId: l.counterpartyId,
        amount: l.amount,
        cumulativeAmount: l.cumulativeAmount,
        abcClass: l.abcClass,
        xyzClass: monthly ? xyzClassOf(variation, d.xyzPercentX, d.xyzPercentY) : null,
        variation,
      };
    }),
  );
  const withoutSales = await repo.insertNoSalesLines(trx, {
    classificationId: d.id,
    previousId: previous?.id ?? null,
    idPrefix,
    firstPosition: atLeastZero + 1,
    total,
  });
  if (atLeastZero < lines.length) await repo.unparkLines(trx, d.id, atLeastZero + withoutSales);
  const customerCount = lines.length + withoutSales;
  await repo.updateDoc(trx, d.id, { total, customerCount, filledAt: now, updatedAt: now, updatedBy: actorId });
  await audit.record(
    trx,
    { entityType: 'abcClassification', entityId: d.id, action: 'update', userId: actorId, at: now },
    { filledAt: d.filledAt, total: d.total, customerCount: d.customerCount },
    { filledAt: now, total, customerCount },
  );
}

/** «Перераспределить»: every listed customer takes its class; a customer that fell out of A gets a
 * task for its responsible manager (or whoever applies, when it has none), once per classification
 * and customer however often the document is cancelled and applied again. */
export async function applyIn(trx: Trx, d: Doc, actorId: string, now: string): Promise<void> {
  if (d.state !== 'draft') throw notDraft();
  if (!d.filledAt)
    throw conflict('Fill the classification before applying it', [{ field: 'state', code: 'abc_not_filled', message: 'not filled' }]);
  await repo.setCounterpartyClasses(trx, d.id, 'abcClass', now, actorId);
  await repo.updateDoc(trx, d.id, { state: 'applied', appliedAt: now, updatedAt: now, updatedBy: actorId });
  const fallen = await repo.fallenFromA(trx, d.id);
  await createGenerated(
    trx,
    fallen.map((f) => ({
      title: `Покупатель перешел из класса A в ${f.abcClass}: ${f.name}`,
      assigneeId: f.responsibleUserId ?? actorId,
      subject: { type: 'counterparty' as const, id: f.counterpartyId },
      source: 'abc' as const,
      sourceKey: `abc:${d.id}:${f.counterpartyId}`,
    })),
    now,
  );
  await audit.record(
    trx,
    { entityType: 'abcClassification', entityId: d.id, action: 'update', userId: actorId, at: now },
    { state: 'draft' },
    { state: 'applied' },
  );
}

export async function fill(deps: Deps, actor: Actor, id: string): Promise<AbcClassification> {
  assertMayClassify(actor);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const d = await lockDraft(trx, id);
    if (d.state !== 'draft') throw notDraft();
    await fillIn(trx, d, actor.id, now);
  });
  return get(deps, actor, id);
}

export async function apply(deps: Deps, actor: Actor, id: string): Promise<AbcClassification> {
  assertMayClassify(actor);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    // Serialised with cancel: a cancel must not restore classes while a later document is being applied.
    await transactionLock(trx, deps.dialect, ABC_LOCK);
    await applyIn(trx, await lockDraft(trx, id), actor.id, now);
  });
  return get(deps, actor, id);
}

/** Only the latest applied classification can be cancelled: each customer gets back the class it
 * had before (the line's previous class), and the document is a draft again. */
export async function cancel(deps: Deps, actor: Actor, id: string): Promise<AbcClassification> {
  assertMayClassify(actor);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await transactionLock(trx, deps.dialect, ABC_LOCK);
    const d = await lockDraft(trx, id);
    if (d.state !== 'applied')
      throw conflict('The classification is not applied', [{ field: 'state', code: 'abc_not_applied', message: 'not applied' }]);
    const latest = await repo.latestApplied(trx);
    if (latest?.id !== d.id)
      throw conflict('Only the latest applied classification can be cancelled', [
        { field: 'state', code: 'abc_not_latest', message: 'a later classification has been applied' },
      ]);
    await repo.setCounterpartyClasses(trx, d.id, 'previousClass', now, actor.id);
    await repo.updateDoc(trx, d.id, { state: 'draft', appliedAt: null, updatedAt: now, updatedBy: actor.id });
    await audit.record(
      trx,
      { entityType: 'abcClassification', entityId: d.id, action: 'update', userId: actor.id, at: now },
      { state: 'applied' },
      { state: 'draft' },
    );
  });
  return get(deps, actor, id);
}

/** The previous 12 full calendar months before the month of `today`. */
export function previousTwelveMonths(today: string): { from: string; to: string; month: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const last = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  const first = new Date(Date.UTC(y - 1, m - 1, 1)).toISOString().slice(0, 10);
  return { from: first, to: last, month: today.slice(0, 7) };
}

/** The scheduled job: in a new calendar month (company time zone) make, fill and apply one
 * classification of the previous 12 full months, exactly once per month: the month is a unique key
 * of the document, claimed in the same transaction that fills and applies it. */
export async function runMonthly(deps: Deps): Promise<string> {
  const s = await getSettings(deps);
  if (!s.abcMonthlyAuto) return 'off';
  const user = s.scheduledJobsUserId ? await repo.activeUser(deps.db, s.scheduledJobsUserId) : null;
  if (!user) return 'no scheduled-jobs user';
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = zonedToday(now, s.timeZone);
  const period = previousTwelveMonths(today);
  return deps.db.transaction().execute(async (trx) => {
    await transactionLock(trx, deps.dialect, ABC_LOCK);
    if (await trx.selectFrom('abcClassifications').select('id').where('autoMonth', '=', period.month).executeTakeFirst())
      return `${period.month}: done before`;
    const id = newId();
    const inserted = await repo.insertDoc(trx, {
      id,
      number: await nextNumber(trx, 'abc'),
      date: today,
      periodFrom: period.from,
      periodTo: period.to,
      basis: s.abcBasis,
      percentA: s.abcClassAPercent,
      percentB: s.abcClassBPercent,
      percentC: s.abcClassCPercent,
      xyzPercentX: s.xyzXPercent,
      xyzPercentY: s.xyzYPercent,
      state: 'draft',
      responsibleUserId: user.id,
      comment: null,
      total: 0,
      customerCount: 0,
      filledAt: null,
      appliedAt: null,
      autoMonth: period.month,
      createdAt: at,
      createdBy: user.id,
      updatedAt: at,
      updatedBy: user.id,
      archivedAt: null,
    });
    if (!inserted) return `${period.month}: done before`;
    const d = await lockDraft(trx, id);
    await fillIn(trx, d, user.id, at);
    await applyIn(trx, await lockDraft(trx, id), user.id, at);
    return `${period.month}: classification ${d.number}, ${(await lockDraft(trx, id)).customerCount} customers`;
  });
}
