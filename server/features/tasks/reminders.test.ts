// Due reminder popups on both databases: claimed in bounded batches and pushed in the claiming
// transaction (an instance that dies before its commit loses nothing), pushed exactly once per
// listening stream with two instances on PostgreSQL, and paged by cursor for the browser.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createDb } from '../../db/database.js';
import { createPubSub } from '../../db/dialect.js';
import { newId } from '../../lib/ids.js';
import type { Deps } from '../../deps.js';
import type { App } from '../../http.js';
import type { UserNotification } from '../notifications/notifications.service.js';
import { CLAIM_BATCH, dispatchDueReminders } from './tasks.service.js';
import { runBirthdayJob } from '../birthdays/birthdays.service.js';

let t: TestApp;
let cleanup: (() => Promise<void>)[] = [];
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
});
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
  await t.close();
});

const isPostgres = () => t.database.dialect === 'postgres';

/** Inserts open tasks whose popups are due now, spread over the given users; returns their ids. */
async function dueTasks(n: number, assignees: string[], alertAt = '2026-11-27T08:00:00.000Z'): Promise<string[]> {
  const now = t.clock.now().toISOString();
  const rows = Array.from({ length: n }, (_, i) => ({
    id: newId(),
    title: `Напоминание ${i}`,
    description: null,
    dueAt: null,
    remindAt: alertAt,
    status: 'open' as const,
    assigneeId: assignees[i % assignees.length],
    subjectType: null,
    subjectId: null,
    source: 'manual' as const,
    sourceKey: null,
    completedAt: null,
    completedBy: null,
    snoozedUntil: null,
    alertAt,
    alertedAt: null,
    createdAt: now,
    createdBy: null,
    updatedAt: now,
    updatedBy: null,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await t.db
      .insertInto('tasks')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.map((r) => r.id);
}

const alertedCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('tasks')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('alertedAt', 'is not', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** What each listening stream heard: one list of task ids per (instance, user). */
class Streams {
  readonly heard = new Map<string, string[]>();
  listen(name: string, deps: Deps, userId: string) {
    const key = `${name}:${userId}`;
    this.heard.set(key, []);
    const stop = deps.notifier.listen(userId, (n) => {
      if (n.type === 'reminder') this.heard.get(key)!.push(n.taskId);
    });
    cleanup.push(async () => stop());
  }
  total = () => [...this.heard.values()].reduce((s, l) => s + l.length, 0);
  /** Waits until `expected` pushes arrived, then a little longer so a duplicate would show. */
  async settle(expected: number) {
    const deadline = Date.now() + 20_000;
    while (this.total() < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** LISTEN connects asynchronously: a probe heard by every instance shows they are all listening. */
async function listening(instances: Deps[]) {
  for (const deps of instances) {
    const heard = new Set<Deps>();
    const stops = instances.map((d) => d.notifier.listen('probe', () => heard.add(d)));
    const deadline = Date.now() + 10_000;
    while (heard.size < instances.length && Date.now() < deadline) {
      await deps.notifier.notify({ userId: 'probe', type: 'taskChanged', taskId: 'probe' });
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const s of stops) s();
    expect(heard.size).toBe(instances.length);
  }
}

/** Deps of an instance killed at its first push: inside the claiming transaction, or (with pushes
 * sent one by one after the claim) at the first of them. */
function dying(deps: Deps): Deps {
  const crash = (): never => {
    throw new Error('instance killed');
  };
  return {
    ...deps,
    notifier: {
      ...deps.notifier,
      notify: async () => crash(),
      inTransaction: (db, work) => deps.notifier.inTransaction(db, (trx) => work(trx, crash)),
    },
  };
}

/** Deps that record how many popups each claiming transaction pushed. */
function recordingBatches(deps: Deps, sizes: number[]): Deps {
  return {
    ...deps,
    notifier: {
      ...deps.notifier,
      inTransaction: (db, work) =>
        deps.notifier.inTransaction(db, async (trx, notify) => {
          let n = 0;
          const result = await work(trx, (x: UserNotification) => {
            n++;
            notify(x);
          });
          sizes.push(n);
          return result;
        }),
    },
  };
}

/** Another app instance on the same database: its own pool and its own LISTEN connection. */
async function secondInstance(): Promise<App> {
  const database = createDb(t.database.url, { pgSchema: t.database.schema, poolSize: 5 });
  const pubsub = createPubSub(t.database.url, { pgSchema: t.database.schema });
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: t.database.url }),
    database,
    clock: t.clock,
    pubsub,
    logger: false,
    webDir: '/nonexistent',
  });
  cleanup.push(async () => {
    await app.close();
    await pubsub.close();
    await database.close();
  });
  return app;
}

const sorted = (ids: string[]) => [...ids].sort();

describe('dispatching due reminders', () => {
  it('3,000 due at once: claimed in batches of 500, each pushed once, all marked', async () => {
    const manager = await t.userWithCookie('manager');
    const ids = await dueTasks(3000, [t.adminId, manager.id]);
    const streams = new Streams();
    streams.listen('app', t.app.deps, t.adminId);
    streams.listen('app', t.app.deps, manager.id);
    await listening([t.app.deps]);
    const sizes: number[] = [];
    expect(await dispatchDueReminders(recordingBatches(t.app.deps, sizes))).toBe(3000);
    expect(sizes).toEqual([...Array(3000 / CLAIM_BATCH).fill(CLAIM_BATCH), 0]);
    expect(await alertedCount()).toBe(3000);
    await streams.settle(3000);
    expect(sorted(streams.heard.get(`app:${t.adminId}`)!)).toEqual(sorted(ids.filter((_, i) => i % 2 === 0)));
    expect(sorted(streams.heard.get(`app:${manager.id}`)!)).toEqual(sorted(ids.filter((_, i) => i % 2 === 1)));
    expect(await dispatchDueReminders(t.app.deps)).toBe(0);
  });

  it('an instance killed at the first push claims nothing; the next tick pushes every popup once', async () => {
    const ids = await dueTasks(700, [t.adminId]);
    const streams = new Streams();
    streams.listen('app', t.app.deps, t.adminId);
    await listening([t.app.deps]);
    await expect(dispatchDueReminders(dying(t.app.deps))).rejects.toThrow('instance killed');
    expect(await alertedCount()).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(streams.total()).toBe(0);
    expect(await dispatchDueReminders(t.app.deps)).toBe(700);
    expect(await alertedCount()).toBe(700);
    await streams.settle(700);
    expect(sorted(streams.heard.get(`app:${t.adminId}`)!)).toEqual(sorted(ids));
  });
});

describe.runIf(process.env.TEST_DB === 'postgres')('two instances on one PostgreSQL', () => {
  it('both dispatching at once: every popup pushed exactly once to every open stream', async () => {
    expect(isPostgres()).toBe(true);
    const manager = await t.userWithCookie('manager');
    const other = await secondInstance();
    const a = t.app.deps;
    const b = other.deps;
    const streams = new Streams();
    for (const [name, deps] of [['a', a] as const, ['b', b] as const]) {
      streams.listen(name, deps, t.adminId);
      streams.listen(name, deps, manager.id);
    }
    await listening([a, b]);
    const ids = await dueTasks(1800, [t.adminId, manager.id]);
    const counts = await Promise.all([dispatchDueReminders(a), dispatchDueReminders(b), dispatchDueReminders(a), dispatchDueReminders(b)]);
    expect(counts.reduce((s, n) => s + n, 0)).toBe(1800);
    expect(await alertedCount()).toBe(1800);
    await streams.settle(2 * 1800);
    for (const name of ['a', 'b']) {
      expect(sorted(streams.heard.get(`${name}:${t.adminId}`)!)).toEqual(sorted(ids.filter((_, i) => i % 2 === 0)));
      expect(sorted(streams.heard.get(`${name}:${manager.id}`)!)).toEqual(sorted(ids.filter((_, i) => i % 2 === 1)));
    }
  });

  it('one instance dies mid-claim: the other pushes all of them, each once per stream', async () => {
    const other = await secondInstance();
    const a = t.app.deps;
    const b = other.deps;
    const streams = new Streams();
    streams.listen('a', a, t.adminId);
    streams.listen('b', b, t.adminId);
    await listening([a, b]);
    const ids = await dueTasks(1200, [t.adminId]);
    // Instance a claims its first batch and then hangs in the transaction until it is killed.
    let claimed!: () => void;
    const hasClaimed = new Promise<void>((r) => (claimed = r));
    let kill!: () => void;
    const killed = new Promise<void>((r) => (kill = r));
    cleanup.push(async () => kill()); // never leave the transaction hanging, even when the test fails
    const hanging: Deps = {
      ...a,
      notifier: {
        ...a.notifier,
        inTransaction: (db, work) =>
          a.notifier.inTransaction(db, async (trx, notify) => {
            await work(trx, notify);
            claimed();
            await killed;
            throw new Error('instance killed');
          }),
      },
    };
    const dead = dispatchDueReminders(hanging);
    await hasClaimed;
    // b skips the 500 rows a holds and pushes the rest.
    expect(await dispatchDueReminders(b)).toBe(700);
    kill();
    await expect(dead).rejects.toThrow('instance killed');
    // a's rows came free with its rollback: b's next tick takes them.
    expect(await dispatchDueReminders(b)).toBe(500);
    expect(await alertedCount()).toBe(1200);
    await streams.settle(2 * 1200);
    expect(sorted(streams.heard.get(`a:${t.adminId}`)!)).toEqual(sorted(ids));
    expect(sorted(streams.heard.get(`b:${t.adminId}`)!)).toEqual(sorted(ids));
  });
});

describe('GET /api/tasks/reminders', () => {
  it('pages through 120 due popups by cursor, newest first, with the total', async () => {
    const manager = await t.userWithCookie('manager');
    // 120 due for the admin at two alert times (ties are ordered by id), plus others that must not show.
    const mine = [...(await dueTasks(60, [t.adminId], '2026-11-27T07:00:00.000Z')), ...(await dueTasks(60, [t.adminId]))];
    await dueTasks(5, [manager.id]);
    await dueTasks(5, [t.adminId], '2026-11-27T10:00:00.000Z'); // not yet due
    const done = await dueTasks(3, [t.adminId]);
    await t.db.updateTable('tasks').set({ status: 'done' }).where('id', 'in', done).execute();

    const first = await t.get(t.adminCookie, '/api/tasks/reminders');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ total: 120, items: expect.any(Array), nextCursor: expect.any(String) });
    expect(first.json().items).toHaveLength(50);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.get(t.adminCookie, `/api/tasks/reminders?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.total).toBe(120);
      seen.push(...body.items.map((x: { id: string }) => x.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    const expected = await t.db
      .selectFrom('tasks')
      .select('id')
      .where('assigneeId', '=', t.adminId)
      .where('status', '=', 'open')
      .where('alertAt', '<=', t.clock.now().toISOString())
      .orderBy('alertAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(seen).toEqual(expected.map((r) => r.id));
    expect(sorted(seen)).toEqual(sorted(mine));

    const last = (await t.get(t.adminCookie, '/api/tasks/reminders?limit=500')).json();
    expect(last).toMatchObject({ total: 120, nextCursor: null });
    expect(last.items).toHaveLength(120);
    expect((await t.get(manager.cookie, '/api/tasks/reminders')).json()).toMatchObject({ total: 5, nextCursor: null });
  });

  it('a birthday task made today (remindAt = now) comes first, before reminders that fell due earlier', async () => {
    await dueTasks(3, [t.adminId], '2026-11-27T06:00:00.000Z');
    await dueTasks(2, [t.adminId], '2026-11-27T08:59:00.000Z');
    const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка' })).json();
    const p = await t.post(t.adminCookie, '/api/contact-persons', {
      counterpartyId: cp.id,
      lastName: 'Петрова',
      firstName: 'Мария',
      birthday: '1985-11-27',
      birthdayReminderDays: 0,
    });
    expect(p.statusCode, p.body).toBe(201);
    expect((await runBirthdayJob(t.app.deps)).created).toBeGreaterThan(0);
    const page = (await t.get(t.adminCookie, '/api/tasks/reminders')).json();
    expect(page.total).toBe(6);
    expect(page.items[0]).toMatchObject({ source: 'birthday', remindAt: '2026-11-27T09:00:00.000Z' });
    expect(page.items.map((x: { alertAt: string }) => x.alertAt)).toEqual(
      [...page.items.map((x: { alertAt: string }) => x.alertAt)].sort().reverse(),
    );
  });

  it('refuses a cursor it did not give out, and limits outside 1..500', async () => {
    await dueTasks(3, [t.adminId]);
    const taskCursor = (await t.get(t.adminCookie, '/api/tasks?limit=1')).json().nextCursor;
    expect(taskCursor).toEqual(expect.any(String));
    for (const q of [`cursor=${taskCursor}`, 'cursor=nonsense', 'limit=0', 'limit=501', 'sort=name']) {
      const res = await t.get(t.adminCookie, `/api/tasks/reminders?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });
});
