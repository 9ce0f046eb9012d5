// The demo's trade section: the catalogue, our company's requisites for the printed forms, and 18
// months of orders (some created based on successful calls), shipments and sales entered directly.
// Documents of past dates are written with a clock set to their day, so a shipment's sale carries
// the order's date, as if the manager had shipped it then.
import { fixedClock } from '../lib/clock.js';
import type { Actor } from '../lib/actor.js';
import { DateTime } from 'luxon';
import { updateSettings } from '../features/settings/settings.service.js';
import * as products from '../features/products/products.service.js';
import * as orders from '../features/orders/orders.service.js';
import * as sales from '../features/sales/sales.service.js';
import { ARCHIVED_PRODUCT, CATALOG } from './demo.catalog.js';
import { legalInn, kppOf } from './demo.logic.js';
import { planTrade, type PlannedLine } from './demo.trade.logic.js';
import type { DemoContext } from './demo.js';

const BIK = '044030653';

/** A settlement account whose control key matches the bank's BIK (weights 7-1-3 over BIK tail + account). */
export function accountWithKey(bik: string, account: string): string {
  const weights = [7, 1, 3];
  for (let key = 0; key <= 9; key++) {
    const candidate = account.slice(0, 8) + key + account.slice(9);
    const digits = [...(bik.slice(-3) + candidate)].map(Number);
    if (digits.reduce((s, d, i) => s + d * weights[i % 3], 0) % 10 === 0) return candidate;
  }
  throw new Error('no control key');
}

async function demoRequisites(ctx: DemoContext) {
  await updateSettings(ctx.deps, ctx.admin, {
    companyInn: legalInn('7801', 40_317),
    companyKpp: kppOf('7801'),
    companyLegalAddress: '199178, г. Санкт-Петербург, Средний пр-т В.О., д. 86, лит. А, пом. 12-Н',
    companyPhone: '+7 (812) 320-45-67',
    companyBank: 'Северо-Западный банк ПАО Сбербанк, г. Санкт-Петербург',
    companyBik: BIK,
    companyAccount: accountWithKey(BIK, '40702810055000012345'),
    companyCorrAccount: '30101810500000000653',
    companyDirector: 'Соколов А. В.',
    companyAccountant: 'Лебедева Н. П.',
  });
}

async function demoCatalog(ctx: DemoContext): Promise<string[]> {
  const ids: string[] = [];
  for (const p of CATALOG) ids.push((await products.create(ctx.deps, ctx.admin, p)).id);
  const old = await products.create(ctx.deps, ctx.admin, ARCHIVED_PRODUCT);
  await products.update(ctx.deps, ctx.admin, old.id, { archived: true });
  return ids;
}

export async function demoTrade(ctx: DemoContext) {
  await demoRequisites(ctx);
  const productIds = await demoCatalog(ctx);
  const users = new Map([ctx.admin, ...ctx.managers].map((u) => [u.id, u]));
  const customers = ctx.counterparties
    .filter((c) => c.company.customer)
    .map((c) => ({ id: c.id, responsibleUserId: c.responsibleUserId }))
    .concat(ctx.prospects.filter((p) => p.converted).map((p) => ({ id: p.id, responsibleUserId: p.responsibleUserId })));
  // Every fourth successful conversation ended with an order.
  const events = ctx.successfulEvents.filter((_, i) => i % 4 === 0);
  const plan = planTrade({ today: ctx.today, customers, events, products: productIds.length }, ctx.r);
  const lines = (ls: PlannedLine[]) =>
    ls.map((l) => ({ productId: productIds[l.product], quantity: l.quantity, discountPercent: l.discountPercent }));
  for (const doc of plan) {
    const actor: Actor = users.get(doc.kind === 'order' && doc.basis ? doc.basis.responsibleUserId : doc.customer.responsibleUserId)!;
    // The day's working hours in Moscow: what the clock said when the document was written.
    const at = DateTime.fromISO(doc.date, { zone: actor.timeZone }).set({ hour: ctx.r.int(9, 17), minute: ctx.r.pick([5, 20, 40]) });
    const deps = { ...ctx.deps, clock: fixedClock(at.toUTC().toISO()!) };
    if (doc.kind === 'sale') {
      await sales.create(deps, actor, {
        date: doc.date,
        counterpartyId: doc.customer.id,
        comment: 'Загружено из учетной системы',
        lines: doc.lines.map((l) => ({ productId: productIds[l.product], quantity: l.quantity })),
      });
      continue;
    }
    const order = await orders.create(deps, actor, {
      date: doc.date,
      counterpartyId: doc.customer.id,
      contactPersonId: doc.basis?.contactPersonId ?? null,
      basis: doc.basis ? { type: 'event', id: doc.basis.id } : null,
      lines: lines(doc.lines),
    });
    if (doc.state === 'draft') continue;
    if (doc.state === 'cancelled') {
      await orders.changeState(deps, actor, order.id, 'cancel');
      continue;
    }
    await orders.changeState(deps, actor, order.id, 'confirm');
    if (doc.state === 'shipped') await orders.ship(deps, actor, order.id);
  }
}
