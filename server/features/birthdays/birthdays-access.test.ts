// The birthday job and a scheduled-jobs user limited to their own counterparties: they get tasks only
// about persons they may see (a task's title names the person and the counterparty). Both databases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { runBirthdayJob } from './birthdays.service.js';

let t: TestApp;
let robot: { id: string; cookie: string };
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-03-05T09:00:00Z' });
  robot = await t.userWithCookie('manager', 'Робот');
  expect((await t.patch(t.adminCookie, '/api/settings', { scheduledJobsUserId: robot.id })).statusCode).toBe(200);
});
afterEach(async () => t.close());

async function person(cookie: string, fields: object) {
  const res = await t.post(cookie, '/api/contact-persons', { birthday: '1980-03-05', birthdayReminderDays: 0, ...fields });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** [subject, assignee] of every birthday task, sorted. */
const assignments = async () =>
  (await t.db.selectFrom('tasks').select(['subjectId', 'assigneeId']).where('source', '=', 'birthday').execute())
    .map((r) => `${r.subjectId}>${r.assigneeId}`)
    .sort();

describe('birthday job with limited visibility', () => {
  it('gives a limited scheduled-jobs user only the persons they may see', async () => {
    const ownCp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Своя', responsibleUserId: robot.id })).json().id;
    const otherCp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Секретная' })).json().id;
    const own = await person(t.adminCookie, { counterpartyId: ownCp, lastName: 'Свой' });
    const other = await person(t.adminCookie, { counterpartyId: otherCp, lastName: 'Секретов' });
    const foreignSingle = await person(t.adminCookie, { lastName: 'Тайнова' });
    const ownSingle = await person(robot.cookie, { lastName: 'Личный' });
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });

    const r = await runBirthdayJob(t.app.deps);
    expect(r).toMatchObject({ candidates: 4, hidden: 2, created: 3 });
    expect(r.summary).toContain('2 not visible to the scheduled-jobs user');
    // The hidden counterparty's person goes to its responsible manager (the admin) only; the
    // individual made by someone else goes to nobody.
    expect(await assignments()).toEqual([`${own}>${robot.id}`, `${other}>${t.adminId}`, `${ownSingle}>${robot.id}`].sort());
    const robotTitles = await t.db.selectFrom('tasks').select('title').where('assigneeId', '=', robot.id).execute();
    expect(robotTitles.map((x) => x.title).join()).not.toMatch(/Секрет|Тайнова/);
    expect((await t.get(robot.cookie, '/api/tasks/reminders')).body).not.toMatch(/Секрет|Тайнова/);

    // Once managers see everything, the next run gives the robot the rest (once).
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: true });
    expect(await runBirthdayJob(t.app.deps)).toMatchObject({ hidden: 0, created: 2 });
    expect(await assignments()).toEqual(
      [
        `${own}>${robot.id}`,
        `${other}>${t.adminId}`,
        `${other}>${robot.id}`,
        `${foreignSingle}>${robot.id}`,
        `${ownSingle}>${robot.id}`,
      ].sort(),
    );
  });

  it('an administrator as the scheduled-jobs user still gets every person', async () => {
    const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Чужая', responsibleUserId: robot.id })).json().id;
    const p = await person(robot.cookie, { counterpartyId: cp, lastName: 'Клиентов' });
    const single = await person(robot.cookie, { lastName: 'Частный' });
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false, scheduledJobsUserId: t.adminId });
    expect(await runBirthdayJob(t.app.deps)).toMatchObject({ hidden: 0, created: 3 });
    expect(await assignments()).toEqual([`${p}>${t.adminId}`, `${p}>${robot.id}`, `${single}>${t.adminId}`].sort());
  });
});
