import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams, ListOf } from '../../../shared/api/common.js';
import { Product, ProductCreate, ProductListQuery, ProductPatch } from '../../../shared/api/products.js';
import { etagOf, ifMatchOf } from '../../lib/etag.js';
import * as service from './products.service.js';

export function registerProductRoutes(app: App, deps: Deps) {
  const tags = ['products'];
  app.get(
    '/api/products',
    {
      schema: {
        tags,
        summary: 'Products («Номенклатура») by name, keyset-paged; q searches the SKU or the name',
        querystring: ProductListQuery,
        response: { 200: ListOf(Product), ...errors },
      },
    },
    async (req) => service.list(deps, actorOf(req), req.query),
  );
  app.post(
    '/api/products',
    {
      schema: {
        tags,
        summary: 'Add a product; the SKU is unique whatever its case',
        body: ProductCreate,
        response: { 201: Product, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(deps, actorOf(req), req.body)),
  );
  app.get(
    '/api/products/:id',
    { schema: { tags, summary: 'A product card (with an ETag)', params: IdParams, response: { 200: Product, ...errors } } },
    async (req, reply) => {
      const p = await service.get(deps, actorOf(req), req.params.id);
      return reply.header('etag', etagOf(p)).send(p);
    },
  );
  app.patch(
    '/api/products/:id',
    {
      schema: {
        tags,
        summary: 'Change a product; `archived` moves it to the archive or back; If-Match: 412 when stale',
        params: IdParams,
        body: ProductPatch,
        response: { 200: Product, ...errors },
      },
    },
    async (req, reply) => {
      const p = await service.update(deps, actorOf(req), req.params.id, req.body, ifMatchOf(req.headers));
      return reply.header('etag', etagOf(p)).send(p);
    },
  );
}
