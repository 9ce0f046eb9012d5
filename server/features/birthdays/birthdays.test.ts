// Birthday reminders on both databases, with an injected clock. Assertions are on the tasks table.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, cookieFrom, makeTestApp, type TestApp } from '../../test/test-app.js';
import { createDb, type Database } from '../../db/database.js';
import { dispatchDueReminders } from '../tasks/tasks.service.js';
import { runBirthdayJob } from './birthdays.service.js';

let t: TestApp;
let robot: { id: string; cookie: string };
let extra: Database[] = [];

beforeEach(async () => {
  t = await makeTestApp({ now: '2026-03-01T09:00:00Z' });
  robot = await t.userWithCookie('manager', 'Робот');
  expect((await t.patch(t.adminCookie, '/api/settings', { scheduledJobsUserId: robot.id })).statusCode).toBe(200);
});
afterEach(async () => {
  for (const d of extra) await d.close();
  extra = [];
  await t.close();
});

async function counterparty(name: string, extraFields: object = {}) {
  const res = await t.post(t.adminCookie, '/api/counterparties', { name, ...extraFields });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function person(fields: {
  lastName: string;
  firstName?: string;
  middleName?: string;
  counterpartyId?: string | null;
  birthday: string;
  birthdayReminderDays?: number | null;
}) {
  const res = await t.post(t.adminCookie, '/api/contact-persons', fields);
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const run = () => runBirthdayJob(t.app.deps);
const at = (iso: string) => t.clock.set(iso);
/** Moves the clock far ahead and signs the admin in again (sessions expire after two weeks). */
async function adminAt(iso: string) {
  at(iso);
  return cookieFrom(await t.login(ADMIN.email, ADMIN.password));
}
const birthdayTasks = () =>
  t.db.selectFrom('tasks').selectAll().where('source', '=', 'birthday').orderBy('title').orderBy('assigneeId').execute();

describe('birthday job', () => {
  it('creates the task on the reminder day for the jobs user and the responsible manager, once however many runs', async () => {
    const cp = await counterparty('Ромашка');
    const p = await person({
      counterpartyId: cp,
      lastName: 'Петрова',
      firstName: 'Мария',
      middleName: 'Ивановна',
      birthday: '1985-03-14',
      birthdayReminderDays: 3,
    });
    at('2026-03-10T09:00:00Z');
    expect(await run()).toMatchObject({ created: 0, candidates: 0 });
    at('2026-03-11T09:00:00Z');
    expect(await run()).toMatchObject({ created: 2, candidates: 1, unassigned: 0 });
    expect(await run()).toMatchObject({ created: 0, candidates: 1 });
    at('2026-03-11T18:00:00Z');
    expect((await run()).created).toBe(0);
    const tasks = await birthdayTasks();
    expect(tasks.map((x) => x.assigneeId).sort()).toEqual([t.adminId, robot.id].sort());
    for (const task of tasks) {
      expect(task).toMatchObject({
        title: 'День рождения: Петрова Мария Ивановна (Ромашка), 14.03',
        subjectType: 'contactPerson',
        subjectId: p,
        status: 'open',
        source: 'birthday',
        sourceKey: `birthday:${p}:2026:${task.assigneeId}`,
        remindAt: '2026-03-11T09:00:00.000Z',
        alertAt: '2026-03-11T09:00:00.000Z',
        dueAt: '2026-03-14T20:59:00.000Z', // 23:59 on 14 March in Moscow (UTC+3)
      });
    }
  });

  it('three concurrent runners create exactly one task per person and assignee', async () => {
    const cp = await counterparty('Ромашка');
    for (let i = 0; i < 5; i++) await person({ counterpartyId: cp, lastName: `Лицо${i}`, birthday: '1980-03-05', birthdayReminderDays: 1 });
    await person({ lastName: 'Частное', birthday: '1980-03-05', birthdayReminderDays: 0 });
    at('2026-03-05T08:00:00Z');
    // On PostgreSQL each runner has its own pool, as separate instances would.
    const runners = [0, 1, 2].map(() => {
      if (t.database.dialect === 'sqlite') return t.app.deps;
      const d = createDb(t.database.url, { pgSchema: t.database.schema, poolSize: 2 });
      extra.push(d);
      return { ...t.app.deps, db: d.db };
    });
    const results = await Promise.all(runners.map((deps) => runBirthdayJob(deps)));
    expect(results.reduce((s, r) => s + r.created, 0)).toBe(11); // 5 × 2 assignees + 1 individual (jobs user)
    const tasks = await birthdayTasks();
    expect(tasks).toHaveLength(11);
    expect(new Set(tasks.map((x) => x.sourceKey)).size).toBe(11);
  });

  it('after a 3-day outage creates each missed reminder once, but not for a birthday that has passed', async () => {
    const a = await person({ lastName: 'Алексеев', birthday: '1970-03-15', birthdayReminderDays: 4 }); // reminder 11 March
    const b = await person({ lastName: 'Борисов', birthday: '1970-03-14', birthdayReminderDays: 2 }); // reminder 12 March
    await person({ lastName: 'Васильев', birthday: '1970-03-13', birthdayReminderDays: 0 }); // on 13 March: missed and passed
    const c = await person({ lastName: 'Григорьев', birthday: '1970-03-16', birthdayReminderDays: 3 }); // reminder 13 March
    at('2026-03-10T20:00:00Z'); // last run before the outage (11 March 00:00 Moscow is 21:00Z)
    expect((await run()).created).toBe(0);
    at('2026-03-14T06:00:00Z'); // back on 14 March
    expect(await run()).toMatchObject({ created: 3, candidates: 3 });
    expect((await run()).created).toBe(0);
    at('2026-03-15T06:00:00Z');
    expect((await run()).created).toBe(0);
    const tasks = await birthdayTasks();
    expect(tasks.map((x) => x.subjectId)).toEqual([a, b, c]);
    expect(tasks.every((x) => x.assigneeId === robot.id)).toBe(true);
  });

  it('29 February is reminded on 28 February in other years and on 29 February in leap years', async () => {
    const p = await person({ lastName: 'Високосов', birthday: '1992-02-29', birthdayReminderDays: 0 });
    at('2027-02-27T09:00:00Z');
    expect((await run()).created).toBe(0);
    at('2027-02-28T09:00:00Z');
    expect((await run()).created).toBe(1);
    at('2027-03-01T09:00:00Z');
    expect((await run()).created).toBe(0);
    at('2028-02-28T09:00:00Z');
    expect((await run()).created).toBe(0);
    at('2028-02-29T09:00:00Z');
    expect((await run()).created).toBe(1);
    expect((await birthdayTasks()).map((x) => [x.title, x.sourceKey, x.dueAt])).toEqual([
      ['День рождения: Високосов, 28.02', `birthday:${p}:2027:${robot.id}`, '2027-02-28T20:59:00.000Z'],
      ['День рождения: Високосов, 29.02', `birthday:${p}:2028:${robot.id}`, '2028-02-29T20:59:00.000Z'],
    ]);
  });

  it('crosses the new year: a 2 January birthday with N = 5 is reminded on 28 December for next year', async () => {
    const p = await person({ lastName: 'Новогодний', birthday: '1990-01-02', birthdayReminderDays: 5 });
    at('2026-12-27T09:00:00Z');
    expect((await run()).created).toBe(0);
    at('2026-12-28T09:00:00Z');
    expect((await run()).created).toBe(1);
    at('2027-01-01T09:00:00Z');
    expect((await run()).created).toBe(0);
    expect((await birthdayTasks()).map((x) => [x.title, x.sourceKey, x.dueAt])).toEqual([
      ['День рождения: Новогодний, 02.01', `birthday:${p}:2027:${robot.id}`, '2027-01-02T20:59:00.000Z'],
    ]);
  });

  it('follows the company time zone, not UTC midnight', async () => {
    await person({ lastName: 'Приморский', birthday: '1980-03-10', birthdayReminderDays: 0 });
    await t.patch(t.adminCookie, '/api/settings', { timeZone: 'UTC' });
    at('2026-03-09T15:00:00Z');
    expect((await run()).created).toBe(0); // still 9 March in UTC
    await t.patch(t.adminCookie, '/api/settings', { timeZone: 'Asia/Vladivostok' });
    at('2026-03-09T13:59:00Z'); // 23:59 on 9 March in Vladivostok
    expect((await run()).created).toBe(0);
    at('2026-03-09T15:00:00Z'); // 01:00 on 10 March in Vladivostok
    expect((await run()).created).toBe(1);
    // Open until the end of 10 March in Vladivostok (UTC+10).
    expect((await birthdayTasks())[0].dueAt).toBe('2026-03-10T13:59:00.000Z');
  });

  it('archived persons and persons of archived counterparties get nothing; restored ones get theirs', async () => {
    const cp = await counterparty('Архивная');
    const p1 = await person({ counterpartyId: cp, lastName: 'Первый', birthday: '1980-03-05', birthdayReminderDays: 0 });
    const p2 = await person({ lastName: 'Второй', birthday: '1980-03-05', birthdayReminderDays: 0 });
    expect((await t.post(t.adminCookie, `/api/counterparties/${cp}/archive`)).statusCode).toBe(200);
    expect((await t.post(t.adminCookie, `/api/contact-persons/${p2}/archive`)).statusCode).toBe(200);
    at('2026-03-05T09:00:00Z');
    expect(await run()).toMatchObject({ created: 0, candidates: 0 });
    expect(await birthdayTasks()).toEqual([]);
    await t.post(t.adminCookie, `/api/counterparties/${cp}/restore`);
    await t.post(t.adminCookie, `/api/contact-persons/${p2}/restore`);
    expect((await run()).created).toBe(3);
    expect(new Set((await birthdayTasks()).map((x) => x.subjectId))).toEqual(new Set([p1, p2]));
  });

  it('a birthday changed before its reminder was created moves the reminder', async () => {
    const p = await person({ lastName: 'Переносов', birthday: '1980-03-20', birthdayReminderDays: 3 });
    at('2026-03-14T09:00:00Z');
    expect((await run()).created).toBe(0);
    expect((await t.patch(t.adminCookie, `/api/contact-persons/${p}`, { birthday: '1980-03-16' })).statusCode).toBe(200);
    expect((await run()).created).toBe(1);
    expect((await t.patch(t.adminCookie, `/api/contact-persons/${p}`, { birthdayReminderDays: null })).statusCode).toBe(200);
    at('2026-03-17T09:00:00Z');
    expect((await run()).created).toBe(0);
    expect((await birthdayTasks()).map((x) => x.title)).toEqual(['День рождения: Переносов, 16.03']);
  });

  it('skips blocked users and reports when nobody can be reminded', async () => {
    const manager = await t.userWithCookie('manager', 'Менеджер');
    const cp = await counterparty('Ромашка', { responsibleUserId: manager.id });
    await person({ counterpartyId: cp, lastName: 'Петрова', birthday: '1985-03-05', birthdayReminderDays: 0 });
    await t.patch(t.adminCookie, `/api/users/${robot.id}`, { blocked: true });
    at('2026-03-05T09:00:00Z');
    expect((await run()).created).toBe(1);
    expect((await birthdayTasks()).map((x) => x.assigneeId)).toEqual([manager.id]);

    await t.db.deleteFrom('tasks').execute();
    await t.patch(t.adminCookie, `/api/users/${manager.id}`, { blocked: true });
    const r = await run();
    expect(r).toMatchObject({ created: 0, candidates: 1, unassigned: 1 });
    expect(r.summary).toContain('nobody to remind');

    await t.patch(t.adminCookie, '/api/settings', { birthdayRemindResponsible: false, scheduledJobsUserId: null });
    const off = await run();
    expect(off).toMatchObject({ created: 0, candidates: 0 });
    expect(off.summary).toContain('no active scheduled-jobs user');
    expect(await birthdayTasks()).toEqual([]);
  });

  it('the new task pops up for its user like any reminder', async () => {
    await person({ lastName: 'Петрова', birthday: '1985-03-05', birthdayReminderDays: 0 });
    at('2026-03-05T09:00:00Z');
    await run();
    expect(await dispatchDueReminders(t.app.deps)).toBe(1);
    const popups = (await t.get(robot.cookie, '/api/tasks/reminders')).json().items;
    expect(popups.map((x: any) => [x.title, x.subject.type])).toEqual([['День рождения: Петрова, 05.03', 'contactPerson']]);
  });
});

describe('GET /api/birthdays/upcoming', () => {
  it('lists the next 30 days in date order with age, across the new year, without archived ones', async () => {
    const cp = await counterparty('Ромашка');
    await person({ counterpartyId: cp, lastName: 'Январский', birthday: '1990-01-02' });
    await person({ lastName: 'Сегодняшний', birthday: '1980-12-20' });
    await person({ lastName: 'Декабрьский', birthday: '1985-12-31', birthdayReminderDays: 3 });
    await person({ lastName: 'Дальний', birthday: '1985-01-19' }); // 30 days ahead: outside
    const archived = await person({ lastName: 'Архивный', birthday: '1985-12-25' });
    await t.post(t.adminCookie, `/api/contact-persons/${archived}/archive`);
    const admin = await adminAt('2026-12-20T09:00:00Z');
    const res = await t.get(admin, '/api/birthdays/upcoming');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      truncated: false,
      items: [
        expect.objectContaining({
          name: 'Сегодняшний',
          nextDate: '2026-12-20',
          daysLeft: 0,
          age: 46,
          counterpartyId: null,
          counterpartyName: null,
        }),
        expect.objectContaining({ name: 'Декабрьский', nextDate: '2026-12-31', daysLeft: 11, age: 41 }),
        expect.objectContaining({
          name: 'Январский',
          birthday: '1990-01-02',
          nextDate: '2027-01-02',
          daysLeft: 13,
          age: 37,
          counterpartyId: cp,
          counterpartyName: 'Ромашка',
        }),
      ],
    });
    const wider = (await t.get(admin, '/api/birthdays/upcoming?days=31&limit=2')).json();
    expect(wider.items.map((x: any) => x.name)).toEqual(['Сегодняшний', 'Декабрьский']);
    expect(wider.truncated).toBe(true);
  });

  it('shows 29 February on 28 February of a non-leap year', async () => {
    await person({ lastName: 'Високосов', birthday: '1992-02-29' });
    const admin = await adminAt('2027-02-20T09:00:00Z');
    const items = (await t.get(admin, '/api/birthdays/upcoming?days=10')).json().items;
    expect(items).toEqual([expect.objectContaining({ nextDate: '2027-02-28', daysLeft: 8, age: 35 })]);
  });

  it('respects the visibility setting for managers', async () => {
    const manager = await t.userWithCookie('manager', 'Менеджер');
    const own = await counterparty('Своя', { responsibleUserId: manager.id });
    const other = await counterparty('Чужая');
    await person({ counterpartyId: own, lastName: 'Свой', birthday: '1980-03-05' });
    await person({ counterpartyId: other, lastName: 'Чужой', birthday: '1980-03-06' });
    expect((await t.get(manager.cookie, '/api/birthdays/upcoming')).json().items).toHaveLength(2);
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });
    expect((await t.get(manager.cookie, '/api/birthdays/upcoming')).json().items.map((x: any) => x.name)).toEqual(['Свой']);
    expect((await t.get(t.adminCookie, '/api/birthdays/upcoming')).json().items).toHaveLength(2);
  });

  it.each(['days=0', 'days=367', 'days=abc', 'limit=501', 'sort=name'])('refuses %s', async (q) => {
    expect((await t.get(t.adminCookie, `/api/birthdays/upcoming?${q}`)).statusCode).toBe(400);
  });

  it('needs a signed-in user', async () => {
    expect((await t.get(null, '/api/birthdays/upcoming')).statusCode).toBe(401);
  });
});
