import { Type } from '@sinclair/typebox';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { Ok } from '../../../shared/api/common.js';
import { CalendarFeed, CalendarFeedParams } from '../../../shared/api/calendar-feed.js';
import * as service from './calendar-feed.service.js';

export function registerCalendarFeedRoutes(app: App, deps: Deps) {
  app.post(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['me'],
        summary: 'A secret iCalendar URL with my open tasks and planned events (with alarms); replaces the previous URL',
        response: { 201: CalendarFeed, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createFeed(deps, actorOf(req), `${req.protocol}://${req.host}`)),
  );
  app.delete(
    '/api/me/calendar-feed',
    { schema: { tags: ['me'], summary: 'Revokes my calendar feed URL', response: { 200: Ok, ...errors } } },
    async (req) => service.revokeFeed(deps, actorOf(req)),
  );
  app.get(
    '/api/calendar/:file',
    {
      config: { public: true },
      schema: {
        tags: ['me'],
        summary: 'The calendar feed (text/calendar); the secret in the path is the credential, no cookie',
        security: [],
        produces: ['text/calendar'],
        params: CalendarFeedParams,
        response: { 200: Type.String({ description: 'iCalendar' }), ...errors },
      },
    },
    async (req, reply) => {
      const text = await service.renderFeed(deps, req.params.file.slice(0, -'.ics'.length));
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('referrer-policy', 'no-referrer')
        .send(text);
    },
  );
}
