import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { CallerIdQuery, CallerIdResult } from '../../../shared/api/caller-id.js';
import * as service from './caller-id.service.js';

export function registerCallerIdRoutes(app: App, deps: Deps) {
  app.get(
    '/api/caller-id',
    {
      schema: {
        tags: ['telephony'],
        summary: 'Who is calling: counterparties and contact persons with this phone (any written form), with the responsible manager',
        querystring: CallerIdQuery,
        response: { 200: CallerIdResult, ...errors },
      },
    },
    async (req) => service.lookup(deps, actorOf(req), req.query.phone),
  );
}
