import { Type } from '@sinclair/typebox';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams } from '../../../shared/api/common.js';
import { InfoSource, InfoSourceCreate, InfoSourcePatch } from '../../../shared/api/events.js';
import * as service from './info-sources.service.js';

export function registerInfoSourceRoutes(app: App, deps: Deps) {
  const tags = ['events'];
  app.get(
    '/api/info-sources',
    {
      schema: {
        tags,
        summary: 'Information sources of requests (website, recommendation, …)',
        response: { 200: Type.Object({ items: Type.Array(InfoSource) }), ...errors },
      },
    },
    async () => ({ items: await service.list(deps) }),
  );
  app.post(
    '/api/info-sources',
    { schema: { tags, body: InfoSourceCreate, response: { 201: InfoSource, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.create(deps, actorOf(req), req.body.name)),
  );
  app.patch(
    '/api/info-sources/:id',
    { schema: { tags, params: IdParams, body: InfoSourcePatch, response: { 200: InfoSource, ...errors } } },
    async (req) => service.update(deps, actorOf(req), req.params.id, req.body),
  );
}
