import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { invalid } from '../../errors.js';
import { zonedToday } from '../../lib/time.js';
import type { SalesReport, SalesReportQuery } from '../../../shared/api/reports.js';
import { visibilityOf } from '../access/access.service.js';
import { getSettings } from '../settings/settings.service.js';
import { buildSalesReport, currentMonth } from './sales-report.logic.js';
import * as repo from './sales-report.repo.js';

export async function salesReport(deps: Deps, actor: Actor, q: SalesReportQuery): Promise<SalesReport & { lang: 'ru' | 'en' }> {
  const groupBy = q.groupBy ?? 'customer';
  const thenBy = q.thenBy ?? null;
  if (thenBy === groupBy) throw invalid('thenBy', 'must differ from groupBy', 'grouping_repeated');
  const settings = await getSettings(deps);
  // "This month" is the company's month: a sale dated the 1st belongs to it wherever the user sits.
  const month = currentMonth(zonedToday(deps.clock.now(), settings.timeZone));
  const [from, to] = [q.from ?? month.from, q.to ?? month.to];
  if (from > to) throw invalid('to', 'must not be before from', 'period_reversed');
  const filter: repo.SalesFilter = {
    visibility: visibilityOf(settings, actor),
    from,
    to,
    counterpartyId: q.counterpartyId,
    responsibleUserId: q.responsibleUserId === 'me' ? actor.id : q.responsibleUserId,
  };
  const lang = q.lang ?? actor.language;
  const dims = thenBy ? [groupBy, thenBy] : [groupBy];
  const [aggregates, sales] = await Promise.all([repo.aggregate(deps.db, filter, dims), repo.countSales(deps.db, filter)]);
  const { rows, totals } = buildSalesReport(aggregates, { groupBy, thenBy, lang });
  return { from, to, groupBy, thenBy, rows, totals: { ...totals, sales }, lang };
}
