import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { isAdmin } from '../../lib/actor.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import type { Settings } from '../../../shared/api/settings.js';
import type { JobStatus } from '../../../shared/api/scheduler.js';
import { getSettings } from '../settings/settings.service.js';
import { JOBS, type Job } from './scheduler.jobs.js';
import { claimTimes, effectiveNextRun, isRunning } from './scheduler.logic.js';
import * as repo from './scheduler.repo.js';

/** Longest result text kept: the status page shows one line. */
const RESULT_MAX = 500;

export interface RunOutcome {
  status: 'ok' | 'error';
  result: string;
}

/** Claims the job and runs it if this caller wins; null when it was not due or another instance
 * (or a run still in progress) has it. Errors of the job are recorded and logged, never thrown. */
export async function runJob(deps: Deps, job: Job, settings: Settings, opts: { force?: boolean } = {}): Promise<RunOutcome | null> {
  const t = claimTimes(deps.clock.now(), settings.schedulerIntervalSeconds);
  await repo.ensureJob(deps.db, job.name, t.now);
  if (!(await repo.claim(deps.db, job.name, t, opts.force ?? false))) return null;
  let outcome: RunOutcome;
  try {
    outcome = { status: 'ok', result: await job.run(deps) };
  } catch (err) {
    deps.log.error({ err, job: job.name }, 'scheduled job failed');
    outcome = { status: 'error', result: err instanceof Error ? err.message : String(err) };
  }
  const result = outcome.result.length > RESULT_MAX ? `${outcome.result.slice(0, RESULT_MAX - 1)}…` : outcome.result;
  await repo.finish(deps.db, job.name, t.now, { finishedAt: deps.clock.now().toISOString(), status: outcome.status, result });
  return { ...outcome, result };
}

function assertAdmin(actor: Actor) {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can manage scheduled jobs');
}

function statusOf(job: Job, row: Awaited<ReturnType<typeof repo.findJob>>, s: Settings, now: Date): JobStatus {
  if (!row)
    return {
      name: job.name,
      lastStartedAt: null,
      lastFinishedAt: null,
      lastStatus: null,
      lastResult: null,
      nextRunAt: null,
      runCount: 0,
      running: false,
    };
  return {
    name: job.name,
    lastStartedAt: row.lastStartedAt,
    lastFinishedAt: row.lastFinishedAt,
    lastStatus: row.lastStatus,
    lastResult: row.lastResult,
    nextRunAt: effectiveNextRun(row, s.schedulerIntervalSeconds),
    runCount: Number(row.runCount),
    running: isRunning(row, now),
  };
}

/** Every registered job with its last run and next run (settings page). */
export async function listJobs(deps: Deps, actor: Actor, jobs: Job[] = JOBS): Promise<JobStatus[]> {
  assertAdmin(actor);
  const s = await getSettings(deps);
  const rows = new Map((await repo.listJobs(deps.db)).map((r) => [r.name, r]));
  const now = deps.clock.now();
  return jobs.map((j) => statusOf(j, rows.get(j.name), s, now));
}

/** Runs a job now, through the same claim as the scheduler (so never twice at once). */
export async function runJobNow(deps: Deps, actor: Actor, name: string, jobs: Job[] = JOBS): Promise<JobStatus> {
  assertAdmin(actor);
  const job = jobs.find((j) => j.name === name);
  if (!job) throw notFound('Scheduled job');
  const s = await getSettings(deps);
  const outcome = await runJob(deps, job, s, { force: true });
  if (!outcome) throw conflict('The job is running now; try again when it has finished');
  return statusOf(job, await repo.findJob(deps.db, name), s, deps.clock.now());
}
