import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { DbOrTrx } from '../../db/database.js';
import { conflict, invalidMany, notFound, type ErrorDetail } from '../../errors.js';
import { pageOf } from '../../db/keyset.js';
import { nextNumber } from '../../db/numbering.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { newId } from '../../lib/ids.js';
import { blankToNull, fullNameOrNull } from '../../lib/names.js';
import { zonedToday } from '../../lib/time.js';
import { divRound, formatMoney, quantityTimesPrice } from '../../../shared/money.js';
import type { Order, OrderCreate, OrderListQuery, OrderPatch, OrderTotals } from '../../../shared/api/orders.js';
import type { Sale } from '../../../shared/api/sales.js';
import { visibilityFor, type Visibility } from '../access/access.service.js';
import { getSettings } from '../settings/settings.service.js';
import * as counterparties from '../counterparties/counterparties.service.js';
import * as persons from '../contact-persons/contact-persons.service.js';
import * as events from '../events/events.service.js';
import { isActiveUser } from '../users/users.service.js';
import { productsForLines } from '../products/products.service.js';
import { getSale, insertSales } from '../sales/sales.service.js';
import * as audit from '../audit/audit.service.js';
import * as webhooks from '../webhooks/webhooks.service.js';
import { assertIfMatch } from '../../lib/etag.js';
import { listItemOf, orderLineOf, orderOf, orderTitle, orderTotals, verbError, type NewOrderLine, type Verb } from './orders.logic.js';
import * as repo from './orders.repo.js';

export { orderTitle } from './orders.logic.js';

const today = async (deps: Deps) => zonedToday(deps.clock.now(), (await getSettings(deps)).timeZone);

async function load(db: DbOrTrx, id: string, v: Visibility, lock = false) {
  const r = await (lock ? repo.findVisibleForUpdate : repo.findVisible)(db, id, v);
  if (!r) throw notFound('Order');
  return r;
}

async function read(db: DbOrTrx, r: repo.OrderRow): Promise<Order> {
  const name = fullNameOrNull({ lastName: r.personLastName, firstName: r.personFirstName, middleName: r.personMiddleName });
  return orderOf(r, name, await repo.linesOf(db, r.id));
}

/** For other features (the printed form): the order if the actor may see its counterparty; 404 otherwise. */
export async function getOrder(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<Order> {
  return read(deps.db, await load(deps.db, id, await visibilityFor(deps, actor)));
}

/** For other features: throws 404 unless the actor may see the order. Returns what a link shows. */
export async function assertVisible(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<{ id: string; title: string }> {
  const r = await load(deps.db, id, await visibilityFor(deps, actor));
  return { id: r.id, title: orderTitle(r.number, r.date, r.counterpartyName) };
}

/** For the related documents of an event: the visible orders created based on it. */
export async function basedOnEvent(deps: Pick<Deps, 'db'>, actor: Actor, eventId: string) {
  const rows = await repo.basedOnEvent(deps.db, eventId, await visibilityFor(deps, actor));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    date: r.date,
    counterpartyName: r.counterpartyName,
    total: formatMoney(Number(r.total)),
  }));
}

export async function list(deps: Deps, actor: Actor, q: OrderListQuery) {
  const limit = q.limit ?? 50;
  const filter: repo.Filter = {
    visibility: await visibilityFor(deps, actor),
    counterpartyId: q.counterpartyId,
    state: q.state,
    from: q.from,
    to: q.to,
    responsibleUserId: q.responsibleUserId === 'me' ? actor.id : q.responsibleUserId,
  };
  const page = pageOf(await repo.list(deps.db, filter, limit, q.cursor), limit, (r) => [r.date, r.id], 'date');
  return { items: page.items.map(listItemOf), nextCursor: page.nextCursor };
}

export async function totals(deps: Deps, actor: Actor, q: { counterpartyId?: string }): Promise<OrderTotals> {
  const t = await repo.totals(deps.db, { visibility: await visibilityFor(deps, actor), counterpartyId: q.counterpartyId });
  return { count: t.count, total: formatMoney(t.total), toShip: formatMoney(t.toShip) };
}

interface Head {
  date: string;
  counterpartyId: string;
  contactPersonId: string | null;
  responsibleUserId: string;
  comment: string | null;
  basis: { type: 'event'; id: string } | null;
}

/** Checks the links of an order (every problem in `errors`): a visible counterparty, a visible contact
 * person of that counterparty, an active responsible user, a visible basis event; and builds the lines. */
async function check(deps: Deps, actor: Actor, h: Head, lineInputs: OrderCreate['lines'] | undefined, errors: ErrorDetail[]) {
  if (!(await counterparties.isVisible(deps, actor, h.counterpartyId)))
    errors.push({ field: 'counterpartyId', code: 'counterparty_not_found', message: 'no such counterparty' });
  if (h.contactPersonId) {
    const p = await persons.assertVisible(deps, actor, h.contactPersonId).catch(() => null);
    if (!p) errors.push({ field: 'contactPersonId', code: 'contact_person_not_found', message: 'no such contact person' });
    else if (p.counterpartyId !== h.counterpartyId)
      errors.push({ field: 'contactPersonId', code: 'contact_person_mismatch', message: 'belongs to another counterparty' });
  }
  if (!(await isActiveUser(deps.db, h.responsibleUserId)))
    errors.push({ field: 'responsibleUserId', code: 'user_not_found', message: 'no such active user' });
  if (
    h.basis &&
    !(await events.assertVisible(deps, actor, h.basis.id).then(
      () => true,
      () => false,
    ))
  )
    errors.push({ field: 'basis.id', code: 'basis_not_found', message: 'no such event' });
  if (lineInputs === undefined) return undefined;
  const products = await productsForLines(
    deps.db,
    lineInputs.map((l) => l.productId),
  );
  const lines = lineInputs.map((l, i) => orderLineOf(l, products.get(l.productId), i, errors));
  return { lines, ...orderTotals(lines, errors) };
}

const lineRows = (orderId: string, lines: NewOrderLine[]) => lines.map((l, i) => ({ id: newId(), orderId, position: i + 1, ...l }));

function snapshot(o: Order) {
  const { counterpartyName: _a, contactPersonName: _b, responsibleUserName: _c, createdAt: _d, updatedAt: _e, saleNumber: _f, ...rest } = o;
  return {
    ...rest,
    basis: o.basis && { type: o.basis.type, id: o.basis.id },
    lines: o.lines.map(({ productId, quantity, price, discountPercent, amount }) => ({
      productId,
      quantity,
      price,
      discountPercent,
      amount,
    })),
  };
}

export async function create(deps: Deps, actor: Actor, input: OrderCreate): Promise<Order> {
  const head: Head = {
    date: input.date ?? (await today(deps)),
    counterpartyId: input.counterpartyId,
    contactPersonId: input.contactPersonId ?? null,
    responsibleUserId: input.responsibleUserId ?? actor.id,
    comment: blankToNull(input.comment),
    basis: input.basis ?? null,
  };
  const errors: ErrorDetail[] = [];
  const built = (await check(deps, actor, head, input.lines ?? [], errors))!;
  if (errors.length) throw invalidMany(errors);
  const v = await visibilityFor(deps, actor);
  const now = deps.clock.now().toISOString();
  const id = newId();
  return deps.db.transaction().execute(async (trx) => {
    const { basis, ...rest } = head;
    await repo.insert(trx, {
      id,
      number: await nextNumber(trx, 'order'),
      ...rest,
      basisType: basis?.type ?? null,
      basisId: basis?.id ?? null,
      state: 'draft',
      total: built.total,
      vatTotal: built.vatTotal,
      confirmedAt: null,
      shippedAt: null,
      cancelledAt: null,
      createdAt: now,
      createdBy: actor.id,
      updatedAt: now,
      updatedBy: actor.id,
      archivedAt: null,
    });
    await repo.replaceLines(trx, id, lineRows(id, built.lines));
    const after = await read(trx, await load(trx, id, v));
    await audit.record(trx, { entityType: 'order', entityId: id, action: 'create', userId: actor.id, at: now }, null, snapshot(after));
    await webhooks.enqueue(trx, 'order.created', after, now);
    return after;
  });
}

/** Read with the row locked, check If-Match and the state, merge, check the links, write; one transaction. */
export async function update(deps: Deps, actor: Actor, id: string, patch: OrderPatch, ifMatch?: string): Promise<Order> {
  const v = await visibilityFor(deps, actor);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const row = await load(trx, id, v, true);
    const before = await read(trx, row);
    assertIfMatch(ifMatch, before);
    const stateErr = verbError(row.state, 'edit', 1);
    if (stateErr) throw stateErr;
    const head: Head = {
      date: patch.date ?? row.date,
      counterpartyId: patch.counterpartyId ?? row.counterpartyId,
      contactPersonId: patch.contactPersonId === undefined ? row.contactPersonId : patch.contactPersonId,
      responsibleUserId: patch.responsibleUserId ?? row.responsibleUserId,
      comment: patch.comment === undefined ? row.comment : blankToNull(patch.comment),
      basis:
        patch.basis === undefined ? (row.basisType === 'event' && row.basisId ? { type: 'event', id: row.basisId } : null) : patch.basis,
    };
    const errors: ErrorDetail[] = [];
    const built = await check({ ...deps, db: trx }, actor, head, patch.lines, errors);
    if (errors.length) throw invalidMany(errors);
    const { basis, ...rest } = head;
    await repo.update(trx, id, {
      ...rest,
      basisType: basis?.type ?? null,
      basisId: basis?.id ?? null,
      ...(built && { total: built.total, vatTotal: built.vatTotal }),
      updatedAt: now,
      updatedBy: actor.id,
    });
    if (built) await repo.replaceLines(trx, id, lineRows(id, built.lines));
    const after = await read(trx, await load(trx, id, v));
    await audit.record(
      trx,
      { entityType: 'order', entityId: id, action: 'update', userId: actor.id, at: now },
      snapshot(before),
      snapshot(after),
    );
    return after;
  });
}

/** Confirm or cancel: the state machine on the locked row, audited. */
export async function changeState(deps: Deps, actor: Actor, id: string, verb: Extract<Verb, 'confirm' | 'cancel'>): Promise<Order> {
  const v = await visibilityFor(deps, actor);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const row = await load(trx, id, v, true);
    const before = await read(trx, row);
    const err = verbError(row.state, verb, before.lines.length);
    if (err) throw err;
    await repo.update(
      trx,
      id,
      verb === 'confirm'
        ? { state: 'confirmed', confirmedAt: now, updatedAt: now, updatedBy: actor.id }
        : { state: 'cancelled', cancelledAt: now, updatedAt: now, updatedBy: actor.id },
    );
    const after = await read(trx, await load(trx, id, v));
    await audit.record(
      trx,
      { entityType: 'order', entityId: id, action: 'update', userId: actor.id, at: now },
      snapshot(before),
      snapshot(after),
    );
    await webhooks.enqueue(trx, verb === 'confirm' ? 'order.confirmed' : 'order.cancelled', after, now);
    return after;
  });
}

const alreadyShipped = () =>
  conflict('The order has already been shipped', [{ field: 'state', code: 'order_shipped', message: 'already shipped' }]);

/**
 * Ships a confirmed order: in one transaction with the order's row locked, the sale is written
 * (today in the company's time zone, the order's lines, each line's cost from the product's cost
 * price at this moment) and the order becomes shipped. The unique sales.order_id is the last guard:
 * of two requests at the same moment one gets the sale, the other a 409.
 */
export async function ship(deps: Deps, actor: Actor, id: string): Promise<Sale> {
  const v = await visibilityFor(deps, actor);
  const now = deps.clock.now().toISOString();
  const date = await today(deps);
  let saleId: string;
  try {
    saleId = await deps.db.transaction().execute(async (trx) => {
      const row = await load(trx, id, v, true);
      const lines = await repo.linesOf(trx, id);
      const err = row.saleId ? alreadyShipped() : verbError(row.state, 'ship', lines.length);
      if (err) throw err;
      const before = await read(trx, row);
      const products = await productsForLines(
        trx,
        lines.map((l) => l.productId),
      );
      const [saleId] = await insertSales(trx, actor.id, now, [
        {
          date,
          counterpartyId: row.counterpartyId,
          orderId: id,
          responsibleUserId: row.responsibleUserId,
          comment: null,
          lines: lines.map((l) => ({
            productId: l.productId,
            description: null,
            quantity: Number(l.quantity),
            // The price actually charged per unit (after the discount), so quantity × price matches the amount.
            price: Number(divRound(BigInt(l.amount) * 1000n, BigInt(l.quantity))),
            amount: Number(l.amount),
            cost: quantityTimesPrice(Number(l.quantity), products.get(l.productId)?.costPrice ?? 0),
            vatRate: l.vatRate,
            vatAmount: Number(l.vatAmount),
          })),
        },
      ]);
      await repo.update(trx, id, { state: 'shipped', shippedAt: now, updatedAt: now, updatedBy: actor.id });
      const after = await read(trx, await load(trx, id, v));
      await audit.record(
        trx,
        { entityType: 'order', entityId: id, action: 'update', userId: actor.id, at: now },
        snapshot(before),
        snapshot(after),
      );
      await webhooks.enqueue(trx, 'order.shipped', after, now);
      return saleId;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyShipped();
    throw err;
  }
  return getSale(deps, actor, saleId);
}
