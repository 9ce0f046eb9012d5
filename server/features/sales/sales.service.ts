import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { DbOrTrx } from '../../db/database.js';
import { invalidMany, notFound, type ErrorDetail } from '../../errors.js';
import { pageOf } from '../../db/keyset.js';
import { nextNumber } from '../../db/numbering.js';
import { newId } from '../../lib/ids.js';
import { blankToNull } from '../../lib/names.js';
import { formatMoney } from '../../../shared/money.js';
import type { Sale, SaleCreate, SaleListQuery, SaleTotals } from '../../../shared/api/sales.js';
import { visibilityFor } from '../access/access.service.js';
import * as counterparties from '../counterparties/counterparties.service.js';
import { isActiveUser } from '../users/users.service.js';
import { productsForLines } from '../products/products.service.js';
import * as audit from '../audit/audit.service.js';
import * as webhooks from '../webhooks/webhooks.service.js';
import { saleLineOf, saleOf, saleTotals, listItemOf, type NewSaleLine } from './sales.logic.js';
import * as repo from './sales.repo.js';

export type { NewSaleLine } from './sales.logic.js';

export interface NewSale {
  date: string;
  counterpartyId: string;
  orderId: string | null;
  responsibleUserId: string | null;
  comment: string | null;
  lines: NewSaleLine[];
}

/** Inserts already-checked sales inside the caller's transaction (numbers, totals, audit); returns their ids in order.
 * The one write path of sales: direct entry, shipping an order and the CSV import. */
export async function insertSales(trx: DbOrTrx, actorId: string, now: string, docs: NewSale[]): Promise<string[]> {
  const ids: string[] = [];
  for (const doc of docs) {
    const id = newId();
    const number = await nextNumber(trx, 'sale');
    const totals = saleTotals(doc.lines, []);
    await repo.insert(trx, {
      id,
      number,
      date: doc.date,
      counterpartyId: doc.counterpartyId,
      orderId: doc.orderId,
      responsibleUserId: doc.responsibleUserId,
      comment: doc.comment,
      ...totals,
      createdAt: now,
      createdBy: actorId,
      updatedAt: now,
      updatedBy: actorId,
      archivedAt: null,
    });
    await repo.insertLines(
      trx,
      doc.lines.map((l, i) => ({ id: newId(), saleId: id, position: i + 1, ...l })),
    );
    await audit.record(trx, { entityType: 'sale', entityId: id, action: 'create', userId: actorId, at: now }, null, {
      number,
      ...doc,
      revenue: formatMoney(totals.revenue),
      cost: formatMoney(totals.cost),
      lines: doc.lines.length,
    });
    await webhooks.enqueue(
      trx,
      'sale.created',
      {
        id,
        number,
        ...doc,
        revenue: formatMoney(totals.revenue),
        cost: formatMoney(totals.cost),
        vatTotal: formatMoney(totals.vatTotal),
        lines: doc.lines.length,
      },
      now,
    );
    ids.push(id);
  }
  return ids;
}

/** For other features (printing, orders): the sale if the actor may see its counterparty; 404 otherwise. */
export async function getSale(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<Sale> {
  return readSale(deps.db, id, actor, await visibilityFor(deps, actor));
}

async function readSale(db: DbOrTrx, id: string, _actor: Actor, v: Awaited<ReturnType<typeof visibilityFor>>): Promise<Sale> {
  const r = await repo.findVisible(db, id, v);
  if (!r) throw notFound('Sale');
  return saleOf(r, await repo.linesOf(db, id));
}

export async function list(deps: Deps, actor: Actor, q: SaleListQuery) {
  const limit = q.limit ?? 50;
  const v = await visibilityFor(deps, actor);
  const rows = await repo.list(
    deps.db,
    { visibility: v, counterpartyId: q.counterpartyId, orderId: q.orderId, from: q.from, to: q.to },
    limit,
    q.cursor,
  );
  const page = pageOf(rows, limit, (r) => [r.date, r.id], 'date');
  return { items: page.items.map(listItemOf), nextCursor: page.nextCursor };
}

export async function totals(deps: Deps, actor: Actor, q: { counterpartyId?: string; from?: string; to?: string }): Promise<SaleTotals> {
  const t = await repo.totals(deps.db, { visibility: await visibilityFor(deps, actor), ...q });
  return { count: t.count, revenue: formatMoney(t.revenue), cost: formatMoney(t.cost), grossProfit: formatMoney(t.revenue - t.cost) };
}

/** A sale entered directly (not by shipping an order): every problem of the card in one 400, nothing written. */
export async function create(deps: Deps, actor: Actor, input: SaleCreate): Promise<Sale> {
  const errors: ErrorDetail[] = [];
  const cp = await counterparties.get(deps, actor, input.counterpartyId).catch(() => null);
  if (!cp) errors.push({ field: 'counterpartyId', code: 'counterparty_not_found', message: 'no such counterparty' });
  const responsibleUserId = input.responsibleUserId ?? cp?.responsibleUserId ?? actor.id;
  if (!(await isActiveUser(deps.db, responsibleUserId)))
    errors.push({ field: 'responsibleUserId', code: 'user_not_found', message: 'no such active user' });
  const products = await productsForLines(
    deps.db,
    input.lines.flatMap((l) => (l.productId ? [l.productId] : [])),
  );
  const lines = input.lines.map((l, i) => saleLineOf(l, l.productId ? (products.get(l.productId) ?? null) : undefined, i, errors));
  saleTotals(lines, errors);
  if (errors.length) throw invalidMany(errors);
  const now = deps.clock.now().toISOString();
  const v = await visibilityFor(deps, actor);
  return deps.db.transaction().execute(async (trx) => {
    const [id] = await insertSales(trx, actor.id, now, [
      {
        date: input.date,
        counterpartyId: input.counterpartyId,
        orderId: null,
        responsibleUserId,
        comment: blankToNull(input.comment),
        lines,
      },
    ]);
    return readSale(trx, id, actor, v);
  });
}

export async function get(deps: Deps, actor: Actor, id: string): Promise<Sale> {
  return getSale(deps, actor, id);
}

/** For orders: the sale made by shipping an order (id and number), if any. */
export const saleOfOrder = (db: DbOrTrx, orderId: string) => repo.saleOfOrder(db, orderId);
