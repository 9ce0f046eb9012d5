import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams, ListOf } from '../../../shared/api/common.js';
import {
  AbcClassification,
  AbcClassificationCreate,
  AbcClassificationListItem,
  AbcClassificationListQuery,
  AbcClassificationPatch,
  AbcHistory,
  AbcLinesPage,
  AbcLinesQuery,
} from '../../../shared/api/abc.js';
import * as service from './abc.service.js';
import * as fill from './abc-fill.service.js';

export function registerAbcRoutes(app: App, deps: Deps) {
  const tags = ['abc'];
  const one = { 200: AbcClassification, ...errors };
  app.get(
    '/api/abc-classifications',
    {
      schema: {
        tags,
        summary: '«ABC-классификация покупателей» documents, newest first, keyset-paged',
        querystring: AbcClassificationListQuery,
        response: { 200: ListOf(AbcClassificationListItem), ...errors },
      },
    },
    async (req) => service.list(deps, actorOf(req), req.query),
  );
  app.post(
    '/api/abc-classifications',
    {
      schema: {
        tags,
        summary: 'A new draft (administrators); basis and percents default from the settings',
        body: AbcClassificationCreate,
        response: { 201: AbcClassification, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(deps, actorOf(req), req.body)),
  );
  app.get(
    '/api/abc-classifications/:id',
    {
      schema: {
        tags,
        summary: 'A classification with at most its first 500 lines the reader may see (linesTruncated: page the rest with /lines)',
        params: IdParams,
        response: one,
      },
    },
    async (req) => service.get(deps, actorOf(req), req.params.id),
  );
  app.get(
    '/api/abc-classifications/:id/lines',
    {
      schema: {
        tags,
        summary: 'The lines in rank order, paged; filters abcClass and q (customer name)',
        params: IdParams,
        querystring: AbcLinesQuery,
        response: { 200: AbcLinesPage, ...errors },
      },
    },
    async (req) => service.linesPage(deps, actorOf(req), req.params.id, req.query),
  );
  app.patch(
    '/api/abc-classifications/:id',
    { schema: { tags, summary: 'Change a draft', params: IdParams, body: AbcClassificationPatch, response: one } },
    async (req) => service.patch(deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/abc-classifications/:id/fill',
    { schema: { tags, summary: '«Заполнить»: compute the lines of a draft again', params: IdParams, response: one } },
    async (req) => fill.fill(deps, actorOf(req), req.params.id),
  );
  app.post(
    '/api/abc-classifications/:id/apply',
    {
      schema: { tags, summary: '«Перераспределить»: set each listed customer’s class', params: IdParams, response: one },
    },
    async (req) => fill.apply(deps, actorOf(req), req.params.id),
  );
  app.post(
    '/api/abc-classifications/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel the latest applied classification: the customers get back their previous classes',
        params: IdParams,
        response: one,
      },
    },
    async (req) => fill.cancel(deps, actorOf(req), req.params.id),
  );
  app.get(
    '/api/counterparties/:id/abc-history',
    {
      schema: {
        tags,
        summary: 'The counterparty’s class in every applied classification, newest first',
        params: IdParams,
        response: { 200: AbcHistory, ...errors },
      },
    },
    async (req) => service.history(deps, actorOf(req), req.params.id),
  );
}
