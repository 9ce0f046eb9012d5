import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { getOrder } from '../orders/orders.service.js';
import { getSale } from '../sales/sales.service.js';
import * as counterparties from '../counterparties/counterparties.service.js';
import { getSettings } from '../settings/settings.service.js';
import { orderModel, saleModel, type PrintModel } from './printing.logic.js';

// Who may read a document may print it: the order and the sale come through their services' access
// checks (404 when the customer is hidden). The company's requisites are read without the admin
// check of GET /api/settings, since every printed form carries them.

export async function orderForm(deps: Deps, actor: Actor, id: string): Promise<PrintModel> {
  const order = await getOrder(deps, actor, id);
  const [settings, customer] = await Promise.all([getSettings(deps), counterparties.get(deps, actor, order.counterpartyId)]);
  return orderModel(order, settings, customer);
}

export async function saleForm(deps: Deps, actor: Actor, id: string): Promise<PrintModel> {
  const sale = await getSale(deps, actor, id);
  const [settings, customer] = await Promise.all([getSettings(deps), counterparties.get(deps, actor, sale.counterpartyId)]);
  return saleModel(sale, settings, customer);
}
