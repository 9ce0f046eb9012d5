import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams, ListOf } from '../../../shared/api/common.js';
import { Event, EventCreate, EventListQuery, EventRelated, EventReminderAnswer, EventUpdate } from '../../../shared/api/events.js';
import * as service from './events.service.js';
import { etagOf, ifMatchOf } from '../../lib/etag.js';
import { related } from '../documents/related.service.js';

export function registerEventRoutes(app: App, deps: Deps) {
  const tags = ['events'];
  app.get(
    '/api/events',
    {
      schema: {
        tags,
        summary: 'Events journal («События»), newest first',
        querystring: EventListQuery,
        response: { 200: ListOf(Event), ...errors },
      },
    },
    async (req) => service.list(deps, actorOf(req), req.query),
  );
  app.post(
    '/api/events',
    {
      schema: {
        tags,
        summary: 'Log an event; `basis` creates it based on another document; `reminder` adds a task with a popup',
        body: EventCreate,
        response: { 201: Event, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(deps, actorOf(req), req.body)),
  );
  app.get('/api/events/:id', { schema: { tags, params: IdParams, response: { 200: Event, ...errors } } }, async (req, reply) => {
    const card = await service.get(deps, actorOf(req), req.params.id);
    return reply.header('etag', etagOf(card)).send(card);
  });
  app.patch(
    '/api/events/:id',
    {
      schema: {
        tags,
        summary: 'Change an event: only the fields sent; `basis` (null: none) and `reminder` (null: remove) in the same transaction',
        params: IdParams,
        body: EventUpdate,
        response: { 200: Event, ...errors },
      },
    },
    async (req, reply) => {
      const card = await service.update(deps, actorOf(req), req.params.id, req.body, ifMatchOf(req.headers));
      return reply.header('etag', etagOf(card)).send(card);
    },
  );
  app.get(
    '/api/events/:id/reminder',
    {
      schema: {
        tags,
        summary: 'The event’s open reminder task («Напомнить»), if the user may see it',
        params: IdParams,
        response: { 200: EventReminderAnswer, ...errors },
      },
    },
    async (req) => service.reminderOf(deps, actorOf(req), req.params.id),
  );
  app.post('/api/events/:id/archive', { schema: { tags, params: IdParams, response: { 200: Event, ...errors } } }, async (req, reply) => {
    const card = await service.setArchived(deps, actorOf(req), req.params.id, true);
    return reply.header('etag', etagOf(card)).send(card);
  });
  app.post('/api/events/:id/restore', { schema: { tags, params: IdParams, response: { 200: Event, ...errors } } }, async (req, reply) => {
    const card = await service.setArchived(deps, actorOf(req), req.params.id, false);
    return reply.header('etag', etagOf(card)).send(card);
  });
  app.get(
    '/api/events/:id/related',
    {
      schema: {
        tags,
        summary: 'The basis of the event and the documents created based on it',
        params: IdParams,
        response: { 200: EventRelated, ...errors },
      },
    },
    async (req) => related(deps, actorOf(req), req.params.id),
  );
}
