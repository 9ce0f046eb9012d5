// The one scheduler of a server process. Every instance runs one; the database decides which
// instance runs each job (see scheduler.repo claim), so several instances on one PostgreSQL never
// run a job twice at once, and the jobs themselves are idempotent.
import type { Deps } from './deps.js';
import { getSettings } from './features/settings/settings.service.js';
import { dispatchDueReminders } from './features/tasks/tasks.service.js';
import { JOBS, type Job } from './features/scheduler/scheduler.jobs.js';
import { runJob } from './features/scheduler/scheduler.service.js';

export interface SchedulerOptions {
  jobs?: Job[];
  /** How often due jobs are checked. The settings' polling interval decides how often each runs;
   * checking every second lets a changed interval apply without a restart. */
  jobLoopMs?: number;
  /** How often due reminder popups are pushed: well within the 5 s a popup may be late. */
  reminderTickMs?: number;
}

export interface Scheduler {
  /** Stops the loops and waits for runs in progress to finish. */
  stop(): Promise<void>;
  /** Claims and runs every due job now, waiting for them (tests, and the loop's work). */
  runDue(): Promise<void>;
}

export function startScheduler(deps: Deps, opts: SchedulerOptions = {}): Scheduler {
  const jobs = opts.jobs ?? JOBS;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  // Runs of this process by job name: a slow job neither blocks the others nor overlaps itself.
  const running = new Map<string, Promise<void>>();
  const ticks = new Set<Promise<void>>();

  const startJob = (job: Job, settings: Awaited<ReturnType<typeof getSettings>>): Promise<void> => {
    const existing = running.get(job.name);
    if (existing) return existing;
    const p = runJob(deps, job, settings)
      .then(() => undefined)
      .catch((err) => deps.log.error({ err, job: job.name }, 'scheduled job could not be claimed or recorded'))
      .finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  };

  // Settings are read on every check, so a new interval or jobs user applies at once.
  const startDue = async () => {
    if (stopped) return [];
    const settings = await getSettings(deps);
    return stopped ? [] : jobs.map((job) => startJob(job, settings));
  };

  const runDue = async () => {
    await Promise.all(await startDue());
  };

  /** A loop of ticks that never overlap and never die: errors are logged and the next tick comes. */
  const loop = (what: string, ms: number, tick: () => Promise<unknown>) => {
    const schedule = () => {
      if (stopped) return;
      const h = setTimeout(() => {
        timers.delete(h);
        const p = tick()
          .then(() => undefined)
          .catch((err) => deps.log.error({ err }, `scheduler ${what} tick failed`))
          .finally(() => {
            ticks.delete(p);
            schedule();
          });
        ticks.add(p);
      }, ms);
      // Never keeps the process alive on its own: main.ts decides when the server stops.
      h.unref();
      timers.add(h);
    };
    schedule();
  };

  loop('jobs', opts.jobLoopMs ?? 1000, startDue);
  loop('reminders', opts.reminderTickMs ?? 2000, () => dispatchDueReminders(deps));

  return {
    runDue,
    async stop() {
      stopped = true;
      for (const h of timers) clearTimeout(h);
      timers.clear();
      // Ticks first: a tick in flight may still start a run, which is then awaited too.
      await Promise.allSettled([...ticks]);
      await Promise.allSettled([...running.values()]);
    },
  };
}
