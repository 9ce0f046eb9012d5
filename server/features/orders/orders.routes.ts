import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams, ListOf } from '../../../shared/api/common.js';
import {
  Order,
  OrderCreate,
  OrderListItem,
  OrderListQuery,
  OrderPatch,
  OrderTotals,
  OrderTotalsQuery,
} from '../../../shared/api/orders.js';
import { Sale } from '../../../shared/api/sales.js';
import { etagOf, ifMatchOf } from '../../lib/etag.js';
import * as service from './orders.service.js';

// The printed form (GET /api/orders/:id/print) is registered by the printing feature.
export function registerOrderRoutes(app: App, deps: Deps) {
  const tags = ['orders'];
  app.get(
    '/api/orders',
    {
      schema: {
        tags,
        summary: 'Customer orders («Заказы покупателей»), newest first, keyset-paged',
        querystring: OrderListQuery,
        response: { 200: ListOf(OrderListItem), ...errors },
      },
    },
    async (req) => service.list(deps, actorOf(req), req.query),
  );
  app.get(
    '/api/orders/totals',
    {
      schema: {
        tags,
        summary: 'Count, total of orders not cancelled, and total still to ship (a counterparty’s «Заказы» tab)',
        querystring: OrderTotalsQuery,
        response: { 200: OrderTotals, ...errors },
      },
    },
    async (req) => service.totals(deps, actorOf(req), req.query),
  );
  app.post(
    '/api/orders',
    {
      schema: {
        tags,
        summary: 'Create a draft order; `basis` creates it based on an event («Создать на основании»)',
        body: OrderCreate,
        response: { 201: Order, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(deps, actorOf(req), req.body)),
  );
  app.get(
    '/api/orders/:id',
    { schema: { tags, summary: 'An order with its lines (with an ETag)', params: IdParams, response: { 200: Order, ...errors } } },
    async (req, reply) => {
      const o = await service.getOrder(deps, actorOf(req), req.params.id);
      return reply.header('etag', etagOf(o)).send(o);
    },
  );
  app.patch(
    '/api/orders/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft or confirmed order; `lines` replaces all lines; If-Match: 412 when stale',
        params: IdParams,
        body: OrderPatch,
        response: { 200: Order, ...errors },
      },
    },
    async (req, reply) => {
      const o = await service.update(deps, actorOf(req), req.params.id, req.body, ifMatchOf(req.headers));
      return reply.header('etag', etagOf(o)).send(o);
    },
  );
  app.post(
    '/api/orders/:id/confirm',
    { schema: { tags, summary: 'Confirm a draft order with lines', params: IdParams, response: { 200: Order, ...errors } } },
    async (req, reply) => {
      const card = await service.changeState(deps, actorOf(req), req.params.id, 'confirm');
      return reply.header('etag', etagOf(card)).send(card);
    },
  );
  app.post(
    '/api/orders/:id/cancel',
    { schema: { tags, summary: 'Cancel a draft or confirmed order', params: IdParams, response: { 200: Order, ...errors } } },
    async (req, reply) => {
      const card = await service.changeState(deps, actorOf(req), req.params.id, 'cancel');
      return reply.header('etag', etagOf(card)).send(card);
    },
  );
  app.post(
    '/api/orders/:id/ship',
    {
      schema: {
        tags,
        summary:
          'Ship a confirmed order: creates the sale (costs from the products’ cost prices now) and answers 201 with it; a second ship is 409',
        params: IdParams,
        response: { 201: Sale, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.ship(deps, actorOf(req), req.params.id)),
  );
}
