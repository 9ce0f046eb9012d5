import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams, ListOf } from '../../../shared/api/common.js';
import { ReminderListQuery, ReminderPage, SnoozeBody, Task, TaskCreate, TaskListQuery, TaskPatch } from '../../../shared/api/tasks.js';
import * as service from './tasks.service.js';

export function registerTaskRoutes(app: App, deps: Deps) {
  const tags = ['tasks'];
  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: '«Задачи с оповещением»: status open | overdue | done | all; assigneeId me | all | id',
        querystring: TaskListQuery,
        response: { 200: ListOf(Task), ...errors },
      },
    },
    async (req) => service.list(deps, actorOf(req), req.query),
  );
  app.get(
    '/api/tasks/reminders',
    {
      schema: {
        tags,
        summary: 'Reminders due now for the signed-in user (the popups), newest first; paged by cursor, with the total',
        querystring: ReminderListQuery,
        response: { 200: ReminderPage, ...errors },
      },
    },
    async (req) => service.dueReminders(deps, actorOf(req), req.query),
  );
  app.post('/api/tasks', { schema: { tags, body: TaskCreate, response: { 201: Task, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await service.create(deps, actorOf(req), req.body)),
  );
  app.get('/api/tasks/:id', { schema: { tags, params: IdParams, response: { 200: Task, ...errors } } }, async (req) =>
    service.get(deps, actorOf(req), req.params.id),
  );
  app.patch('/api/tasks/:id', { schema: { tags, params: IdParams, body: TaskPatch, response: { 200: Task, ...errors } } }, async (req) =>
    service.update(deps, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/tasks/:id/complete', { schema: { tags, params: IdParams, response: { 200: Task, ...errors } } }, async (req) =>
    service.complete(deps, actorOf(req), req.params.id),
  );
  app.post(
    '/api/tasks/:id/snooze',
    {
      schema: { tags, summary: 'Snooze: { until } or { minutes }', params: IdParams, body: SnoozeBody, response: { 200: Task, ...errors } },
    },
    async (req) => service.snooze(deps, actorOf(req), req.params.id, req.body),
  );
}
