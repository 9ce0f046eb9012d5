import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../errors.js';
import { formatMoney } from '../../../shared/money.js';
import type { AbcMovement, AbcMovementQuery, AbcReport, AbcReportQuery } from '../../../shared/api/reports.js';
import { visibilityFor } from '../access/access.service.js';
import * as abc from '../abc/abc.service.js';
import { movementMatrix, percentText, summarise } from './abc-report.logic.js';
import * as repo from './abc-report.repo.js';

/** The report shows this many customers; the export has them all. */
export const ABC_SCREEN_LIMIT = 1000;

const headOf = (d: Awaited<ReturnType<typeof abc.findOrThrow>>) => {
  const h = abc.headOf(d);
  return {
    id: h.id,
    number: h.number,
    date: h.date,
    periodFrom: h.periodFrom,
    periodTo: h.periodTo,
    basis: h.basis,
    classAPercent: h.classAPercent,
    classBPercent: h.classBPercent,
    classCPercent: h.classCPercent,
    state: h.state,
    total: h.total,
  };
};

export async function abcReport(
  deps: Deps,
  actor: Actor,
  q: AbcReportQuery,
  opts: { all: boolean },
): Promise<AbcReport & { lang: 'ru' | 'en' }> {
  const d = q.classificationId ? await abc.findOrThrow(deps.db, q.classificationId) : await abc.latestAppliedOrThrow(deps);
  const filter: repo.AbcFilter = {
    visibility: await visibilityFor(deps, actor),
    abcClass: q.abcClass,
    xyzClass: q.xyzClass,
    responsibleUserId: q.responsibleUserId === 'me' ? actor.id : q.responsibleUserId,
  };
  const [cells, rows] = await Promise.all([
    repo.cells(deps.db, d.id, filter),
    repo.customers(deps.db, d.id, filter, opts.all ? null : ABC_SCREEN_LIMIT),
  ]);
  const shown = opts.all ? rows : rows.slice(0, ABC_SCREEN_LIMIT);
  return {
    classification: headOf(d),
    ...summarise(cells, d.total),
    customers: shown.map((r) => ({
      counterpartyId: r.counterpartyId,
      name: r.name,
      responsibleUserId: r.responsibleUserId,
      responsibleUserName: r.responsibleUserName,
      amount: formatMoney(r.amount),
      share: percentText(r.amount, d.total),
      cumulativeShare: percentText(r.cumulativeAmount, d.total),
      abcClass: r.abcClass,
      xyzClass: r.xyzClass,
      variation: r.variation === null ? null : abc.formatHundredths(r.variation),
    })),
    truncated: rows.length > shown.length,
    lang: q.lang ?? actor.language,
  };
}

export async function abcMovement(deps: Deps, actor: Actor, q: AbcMovementQuery): Promise<AbcMovement> {
  type Doc = Awaited<ReturnType<typeof abc.findOrThrow>> | undefined;
  let from: Doc;
  let to: Doc;
  if (q.from && q.to) [from, to] = [await abc.findOrThrow(deps.db, q.from), await abc.findOrThrow(deps.db, q.to)];
  else {
    const latest = await abc.latestTwoApplied(deps);
    to = q.to ? await abc.findOrThrow(deps.db, q.to) : latest[0];
    from = q.from ? await abc.findOrThrow(deps.db, q.from) : latest.find((x) => x.id !== to?.id && (!to || x.date <= to.date));
    if (!from || !to)
      throw new AppError(404, 'not_found', 'Two classifications are needed to compare', [
        { field: 'from', code: 'abc_two_needed', message: 'fewer than two applied classifications' },
      ]);
  }
  const v = await visibilityFor(deps, actor);
  const responsible = q.responsibleUserId === 'me' ? actor.id : q.responsibleUserId;
  const [moves, down] = await Promise.all([
    repo.moves(deps.db, from.id, to.id, v, responsible),
    repo.movedDown(deps.db, from.id, to.id, v, ABC_SCREEN_LIMIT, responsible),
  ]);
  return {
    from: headOf(from),
    to: headOf(to),
    matrix: movementMatrix(moves),
    movedDown: down.slice(0, ABC_SCREEN_LIMIT).map((r) => ({
      counterpartyId: r.counterpartyId,
      name: r.name,
      responsibleUserId: r.responsibleUserId,
      responsibleUserName: r.responsibleUserName,
      fromClass: r.fromClass as 'A' | 'B' | 'C',
      toClass: r.toClass as 'A' | 'B' | 'C',
      fromAmount: formatMoney(Number(r.fromAmount)),
      toAmount: formatMoney(Number(r.toAmount)),
    })),
    truncated: down.length > ABC_SCREEN_LIMIT,
  };
}
