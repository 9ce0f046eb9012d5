import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { dispatchDueReminders } from './tasks.service.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
});
afterEach(async () => t.close());

const newTask = async (cookie: string, body: object) => {
  const res = await t.post(cookie, '/api/tasks', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('task list', () => {
  it('open, overdue, done and all; overdue ones are flagged', async () => {
    const late = await newTask(t.adminCookie, { title: 'Просрочено', dueAt: '2026-11-26T12:00:00Z' });
    await newTask(t.adminCookie, { title: 'Завтра', dueAt: '2026-11-28T12:00:00Z' });
    const done = await newTask(t.adminCookie, { title: 'Сделано' });
    await t.post(t.adminCookie, `/api/tasks/${done.id}/complete`);
    const titles = async (status: string) =>
      (await t.get(t.adminCookie, `/api/tasks?status=${status}`)).json().items.map((x: any) => x.title);
    expect(await titles('open')).toEqual(['Просрочено', 'Завтра']);
    expect(await titles('overdue')).toEqual(['Просрочено']);
    expect(await titles('done')).toEqual(['Сделано']);
    expect((await titles('all')).sort()).toEqual(['Завтра', 'Просрочено', 'Сделано']);
    expect((await t.get(t.adminCookie, `/api/tasks/${late.id}`)).json().overdue).toBe(true);
  });

  it('filters by due period in the user time zone across a DST change', async () => {
    // Europe/Berlin leaves summer time on 2026-10-25: that day has 25 hours.
    await t.patch(t.adminCookie, '/api/me/settings', { timeZone: 'Europe/Berlin' });
    await newTask(t.adminCookie, { title: 'До полуночи', dueAt: '2026-10-25T22:30:00Z' }); // 23:30 local, still the 25th
    await newTask(t.adminCookie, { title: 'Утро 25-го', dueAt: '2026-10-24T22:30:00Z' }); // 00:30 local on the 25th (CEST)
    await newTask(t.adminCookie, { title: '26-е', dueAt: '2026-10-25T23:30:00Z' }); // 00:30 local on the 26th (CET)
    const res = (await t.get(t.adminCookie, '/api/tasks?status=all&from=2026-10-25&to=2026-10-25')).json();
    expect(res.items.map((x: any) => x.title)).toEqual(['Утро 25-го', 'До полуночи']);
  });

  it('managers see only their own tasks; "all" is for administrators', async () => {
    const m = await t.userWithCookie('manager');
    await newTask(t.adminCookie, { title: 'Админская' });
    await newTask(m.cookie, { title: 'Моя' });
    expect((await t.get(m.cookie, '/api/tasks')).json().items.map((x: any) => x.title)).toEqual(['Моя']);
    expect((await t.get(m.cookie, '/api/tasks?assigneeId=all')).statusCode).toBe(403);
    expect((await t.get(t.adminCookie, '/api/tasks?assigneeId=all')).json().items).toHaveLength(2);
    expect((await t.post(m.cookie, '/api/tasks', { title: 'Чужому', assigneeId: t.adminId })).statusCode).toBe(403);
  });
});

describe('reminders', () => {
  it('snooze by minutes or until, never into the past', async () => {
    const task = await newTask(t.adminCookie, { title: 'Позвонить', remindAt: '2026-11-27T08:59:00Z' });
    const five = await t.post(t.adminCookie, `/api/tasks/${task.id}/snooze`, { minutes: 5 });
    expect(five.json()).toMatchObject({ snoozedUntil: '2026-11-27T09:05:00.000Z', alertAt: '2026-11-27T09:05:00.000Z' });
    const past = await t.post(t.adminCookie, `/api/tasks/${task.id}/snooze`, { until: '2026-11-27T08:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].code).toBe('snooze_in_past');
    expect((await t.post(t.adminCookie, `/api/tasks/${task.id}/snooze`, { minutes: 5, until: '2026-11-28T00:00:00Z' })).statusCode).toBe(
      400,
    );
    const row = await t.db.selectFrom('tasks').select('snoozedUntil').executeTakeFirstOrThrow();
    expect(row.snoozedUntil).toBe('2026-11-27T09:05:00.000Z');
  });

  it('due reminders: shown when due, hidden when snoozed or done, and pushed once', async () => {
    const task = await newTask(t.adminCookie, { title: 'Позвонить', remindAt: '2026-11-27T09:01:00Z' });
    const due = async () => (await t.get(t.adminCookie, '/api/tasks/reminders')).json().items.map((x: any) => x.id);
    expect(await due()).toEqual([]);
    const heard: any[] = [];
    const stop = t.app.deps.notifier.listen(t.adminId, (n) => heard.push(n));
    t.clock.advance(60_000);
    expect(await due()).toEqual([task.id]);
    expect(await dispatchDueReminders(t.app.deps)).toBe(1);
    expect(await dispatchDueReminders(t.app.deps)).toBe(0); // claimed once
    await t.post(t.adminCookie, `/api/tasks/${task.id}/snooze`, { minutes: 5 });
    expect(await due()).toEqual([]);
    t.clock.advance(5 * 60_000);
    expect(await due()).toEqual([task.id]);
    expect(await dispatchDueReminders(t.app.deps)).toBe(1);
    await t.post(t.adminCookie, `/api/tasks/${task.id}/complete`);
    expect(await due()).toEqual([]);
    await new Promise((r) => setTimeout(r, 300)); // NOTIFY arrives asynchronously on PostgreSQL
    stop();
    expect(heard.map((n) => n.type)).toEqual(['reminder', 'taskChanged', 'reminder', 'taskChanged']);
  });

  it('only the assignee or an administrator completes a task; the row stays as it was', async () => {
    const m1 = await t.userWithCookie('manager');
    const m2 = await t.userWithCookie('manager');
    const task = await newTask(m1.cookie, { title: 'Моя задача' });
    expect((await t.post(m2.cookie, `/api/tasks/${task.id}/complete`)).statusCode).toBe(404);
    expect((await t.post(m2.cookie, `/api/tasks/${task.id}/snooze`, { minutes: 5 })).statusCode).toBe(404);
    expect((await t.db.selectFrom('tasks').select('status').executeTakeFirstOrThrow()).status).toBe('open');
    expect((await t.post(t.adminCookie, `/api/tasks/${task.id}/complete`)).json().status).toBe('done');
  });

  it('a task may point only at a record its author can see', async () => {
    const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Скрытый' })).json();
    const m = await t.userWithCookie('manager');
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });
    const res = await t.post(m.cookie, '/api/tasks', { title: 'x', subject: { type: 'counterparty', id: cp.id } });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('Скрытый');
    expect((await t.post(m.cookie, '/api/tasks', { title: 'x', subject: { type: 'order', id: cp.id } })).statusCode).toBe(400);
    expect(await t.db.selectFrom('tasks').select('id').execute()).toEqual([]);
    const ok = await t.post(t.adminCookie, '/api/tasks', { title: 'Позвонить', subject: { type: 'counterparty', id: cp.id } });
    expect(ok.json().subject).toEqual({ type: 'counterparty', id: cp.id, title: 'Скрытый' });
  });

  it('a leap-second instant is a clear 400, not a crash', async () => {
    const res = await t.post(t.adminCookie, '/api/tasks', { title: 'x', dueAt: '2016-12-31T23:59:60Z' });
    expect(res.statusCode).toBe(400);
    expect(await t.db.selectFrom('tasks').select('id').execute()).toEqual([]);
  });

  it('reminder after the due time is refused', async () => {
    const res = await t.post(t.adminCookie, '/api/tasks', { title: 'x', remindAt: '2026-11-28T10:00:00Z', dueAt: '2026-11-28T09:00:00Z' });
    expect(res.statusCode).toBe(400);
    expect(await t.db.selectFrom('tasks').select('id').execute()).toEqual([]);
  });
});

describe('notification stream', () => {
  it('pushes `event: reminder` to the signed-in user over server-sent events', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    const ac = new AbortController();
    const res = await fetch(`http://127.0.0.1:${address.port}/api/notifications/stream`, {
      headers: { cookie: t.adminCookie },
      signal: ac.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    // The stream writes its own head; the security headers are on it all the same.
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await readUntil('event: hello');
    const task = await newTask(t.adminCookie, { title: 'Позвонить', remindAt: '2026-11-27T08:00:00Z' });
    await dispatchDueReminders(t.app.deps);
    await readUntil('event: reminder');
    expect(text).toContain(`"taskId":"${task.id}"`);
    ac.abort();
    const anonymous = await fetch(`http://127.0.0.1:${address.port}/api/notifications/stream`);
    expect(anonymous.status).toBe(401);
  });
});

describe('subject titles follow visibility', () => {
  it('a task about a hidden record keeps its link but not its name, in the list, the card and the popups', async () => {
    const m = await t.userWithCookie('manager');
    const own = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Своя', responsibleUserId: m.id })).json();
    const hidden = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Секретная' })).json();
    const person = (await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: hidden.id, lastName: 'Секретов' })).json();
    const single = (await t.post(t.adminCookie, '/api/contact-persons', { lastName: 'Тайнова' })).json();
    const event = (
      await t.post(t.adminCookie, '/api/events', {
        kind: 'meeting',
        startAt: '2026-11-26T10:00:00Z',
        subject: 'Секретный звонок',
        counterpartyId: hidden.id,
      })
    ).json();
    const subjects = [
      { type: 'counterparty', id: hidden.id },
      { type: 'contactPerson', id: person.id },
      { type: 'contactPerson', id: single.id },
      { type: 'event', id: event.id },
    ];
    // The administrator, who sees them all, gives the manager tasks about them; due now, so they pop up.
    for (const subject of subjects)
      await newTask(t.adminCookie, { title: 'Задача', subject, assigneeId: m.id, remindAt: '2026-11-27T08:00:00Z' });
    await newTask(t.adminCookie, { title: 'Своя задача', subject: { type: 'counterparty', id: own.id }, assigneeId: m.id });
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });

    const list = await t.get(m.cookie, '/api/tasks');
    const popups = await t.get(m.cookie, '/api/tasks/reminders');
    for (const res of [list, popups]) expect(res.body).not.toMatch(/Секрет|Тайнова/);
    const bySubject = new Map(list.json().items.map((x: any) => [x.subject.id, x.subject]));
    for (const s of subjects) expect(bySubject.get(s.id)).toEqual({ ...s, title: null });
    expect(bySubject.get(own.id)).toEqual({ type: 'counterparty', id: own.id, title: 'Своя' });
    expect(popups.json().items.map((x: any) => x.subject.title)).toEqual([null, null, null, null]);
    for (const task of list.json().items) {
      const card = await t.get(m.cookie, `/api/tasks/${task.id}`);
      expect(card.body).not.toMatch(/Секрет|Тайнова/);
      const snoozed = await t.post(m.cookie, `/api/tasks/${task.id}/snooze`, { minutes: 5 });
      expect(snoozed.body).not.toMatch(/Секрет|Тайнова/);
    }
    // The links stay in the database; the administrator still sees every name.
    const rows = await t.db.selectFrom('tasks').select(['subjectType', 'subjectId']).where('assigneeId', '=', m.id).execute();
    expect(rows).toHaveLength(5);
    const adminTitles = (await t.get(t.adminCookie, `/api/tasks?assigneeId=${m.id}`)).json().items.map((x: any) => x.subject.title);
    expect(adminTitles.sort()).toEqual(['Своя', 'Секретная', 'Секретов', 'Тайнова', `№${event.number} Секретный звонок`].sort());
  });
});
