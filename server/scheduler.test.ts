// The scheduler on both databases: claims, interval changes without restart, several instances,
// errors, the job status API and the settings it depends on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './test/test-app.js';
import { createDb, type Database } from './db/database.js';
import type { Deps } from './deps.js';
import { startScheduler, type Scheduler } from './scheduler.js';
import type { Job } from './features/scheduler/scheduler.jobs.js';

let t: TestApp;
let robot: { id: string; cookie: string };
let extra: Database[] = [];
let schedulers: Scheduler[] = [];

beforeEach(async () => {
  t = await makeTestApp({ now: '2026-03-05T09:00:00Z' });
  robot = await t.userWithCookie('manager', 'Робот');
  expect((await t.patch(t.adminCookie, '/api/settings', { scheduledJobsUserId: robot.id, schedulerIntervalSeconds: 60 })).statusCode).toBe(
    200,
  );
});
afterEach(async () => {
  for (const s of schedulers) await s.stop();
  for (const d of extra) await d.close();
  schedulers = [];
  extra = [];
  await t.close();
});

/** A scheduler whose loops never fire on their own: the test drives it with runDue(). */
function manual(deps: Deps = t.app.deps, jobs?: Job[]) {
  const s = startScheduler(deps, { jobs, jobLoopMs: 3_600_000, reminderTickMs: 3_600_000 });
  schedulers.push(s);
  return s;
}

/** Deps as another app instance would have them: its own connection pool on PostgreSQL. */
function otherInstance(): Deps {
  if (t.database.dialect === 'sqlite') return t.app.deps; // one process owns an SQLite file
  const d = createDb(t.database.url, { pgSchema: t.database.schema, poolSize: 2 });
  extra.push(d);
  return { ...t.app.deps, db: d.db };
}

async function birthdayToday(lastName: string) {
  const res = await t.post(t.adminCookie, '/api/contact-persons', { lastName, birthday: '1980-03-05', birthdayReminderDays: 0 });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const jobRow = (name = 'birthdays') => t.db.selectFrom('scheduledJobs').selectAll().where('name', '=', name).executeTakeFirst();
const taskCount = async () => (await t.db.selectFrom('tasks').select('id').where('source', '=', 'birthday').execute()).length;

describe('scheduler', () => {
  it('runs a due job once per interval and records its outcome', async () => {
    await birthdayToday('Петрова');
    const s = manual();
    await s.runDue();
    await s.runDue(); // not due again yet
    expect(await jobRow()).toMatchObject({
      runCount: 1,
      lastStatus: 'ok',
      lastStartedAt: '2026-03-05T09:00:00.000Z',
      lastFinishedAt: '2026-03-05T09:00:00.000Z',
      nextRunAt: '2026-03-05T09:01:00.000Z',
      lastResult: expect.stringContaining('1 task(s) created'),
    });
    t.clock.advance(60_000);
    await s.runDue();
    expect(await jobRow()).toMatchObject({ runCount: 2, lastResult: expect.stringContaining('0 task(s) created') });
    expect(await taskCount()).toBe(1); // an individual: the jobs user only
  });

  it('honours a changed polling interval without a restart', async () => {
    await t.patch(t.adminCookie, '/api/settings', { schedulerIntervalSeconds: 86400 });
    const s = manual();
    await s.runDue();
    t.clock.advance(61_000);
    await s.runDue();
    expect((await jobRow())!.runCount).toBe(1); // a day has not passed
    await t.patch(t.adminCookie, '/api/settings', { schedulerIntervalSeconds: 60 });
    const listed = (await t.get(t.adminCookie, '/api/scheduler/jobs')).json().items[0];
    expect(listed.nextRunAt).toBe('2026-03-05T09:01:00.000Z'); // what the page shows follows the new interval
    await s.runDue();
    expect((await jobRow())!.runCount).toBe(2);
  });

  it('three instances polling at once: one run, one task per person and assignee', async () => {
    await birthdayToday('Петрова');
    await birthdayToday('Сидорова');
    const instances = [manual(otherInstance()), manual(otherInstance()), manual(otherInstance())];
    await Promise.all(instances.map((s) => s.runDue()));
    expect((await jobRow())!.runCount).toBe(1);
    expect(await taskCount()).toBe(2);
    t.clock.advance(60_000);
    await Promise.all(instances.map((s) => s.runDue()));
    expect((await jobRow())!.runCount).toBe(2);
    expect(await taskCount()).toBe(2);
  });

  it('a failing job is recorded as an error and the scheduler goes on', async () => {
    let calls = 0;
    const boom: Job = {
      name: 'boom',
      run: async () => {
        calls++;
        throw new Error('database went away');
      },
    };
    const s = manual(t.app.deps, [boom]);
    await s.runDue();
    expect(await jobRow('boom')).toMatchObject({ lastStatus: 'error', lastResult: 'database went away', runCount: 1 });
    t.clock.advance(60_000);
    await s.runDue();
    expect(calls).toBe(2);
  });

  it('the loops tick on their own: jobs run and due popups are dispatched', async () => {
    const p = await birthdayToday('Петрова');
    const s = startScheduler(t.app.deps, { jobLoopMs: 20, reminderTickMs: 20 });
    schedulers.push(s);
    const deadline = Date.now() + 10_000;
    let alerted: { alertedAt: string | null } | undefined;
    while (Date.now() < deadline) {
      alerted = await t.db.selectFrom('tasks').select('alertedAt').where('subjectId', '=', p).executeTakeFirst();
      if (alerted?.alertedAt) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(alerted?.alertedAt).toBe('2026-03-05T09:00:00.000Z');
    await s.stop();
    expect((await jobRow())!.runCount).toBe(1);
  });
});

describe('job status API', () => {
  it('lists each job with last run, result and next run, for administrators only', async () => {
    const before = (await t.get(t.adminCookie, '/api/scheduler/jobs')).json();
    const idle = {
      lastStartedAt: null,
      lastFinishedAt: null,
      lastStatus: null,
      lastResult: null,
      nextRunAt: null,
      runCount: 0,
      running: false,
    };
    expect(before.items).toEqual([
      { name: 'birthdays', ...idle },
      { name: 'abc', ...idle },
      { name: 'webhooks', ...idle },
    ]);
    await manual().runDue();
    const after = (await t.get(t.adminCookie, '/api/scheduler/jobs')).json().items[0];
    expect(after).toMatchObject({
      name: 'birthdays',
      lastStatus: 'ok',
      runCount: 1,
      nextRunAt: '2026-03-05T09:01:00.000Z',
      running: false,
    });
    expect((await t.get(robot.cookie, '/api/scheduler/jobs')).statusCode).toBe(403);
  });

  it('runs a job now through the same claim, not twice at once', async () => {
    await birthdayToday('Петрова');
    await manual().runDue();
    await t.db.deleteFrom('tasks').execute();
    const res = await t.post(t.adminCookie, '/api/scheduler/jobs/birthdays/run');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lastStatus: 'ok', runCount: 2, lastResult: expect.stringContaining('1 task(s) created') });
    expect(await taskCount()).toBe(1);

    // A run in progress elsewhere (started, not finished): refused, nothing runs.
    await t.db.updateTable('scheduledJobs').set({ lastStartedAt: '2026-03-05T08:59:00.000Z', lastFinishedAt: null }).execute();
    const busy = await t.post(t.adminCookie, '/api/scheduler/jobs/birthdays/run');
    expect(busy.statusCode).toBe(409);
    expect((await jobRow())!.runCount).toBe(2);
    expect((await t.get(t.adminCookie, '/api/scheduler/jobs')).json().items[0].running).toBe(true);
    // An instance that died mid-run does not block the job for ever.
    t.clock.advance(16 * 60_000);
    expect((await t.post(t.adminCookie, '/api/scheduler/jobs/birthdays/run')).statusCode).toBe(200);
  });

  it('refuses unknown jobs, managers and bad names', async () => {
    expect((await t.post(t.adminCookie, '/api/scheduler/jobs/nope/run')).statusCode).toBe(404);
    expect((await t.post(t.adminCookie, '/api/scheduler/jobs/..%2Fx/run')).statusCode).toBe(400);
    expect((await t.post(robot.cookie, '/api/scheduler/jobs/birthdays/run')).statusCode).toBe(403);
    expect(await jobRow()).toBeUndefined();
  });
});

describe('scheduler settings', () => {
  it.each([
    [{ schedulerIntervalSeconds: 0 }, 'schedulerIntervalSeconds'],
    [{ schedulerIntervalSeconds: 86401 }, 'schedulerIntervalSeconds'],
    [{ schedulerIntervalSeconds: 1.5 }, 'schedulerIntervalSeconds'],
    [{ schedulerIntervalSeconds: '60' }, 'schedulerIntervalSeconds'],
    [{ scheduledJobsUserId: '0190e7a0-0000-7000-8000-000000000000' }, 'scheduledJobsUserId'],
  ])('refuses %j with a clear error', async (body, field) => {
    const res = await t.patch(t.adminCookie, '/api/settings', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ field })] });
    expect((await t.get(t.adminCookie, '/api/settings')).json()).toMatchObject({
      schedulerIntervalSeconds: 60,
      scheduledJobsUserId: robot.id,
    });
  });

  it('refuses a blocked user for scheduled jobs', async () => {
    const other = await t.userWithCookie('manager', 'Заблокированный');
    await t.patch(t.adminCookie, `/api/users/${other.id}`, { blocked: true });
    const res = await t.patch(t.adminCookie, '/api/settings', { scheduledJobsUserId: other.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'scheduledJobsUserId', code: 'user_not_found' })]);
    expect((await t.get(t.adminCookie, '/api/settings')).json().scheduledJobsUserId).toBe(robot.id);
  });

  it('accepts the bounds: 1 second and one day', async () => {
    expect((await t.patch(t.adminCookie, '/api/settings', { schedulerIntervalSeconds: 1 })).statusCode).toBe(200);
    expect((await t.patch(t.adminCookie, '/api/settings', { schedulerIntervalSeconds: 86400 })).json().schedulerIntervalSeconds).toBe(
      86400,
    );
  });
});
