import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { JobParams, JobStatus, JobStatusList } from '../../../shared/api/scheduler.js';
import * as service from './scheduler.service.js';

export function registerSchedulerRoutes(app: App, deps: Deps) {
  const tags = ['scheduler'];
  app.get(
    '/api/scheduler/jobs',
    {
      schema: {
        tags,
        summary: 'Scheduled jobs («Регламентные задания»): last run, result, next run (admin only)',
        response: { 200: JobStatusList, ...errors },
      },
    },
    async (req) => ({ items: await service.listJobs(deps, actorOf(req)) }),
  );
  app.post(
    '/api/scheduler/jobs/:name/run',
    {
      schema: {
        tags,
        summary: 'Run a job now (admin only); 409 while a run is in progress',
        params: JobParams,
        response: { 200: JobStatus, ...errors },
      },
    },
    async (req) => service.runJobNow(deps, actorOf(req), req.params.name),
  );
}
