import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { apiPost } from './helpers';
import {
  callWithReminder,
  firstRun,
  moscow,
  reminderCard,
  ruDateTime,
  settle,
  signIn,
  signOut,
  taskByTitle,
  taskRow,
  zonedDate,
} from './tasks.helpers';

// «Задачи с оповещением» and the reminder popups, in Russian (and the list once in English), against
// the real server with its scheduler running: a call's reminder pops up within seconds of its time,
// is snoozed, then completed from the task list; two tabs stay in step; a user who was away sees the
// due reminders at sign-in. Screenshots go to docs/screenshots/tasks-*.png.

const ADMIN = { name: 'Анна Администратор', email: 'anna@example.ru', password: 'correct horse 1' };
const CALL = 'Перезвонить в «Ромашку»';
const OFFER = 'Отправить коммерческое предложение';

let h: Harness;
let adminId = '';

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU', startScheduler: true });
});

afterAll(async () => {
  await h?.close();
});

describe('reminders journey', () => {
  it('starts on the home page while there are no tasks', async () => {
    const { page, database } = h;
    await firstRun(page, ADMIN);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('page-title').textContent()).toBe('Начальная страница');
    await page.getByTestId('home-tasks-empty').waitFor();
    await page.getByTestId('birthdays-empty').waitFor();
    expect(await page.getByTestId('reminders-panel').count()).toBe(0);
    adminId = (await database.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  });

  it('the reminder of an outgoing call pops up within seconds of its time', async () => {
    const { page, database } = h;
    const romashka = await apiPost<{ id: string }>(page, '/api/counterparties', { name: 'ООО «Ромашка»' });
    const remindAt = new Date(Date.now() + 5_000);
    const dueAt = new Date(Date.now() + 2 * 3_600_000);
    const call = await callWithReminder(page, {
      subject: 'Согласовать оплату счета',
      text: CALL,
      remindAt,
      dueAt,
      counterpartyId: romashka.id,
    });

    const card = reminderCard(page, CALL);
    await card.waitFor({ timeout: 15_000 });
    // Due at remindAt; the scheduler pushes every 2 s; the popup may be at most 5 s late.
    expect(Date.now() - remindAt.getTime()).toBeLessThan(5_000);
    expect(await card.getByTestId('reminder-subject').textContent()).toBe(`Событие: №${call.number} Согласовать оплату счета`);
    expect(await card.getByTestId('reminder-subject').getAttribute('href')).toBe(`/events/${call.id}`);
    expect(await card.getByTestId('reminder-time').textContent()).toBe(`Срок: ${ruDateTime(dueAt)}`);
    expect(await card.getAttribute('data-overdue')).toBeNull();

    const task = await taskByTitle(database, CALL);
    expect(task).toMatchObject({ source: 'eventReminder', subjectType: 'event', subjectId: call.id, assigneeId: adminId, status: 'open' });
    expect(task.remindAt).toBe(remindAt.toISOString());
    // The scheduler marked the popup as pushed.
    await expect.poll(async () => (await taskByTitle(database, CALL)).alertedAt).not.toBeNull();
  });

  it('a task made in the list, already overdue, refuses a reminder after its due time and then pops up marked overdue', async () => {
    const { page, database } = h;
    const yesterday = zonedDate(-1);
    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('task-create').click();
    await page.getByTestId('task-title').fill(OFFER);
    await page.getByTestId('task-description').fill('Прайс-лист на IV квартал, скидка 5 %');
    await page.getByTestId('task-due').fill(`${yesterday}T18:00`);
    await page.getByTestId('task-remind').fill(`${yesterday}T19:00`);
    await page.getByTestId('task-save').click();
    await page.getByTestId('task-form').getByText('Напоминание не может быть позже срока').waitFor();
    expect(await database.db.selectFrom('tasks').select('id').where('title', '=', OFFER).execute()).toEqual([]);

    await page.getByTestId('task-remind').fill(`${yesterday}T17:00`);
    await page.getByTestId('task-save').click();
    await page.getByTestId('task-form').waitFor({ state: 'detached' });
    const task = await taskByTitle(database, OFFER);
    expect(task).toMatchObject({
      source: 'manual',
      assigneeId: adminId,
      status: 'open',
      description: 'Прайс-лист на IV квартал, скидка 5 %',
      dueAt: moscow(yesterday, '18:00').toISOString(),
      remindAt: moscow(yesterday, '17:00').toISOString(),
    });

    const card = reminderCard(page, OFFER);
    await card.waitFor({ timeout: 5_000 });
    expect(await card.getByTestId('reminder-overdue').textContent()).toBe('Просрочено');
    expect(await card.getAttribute('data-overdue')).toBe('true');
    expect(await taskRow(page, OFFER).getAttribute('data-overdue')).toBe('true');
    await settle(page);
    await h.screenshot('tasks-reminder-popup.ru');
  });

  it('«Отложить» for 5 minutes hides the popup and moves the reminder', async () => {
    const { page, database } = h;
    const card = reminderCard(page, CALL);
    await card.getByTestId('reminder-snooze').click();
    await page.getByTestId('reminder-snooze-m5').click();
    const clicked = Date.now();
    await card.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await reminderCard(page, OFFER).count()).toBe(1);

    const task = await taskByTitle(database, CALL);
    const until = new Date(task.snoozedUntil!).getTime();
    expect(Math.abs(until - (clicked + 5 * 60_000))).toBeLessThan(10_000);
    expect(task).toMatchObject({ status: 'open', alertAt: task.snoozedUntil, alertedAt: null });
  });

  it('«Отложить» refuses a time in the past, and «до завтра, 9:00» means 9:00 in the user’s time zone', async () => {
    const { page, database } = h;
    const card = reminderCard(page, OFFER);
    await card.getByTestId('reminder-snooze').click();
    await page.getByTestId('reminder-snooze-custom').click();
    await page.getByTestId('reminder-snooze-custom-at').fill(`${zonedDate(-1)}T10:00`);
    await page.getByTestId('reminder-snooze-custom-submit').click();
    await page.getByTestId('reminder-snooze-custom-form').getByText('Укажите время в будущем').waitFor();
    expect((await taskByTitle(database, OFFER)).snoozedUntil).toBeNull();
    await page.getByTestId('reminder-snooze-custom-form').getByRole('button', { name: 'Отмена' }).click();
    await page.getByTestId('reminder-snooze-custom-form').waitFor({ state: 'detached' });

    await card.getByTestId('reminder-snooze').click();
    await page.getByTestId('reminder-snooze-tomorrow').click();
    await card.waitFor({ state: 'detached', timeout: 5_000 });
    expect((await taskByTitle(database, OFFER)).snoozedUntil).toBe(moscow(zonedDate(1), '09:00').toISOString());
    await page.getByTestId('reminders-panel').waitFor({ state: 'detached' });
  });

  it('the task list shows both tasks, the overdue one in red; completing the call there marks it done', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-tasks').click();
    await taskRow(page, CALL).waitFor();
    expect(await page.getByTestId('task-row').count()).toBe(2);
    const snoozed = (await taskByTitle(database, CALL)).snoozedUntil!;
    expect(await taskRow(page, CALL).getByTestId('task-remind-cell').textContent()).toBe(`отложено до${ruDateTime(new Date(snoozed))}`);
    expect(await taskRow(page, CALL).textContent()).toContain('Напоминание по событию');
    expect(await taskRow(page, OFFER).getAttribute('data-overdue')).toBe('true');
    expect(await taskRow(page, OFFER).textContent()).toContain('Просрочена');
    await settle(page);
    await h.screenshot('tasks-list.ru');

    // The row's own «Отложить»: for an hour from now.
    await taskRow(page, OFFER).getByTestId('task-snooze').click();
    await page.getByTestId('task-snooze-h1').click();
    const snoozedAt = Date.now();
    await expect
      .poll(async () => {
        const until = (await taskByTitle(database, OFFER)).snoozedUntil;
        return until ? Math.abs(new Date(until).getTime() - (snoozedAt + 3_600_000)) < 10_000 : false;
      })
      .toBe(true);

    await taskRow(page, CALL).getByTestId('task-complete').click();
    await taskRow(page, CALL).waitFor({ state: 'detached' });
    const done = await taskByTitle(database, CALL);
    expect(done).toMatchObject({ status: 'done', completedBy: adminId });
    expect(done.completedAt).not.toBeNull();

    await page.getByTestId('task-status-filter').getByText('Выполненные', { exact: true }).click();
    await taskRow(page, CALL).getByText('Выполнена').waitFor();
    await page.getByTestId('task-status-filter').getByText('Просроченные').click();
    await page.waitForURL(/status=overdue/);
    await taskRow(page, OFFER).waitFor();
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(1);

    // The period is on the due date: from today on, yesterday's task is out.
    await page.getByTestId('task-from').fill(zonedDate(0));
    await page.getByTestId('task-empty').waitFor();
    await page.getByTestId('task-from').fill('');
    await taskRow(page, OFFER).waitFor();
  });

  it('two tabs of one user: completing the popup in one removes it from the other', async () => {
    const { page, context, database } = h;
    const second = await context.newPage();
    await second.goto('/counterparties');
    await second.getByTestId('page-title').waitFor();
    const title = 'Напомнить о договоре поставки';
    await callWithReminder(page, { subject: 'Договор поставки', text: title, remindAt: new Date(Date.now() + 3_000) });
    await reminderCard(page, title).waitFor({ timeout: 10_000 });
    await reminderCard(second, title).waitFor({ timeout: 10_000 });

    await reminderCard(page, title).getByTestId('reminder-complete').click();
    const clicked = Date.now();
    await reminderCard(page, title).waitFor({ state: 'detached' });
    await reminderCard(second, title).waitFor({ state: 'detached', timeout: 5_000 });
    expect(Date.now() - clicked).toBeLessThan(5_000);
    expect((await taskByTitle(database, title)).status).toBe('done');
    await second.close();
  });

  it('a user who was away sees the due reminders right after signing in, on the task list', async () => {
    const { page } = h;
    const title = 'Подготовить акт сверки';
    await apiPost(page, '/api/tasks', {
      title,
      remindAt: new Date(Date.now() + 2_000).toISOString(),
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await signOut(page);
    await page.waitForTimeout(3_000);
    await page.goto('/');
    await signIn(page, ADMIN.email, ADMIN.password);
    // «Показывать список задач при запуске» is on and there are open tasks: the list comes first.
    await page.waitForURL(/\/tasks$/);
    await page.getByTestId('page-title').getByText('Задачи с оповещением').waitFor();
    await reminderCard(page, title).waitFor({ timeout: 5_000 });
  });

  it('speaks English too', async () => {
    const { page } = h;
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('page-title').getByText('Tasks with reminders').waitFor();
    expect(await page.getByTestId('reminders-panel').getByText('Reminders', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('reminder-complete').first().textContent()).toBe('Complete');
    await page.getByTestId('task-status-filter').getByText('All').click();
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(4);
    await settle(page);
    await h.screenshot('tasks-list.en');
    await page.getByTestId('language-switch').getByText('RU').click();
    expect(h.pageErrors).toEqual([]);
  });
});
