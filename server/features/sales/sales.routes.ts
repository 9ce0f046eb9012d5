import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams, ListOf } from '../../../shared/api/common.js';
import { Sale, SaleCreate, SaleListItem, SaleListQuery, SaleTotals, SaleTotalsQuery } from '../../../shared/api/sales.js';
import * as service from './sales.service.js';

// The CSV import (sales-import.*) and the printed form (printing/*) register their own routes.
export function registerSaleRoutes(app: App, deps: Deps) {
  const tags = ['sales'];
  app.get(
    '/api/sales',
    {
      schema: {
        tags,
        summary: 'Sales («Реализация товаров и услуг»), newest first, keyset-paged',
        querystring: SaleListQuery,
        response: { 200: ListOf(SaleListItem), ...errors },
      },
    },
    async (req) => service.list(deps, actorOf(req), req.query),
  );
  app.get(
    '/api/sales/totals',
    {
      schema: {
        tags,
        summary: 'Count, revenue, cost and gross profit of the sales the user may see (a counterparty’s «Продажи» tab)',
        querystring: SaleTotalsQuery,
        response: { 200: SaleTotals, ...errors },
      },
    },
    async (req) => service.totals(deps, actorOf(req), req.query),
  );
  app.post(
    '/api/sales',
    {
      schema: {
        tags,
        summary: 'Enter a sale directly; amounts, costs and VAT rates default from the products',
        body: SaleCreate,
        response: { 201: Sale, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(deps, actorOf(req), req.body)),
  );
  app.get('/api/sales/:id', { schema: { tags, params: IdParams, response: { 200: Sale, ...errors } } }, async (req) =>
    service.get(deps, actorOf(req), req.params.id),
  );
}
