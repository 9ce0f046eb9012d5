import { Type } from '@sinclair/typebox';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams } from '../../../shared/api/common.js';
import { WebhookCreate, WebhookCreated, WebhookDeliveryList, WebhookDeliveryQuery, WebhookList } from '../../../shared/api/webhooks.js';
import * as service from './webhooks.service.js';

export function registerWebhookRoutes(app: App, deps: Deps) {
  const tags = ['webhooks'];
  app.get(
    '/api/webhooks',
    { schema: { tags, summary: 'Webhooks (administrators)', response: { 200: WebhookList, ...errors } } },
    async (req) => ({ items: await service.list(deps, actorOf(req)) }),
  );
  app.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Subscribe a URL to events; the answer carries the signing secret, shown once',
        body: WebhookCreate,
        response: { 201: WebhookCreated, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(deps, actorOf(req), req.body)),
  );
  app.delete(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Stop sending to a webhook (its delivery log stays)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await service.remove(deps, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Delivery log of a webhook, newest first, with every attempt',
        params: IdParams,
        querystring: WebhookDeliveryQuery,
        response: { 200: WebhookDeliveryList, ...errors },
      },
    },
    async (req) => service.deliveries(deps, actorOf(req), req.params.id, req.query),
  );
}
