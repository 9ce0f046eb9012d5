// «Напомнить» and the basis on a saved event: PATCH /api/events/:id with `reminder` and `basis`,
// GET /api/events/:id/reminder. Both databases; every refusal leaves the rows as they were.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
});
afterEach(async () => t.close());

const newEvent = async (cookie: string, extra: object = {}) =>
  (
    await t.post(cookie, '/api/events', {
      kind: 'phoneCall',
      startAt: '2026-11-27T10:00:00+03:00',
      subject: 'Согласовать отгрузку',
      ...extra,
    })
  ).json();

const tasks = () => t.db.selectFrom('tasks').selectAll().orderBy('createdAt').orderBy('id').execute();
const eventRow = (id: string) => t.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the reminder of a saved event', () => {
  it('is added, changed and removed; one open task per event', async () => {
    const e = await newEvent(t.adminCookie);
    const before = await eventRow(e.id);
    expect((await t.get(t.adminCookie, `/api/events/${e.id}/reminder`)).json()).toEqual({ reminder: null });

    const added = await t.patch(t.adminCookie, `/api/events/${e.id}`, { reminder: { remindAt: '2026-11-27T12:00:00+03:00' } });
    expect(added.statusCode).toBe(200);
    const [task] = await tasks();
    expect(task).toMatchObject({
      title: 'Согласовать отгрузку',
      remindAt: '2026-11-27T09:00:00.000Z',
      dueAt: null,
      alertAt: '2026-11-27T09:00:00.000Z',
      assigneeId: t.adminId,
      subjectType: 'event',
      subjectId: e.id,
      source: 'eventReminder',
      status: 'open',
      createdBy: t.adminId,
    });
    // Only the reminder was sent: the event's row is as it was.
    expect(await eventRow(e.id)).toEqual(before);
    expect((await t.get(t.adminCookie, `/api/events/${e.id}/reminder`)).json().reminder).toMatchObject({
      taskId: task.id,
      text: 'Согласовать отгрузку',
      assigneeName: 'Анна Админова',
    });

    // The popup was shown and snoozed; a new time starts it over, for the new assignee.
    await t.db.updateTable('tasks').set({ alertedAt: '2026-11-27T09:00:00.000Z', snoozedUntil: '2026-11-27T09:30:00.000Z' }).execute();
    const m = await t.userWithCookie('manager', 'Борис Менеджер');
    const changed = await t.patch(t.adminCookie, `/api/events/${e.id}`, {
      subject: 'Согласовать отгрузку и оплату',
      reminder: { remindAt: '2026-11-28T07:00:00Z', dueAt: '2026-11-28T12:00:00Z', text: 'Позвонить в бухгалтерию', assigneeId: m.id },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().subject).toBe('Согласовать отгрузку и оплату');
    const afterChange = await tasks();
    expect(afterChange).toHaveLength(1);
    expect(afterChange[0]).toMatchObject({
      id: task.id,
      title: 'Позвонить в бухгалтерию',
      remindAt: '2026-11-28T07:00:00.000Z',
      dueAt: '2026-11-28T12:00:00.000Z',
      assigneeId: m.id,
      snoozedUntil: null,
      alertAt: '2026-11-28T07:00:00.000Z',
      alertedAt: null,
      status: 'open',
    });

    const removed = await t.patch(t.adminCookie, `/api/events/${e.id}`, { reminder: null });
    expect(removed.statusCode).toBe(200);
    expect((await tasks()).map((x) => [x.id, x.status])).toEqual([[task.id, 'cancelled']]);
    expect((await t.get(t.adminCookie, `/api/events/${e.id}/reminder`)).json()).toEqual({ reminder: null });
    expect((await t.get(m.cookie, '/api/tasks/reminders')).json().total).toBe(0);

    // Added again: a new task; the cancelled one stays as history.
    await t.patch(t.adminCookie, `/api/events/${e.id}`, { reminder: { remindAt: '2026-11-27T08:00:00Z', text: 'Ещё раз' } });
    const again = await tasks();
    expect(again.map((x) => [x.title, x.status])).toEqual([
      ['Позвонить в бухгалтерию', 'cancelled'],
      ['Ещё раз', 'open'],
    ]);
    // Due now: it pops up for the responsible user at once.
    expect((await t.get(t.adminCookie, '/api/tasks/reminders')).json().items.map((x: any) => x.title)).toEqual(['Ещё раз']);
  });

  it.each([
    [{ reminder: { remindAt: '2026-11-28T10:00:00Z', dueAt: '2026-11-28T09:00:00Z' } }, 'reminder.remindAt', 'remind_after_due'],
    [{ reminder: { remindAt: 'завтра' } }, 'reminder.remindAt', 'format_date-time'],
    [{ reminder: { remindAt: '2026-11-28T10:00:00Z', ownerId: 'x' } }, 'reminder.ownerId', 'unknown_field'],
  ])('refuses %j and writes nothing, neither the task nor the event', async (extra, field, code) => {
    const e = await newEvent(t.adminCookie, { reminder: { remindAt: '2026-11-27T12:00:00Z' } });
    const [eventBefore, tasksBefore] = [await eventRow(e.id), await tasks()];
    const res = await t.patch(t.adminCookie, `/api/events/${e.id}`, { subject: 'Другая тема', ...extra });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect(await eventRow(e.id)).toEqual(eventBefore);
    expect(await tasks()).toEqual(tasksBefore);
  });

  it('a manager reminds themselves or the responsible user, nobody else; an administrator anyone', async () => {
    const m = await t.userWithCookie('manager', 'Борис Менеджер');
    const other = await t.userWithCookie('manager', 'Вера Другая');
    const e = await newEvent(m.cookie, { responsibleUserId: m.id });
    const before = await eventRow(e.id);

    const refused = await t.patch(m.cookie, `/api/events/${e.id}`, {
      subject: 'Не записать',
      reminder: { remindAt: '2026-11-27T12:00:00Z', assigneeId: other.id },
    });
    expect(refused.statusCode).toBe(403);
    expect(await eventRow(e.id)).toEqual(before);
    expect(await tasks()).toEqual([]);

    // The responsible user may be reminded by a manager who is not responsible.
    const own = await newEvent(m.cookie, { responsibleUserId: other.id });
    expect((await t.patch(m.cookie, `/api/events/${own.id}`, { reminder: { remindAt: '2026-11-27T12:00:00Z' } })).statusCode).toBe(200);
    expect((await tasks()).map((x) => [x.subjectId, x.assigneeId, x.createdBy])).toEqual([[own.id, other.id, m.id]]);
    // The author changes it; an administrator gives it to anyone.
    expect((await t.patch(m.cookie, `/api/events/${own.id}`, { reminder: { remindAt: '2026-11-27T13:00:00Z' } })).statusCode).toBe(200);
    expect(
      (await t.patch(t.adminCookie, `/api/events/${own.id}`, { reminder: { remindAt: '2026-11-27T14:00:00Z', assigneeId: t.adminId } }))
        .statusCode,
    ).toBe(200);
    expect((await tasks()).map((x) => [x.assigneeId, x.remindAt])).toEqual([[t.adminId, '2026-11-27T14:00:00.000Z']]);
    // Its author still sees it. One the administrator made for themselves the manager neither sees nor changes.
    expect((await t.get(m.cookie, `/api/events/${own.id}/reminder`)).json().reminder.assigneeId).toBe(t.adminId);
    await t.patch(t.adminCookie, `/api/events/${own.id}`, { reminder: null });
    await t.patch(t.adminCookie, `/api/events/${own.id}`, { reminder: { remindAt: '2026-11-27T15:00:00Z', assigneeId: t.adminId } });
    expect((await t.get(m.cookie, `/api/events/${own.id}/reminder`)).json()).toEqual({ reminder: null });
    const taken = await tasks();
    expect((await t.patch(m.cookie, `/api/events/${own.id}`, { reminder: null })).statusCode).toBe(403);
    expect(await tasks()).toEqual(taken);
  });

  it('the reminder of a hidden event is a 404 and nothing is written', async () => {
    const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка' })).json();
    const e = await newEvent(t.adminCookie, { counterpartyId: cp.id });
    const m = await t.userWithCookie('manager');
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });
    expect((await t.get(m.cookie, `/api/events/${e.id}/reminder`)).statusCode).toBe(404);
    expect((await t.patch(m.cookie, `/api/events/${e.id}`, { reminder: { remindAt: '2026-11-27T12:00:00Z' } })).statusCode).toBe(404);
    expect(await tasks()).toEqual([]);
  });
});

describe('the basis of a saved event', () => {
  it('is set to a visible event, cleared, and audited', async () => {
    const a = await newEvent(t.adminCookie, { subject: 'Первый звонок' });
    const b = await newEvent(t.adminCookie, { subject: 'Встреча' });
    const set = await t.patch(t.adminCookie, `/api/events/${b.id}`, { basis: { type: 'event', id: a.id } });
    expect(set.statusCode).toBe(200);
    expect(set.json().basis).toEqual({ type: 'event', id: a.id, title: '№1 Первый звонок' });
    expect(await eventRow(b.id)).toMatchObject({ basisType: 'event', basisId: a.id });
    expect((await t.get(t.adminCookie, `/api/events/${a.id}/related`)).json().documents.map((d: any) => d.id)).toEqual([b.id]);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', b.id).where('action', '=', 'update').execute();
    expect(audit).toHaveLength(1);

    const cleared = await t.patch(t.adminCookie, `/api/events/${b.id}`, { basis: null });
    expect(cleared.json().basis).toBeNull();
    expect(await eventRow(b.id)).toMatchObject({ basisType: null, basisId: null });
  });

  it('refuses itself, a cycle, a hidden event and an order, writing nothing', async () => {
    const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Скрытый' })).json();
    const m = await t.userWithCookie('manager');
    const a = await newEvent(m.cookie);
    const b = await newEvent(m.cookie, { basis: { type: 'event', id: a.id } });
    const c = await newEvent(m.cookie, { basis: { type: 'event', id: b.id } });
    const hidden = await newEvent(t.adminCookie, { counterpartyId: cp.id });
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });
    const cases: [object, string, string][] = [
      [{ type: 'event', id: a.id }, 'basis.id', 'basis_cycle'],
      [{ type: 'event', id: c.id }, 'basis.id', 'basis_cycle'],
      [{ type: 'event', id: hidden.id }, 'basis.id', 'basis_not_found'],
      [{ type: 'event', id: '0190e7a0-0000-7000-8000-000000000000' }, 'basis.id', 'basis_not_found'],
      [{ type: 'order', id: b.id }, 'basis.type', 'basis_type_unsupported'],
    ];
    const before = await t.db.selectFrom('events').selectAll().orderBy('number').execute();
    for (const [basis, field, code] of cases) {
      const res = await t.patch(m.cookie, `/api/events/${a.id}`, { subject: 'Изменено', basis });
      expect(res.statusCode, JSON.stringify(basis)).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field, code })]);
    }
    expect(await t.db.selectFrom('events').selectAll().orderBy('number').execute()).toEqual(before);
  });
});
