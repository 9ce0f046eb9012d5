import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams, ListOf } from '../../../shared/api/common.js';
import { ContactPerson, ContactPersonCreate, ContactPersonListQuery, ContactPersonPatch } from '../../../shared/api/contact-persons.js';
import * as service from './contact-persons.service.js';
import { etagOf, ifMatchOf } from '../../lib/etag.js';

export function registerContactPersonRoutes(app: App, deps: Deps) {
  const tags = ['contact persons'];
  app.get(
    '/api/contact-persons',
    {
      schema: {
        tags,
        summary: 'Contact persons («Контактные лица») and individuals',
        querystring: ContactPersonListQuery,
        response: { 200: ListOf(ContactPerson), ...errors },
      },
    },
    async (req) => service.list(deps, actorOf(req), req.query),
  );
  app.post(
    '/api/contact-persons',
    { schema: { tags, body: ContactPersonCreate, response: { 201: ContactPerson, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.create(deps, actorOf(req), req.body)),
  );
  app.get(
    '/api/contact-persons/:id',
    { schema: { tags, params: IdParams, response: { 200: ContactPerson, ...errors } } },
    async (req, reply) => {
      const card = await service.get(deps, actorOf(req), req.params.id);
      return reply.header('etag', etagOf(card)).send(card);
    },
  );
  app.patch(
    '/api/contact-persons/:id',
    { schema: { tags, params: IdParams, body: ContactPersonPatch, response: { 200: ContactPerson, ...errors } } },
    async (req, reply) => {
      const card = await service.update(deps, actorOf(req), req.params.id, req.body, ifMatchOf(req.headers));
      return reply.header('etag', etagOf(card)).send(card);
    },
  );
  app.post(
    '/api/contact-persons/:id/archive',
    { schema: { tags, params: IdParams, response: { 200: ContactPerson, ...errors } } },
    async (req, reply) => {
      const card = await service.setArchived(deps, actorOf(req), req.params.id, true);
      return reply.header('etag', etagOf(card)).send(card);
    },
  );
  app.post(
    '/api/contact-persons/:id/restore',
    { schema: { tags, params: IdParams, response: { 200: ContactPerson, ...errors } } },
    async (req, reply) => {
      const card = await service.setArchived(deps, actorOf(req), req.params.id, false);
      return reply.header('etag', etagOf(card)).send(card);
    },
  );
}
