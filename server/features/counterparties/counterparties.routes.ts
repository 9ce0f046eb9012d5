import { Type } from '@sinclair/typebox';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams, ListOf } from '../../../shared/api/common.js';
import { Counterparty, CounterpartyCreate, CounterpartyListQuery, CounterpartyPatch } from '../../../shared/api/counterparties.js';
import * as service from './counterparties.service.js';
import { etagOf, ifMatchOf } from '../../lib/etag.js';

const HistoryEntry = Type.Object({
  id: Type.String(),
  action: Type.String(),
  at: Type.String(),
  userId: Type.Union([Type.String(), Type.Null()]),
  userName: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Record(Type.String(), Type.Array(Type.Unknown())),
});

export function registerCounterpartyRoutes(app: App, deps: Deps) {
  const tags = ['counterparties'];
  app.get(
    '/api/counterparties',
    {
      schema: {
        tags,
        summary: 'Counterparties («Контрагенты»), keyset-paged; q searches name, INN, any written form of a phone, e-mail',
        querystring: CounterpartyListQuery,
        response: { 200: ListOf(Counterparty), ...errors },
      },
    },
    async (req) => service.list(deps, actorOf(req), req.query),
  );

  app.post(
    '/api/counterparties',
    { schema: { tags, body: CounterpartyCreate, response: { 201: Counterparty, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.create(deps, actorOf(req), req.body)),
  );

  app.get(
    '/api/counterparties/:id',
    { schema: { tags, params: IdParams, response: { 200: Counterparty, ...errors } } },
    async (req, reply) => {
      const card = await service.get(deps, actorOf(req), req.params.id);
      return reply.header('etag', etagOf(card)).send(card);
    },
  );

  app.patch(
    '/api/counterparties/:id',
    { schema: { tags, params: IdParams, body: CounterpartyPatch, response: { 200: Counterparty, ...errors } } },
    async (req, reply) => {
      const card = await service.update(deps, actorOf(req), req.params.id, req.body, ifMatchOf(req.headers));
      return reply.header('etag', etagOf(card)).send(card);
    },
  );

  app.post(
    '/api/counterparties/:id/archive',
    { schema: { tags, summary: 'Archive (never deleted)', params: IdParams, response: { 200: Counterparty, ...errors } } },
    async (req, reply) => {
      const card = await service.setArchived(deps, actorOf(req), req.params.id, true);
      return reply.header('etag', etagOf(card)).send(card);
    },
  );

  app.post(
    '/api/counterparties/:id/restore',
    { schema: { tags, summary: 'Bring back from the archive', params: IdParams, response: { 200: Counterparty, ...errors } } },
    async (req, reply) => {
      const card = await service.setArchived(deps, actorOf(req), req.params.id, false);
      return reply.header('etag', etagOf(card)).send(card);
    },
  );

  app.get(
    '/api/counterparties/:id/history',
    {
      schema: {
        tags,
        summary: 'Audit log of the card',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(HistoryEntry) }), ...errors },
      },
    },
    async (req) => ({ items: await service.history(deps, actorOf(req), req.params.id) }),
  );
}
