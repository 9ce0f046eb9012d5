import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { apiPost } from './helpers';
import { pickOption, ruDate } from './events.helpers';
import { firstRun, moscow, reminderCard, ruDateTime, settle, zonedDate } from './tasks.helpers';

// «Напомнить» and «Основание» on a saved event, and the reminder dock: in Russian at 1366×768 and on
// a 390×844 phone, against the real server with its scheduler. Screenshots go to
// docs/screenshots/event-reminder-*.png and reminders-dock-*.png.

const ADMIN = { name: 'Анна Администратор', email: 'anna@example.ru', password: 'correct horse 1' };
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const LONG =
  'Перезвонить главному бухгалтеру ООО «Северо-Западная торгово-промышленная компания» по сверке взаиморасчетов за третий квартал';

let h: Harness;
let adminId = '';
const ev: Record<'first' | 'meeting' | 'followUp', { id: string; number: number }> = {} as never;

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU', startScheduler: true, viewport: DESKTOP });
});

afterAll(async () => {
  await h?.close();
});

async function typeTime(page: Page, testId: string, hhmm: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(hhmm.replace(':', ''));
}

const reminderTasks = () =>
  h.database.db.selectFrom('tasks').selectAll().where('source', '=', 'eventReminder').orderBy('createdAt').orderBy('id').execute();

/** Whether two boxes on the screen overlap. */
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('«Напомнить» on a saved event', () => {
  // The reminder's day, fixed once: the journey may run across midnight in Moscow (21:00 UTC).
  let tomorrow = '';
  it('adds a reminder to a saved event; the task is written', async () => {
    const { page } = h;
    await firstRun(page, ADMIN);
    adminId = (await h.database.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    const cp = await apiPost<{ id: string }>(page, '/api/counterparties', { name: 'ООО «Вектор»' });
    const base = { kind: 'phoneCall', direction: 'outgoing', startAt: new Date().toISOString(), counterpartyId: cp.id };
    ev.first = await apiPost(page, '/api/events', { ...base, subject: 'Первый звонок по коммерческому предложению' });
    ev.meeting = await apiPost(page, '/api/events', { ...base, kind: 'meeting', subject: 'Встреча по договору поставки' });
    ev.followUp = await apiPost(page, '/api/events', {
      ...base,
      subject: 'Отправить протокол встречи',
      basis: { type: 'event', id: ev.meeting.id },
    });

    await page.goto(`/events/${ev.meeting.id}`);
    const remind = page.getByTestId('event-remind');
    expect(await remind.textContent()).toBe('Напомнить');
    await remind.click();
    const win = page.getByTestId('event-remind-window');
    await win.getByText(`Напоминание по событию №${ev.meeting.number}`).waitFor();
    expect(await page.getByTestId('event-remind-remove').count()).toBe(0);
    tomorrow = zonedDate(1);
    await page.getByTestId('event-reminder-tomorrow').click();
    await page.getByTestId('event-reminder-due-date').fill(ruDate(tomorrow));
    await typeTime(page, 'event-reminder-due-time', '18:00');
    await page.getByTestId('event-reminder-text').fill('Подготовить договор к встрече');
    await h.screenshot('event-reminder-window.ru');
    await page.getByTestId('event-remind-save').click();
    await page.getByTestId('event-remind-save').waitFor({ state: 'hidden' });

    await expect.poll(() => remind.textContent()).toBe(`Напоминание: ${ruDateTime(moscow(tomorrow, '09:00'))}`);
    const [task] = await reminderTasks();
    expect(task).toMatchObject({
      title: 'Подготовить договор к встрече',
      subjectType: 'event',
      subjectId: ev.meeting.id,
      assigneeId: adminId,
      status: 'open',
      remindAt: moscow(tomorrow, '09:00').toISOString(),
      dueAt: moscow(tomorrow, '18:00').toISOString(),
    });
    // Only the reminder was saved: the event's row was not touched.
    const row = await h.database.db
      .selectFrom('events')
      .select(['updatedAt', 'createdAt'])
      .where('id', '=', ev.meeting.id)
      .executeTakeFirstOrThrow();
    expect(row.updatedAt).toBe(row.createdAt);
  });

  it('refuses a reminder after the due time, writing nothing; then changes and removes it', async () => {
    const { page } = h;
    const before = await reminderTasks();
    await page.getByTestId('event-remind').click();
    expect(await page.getByTestId('event-reminder-text').inputValue()).toBe('Подготовить договор к встрече');
    await typeTime(page, 'event-reminder-at-time', '19:00');
    await page.getByTestId('event-remind-save').click();
    await page.getByTestId('event-remind-window').getByText('Напоминание не может быть позже срока').waitFor();
    expect(await reminderTasks()).toEqual(before);

    await typeTime(page, 'event-reminder-at-time', '10:30');
    await page.getByTestId('event-reminder-text').fill('Взять два экземпляра договора');
    await page.getByTestId('event-remind-save').click();
    await page.getByTestId('event-remind-save').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await reminderTasks())[0].title).toBe('Взять два экземпляра договора');
    const changed = await reminderTasks();
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ id: before[0].id, remindAt: moscow(tomorrow, '10:30').toISOString(), status: 'open' });

    await page.getByTestId('event-remind').click();
    await page.getByTestId('event-remind-remove').click();
    await page.getByTestId('event-remind-save').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('event-remind').textContent()).toBe('Напомнить');
    expect((await reminderTasks()).map((x) => [x.id, x.status])).toEqual([[before[0].id, 'cancelled']]);
  });

  it('«Дополнительно»: the basis refuses an event based on this one, then takes another event', async () => {
    const { page } = h;
    const basisOf = async () =>
      (await h.database.db.selectFrom('events').select(['basisType', 'basisId']).where('id', '=', ev.meeting.id).executeTakeFirstOrThrow())
        .basisId;
    await pickOption(page, 'event-basis-select', 'Отправить протокол встречи', 'протокол');
    await page.getByTestId('event-basis-apply').click();
    await page
      .getByTestId('event-additional')
      .getByText('Событие не может быть основанием самого себя или события, созданного на его основании')
      .waitFor();
    expect(await basisOf()).toBeNull();

    await pickOption(page, 'event-basis-select', 'Первый звонок по коммерческому предложению', 'Первый');
    await page.getByTestId('event-basis-apply').click();
    await page.getByTestId('event-related-basis').getByText('Первый звонок по коммерческому предложению').waitFor();
    expect(await page.getByTestId('event-basis').textContent()).toContain(`№${ev.first.number} Первый звонок`);
    expect(await basisOf()).toBe(ev.first.id);
    expect(await page.getByTestId('event-basis-apply').isDisabled()).toBe(true);
    await settle(page);
    await h.screenshot('event-reminder-basis.ru');

    await page.setViewportSize(PHONE);
    await page.getByTestId('event-additional').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await h.screenshot('event-reminder-basis-phone.ru');
    await page.getByTestId('event-remind').click();
    await page.getByTestId('event-remind-save').waitFor();
    await h.screenshot('event-reminder-window-phone.ru');
    await page.getByTestId('event-remind-cancel').click();
    await page.setViewportSize(DESKTOP);
    expect(h.pageErrors).toEqual([]);
  });
});

describe('the reminder dock', () => {
  it('lists today’s birthday first, wraps long titles, never scrolls sideways and leaves the page’s buttons free', async () => {
    const { page } = h;
    const cp = await apiPost<{ id: string }>(page, '/api/counterparties', { name: 'ООО «Северо-Запад»' });
    await apiPost(page, '/api/tasks', { title: 'Сверить остатки на складе', remindAt: new Date(Date.now() - 3 * 3_600_000).toISOString() });
    await apiPost(page, '/api/events', {
      kind: 'phoneCall',
      startAt: new Date().toISOString(),
      subject: 'Сверка',
      counterpartyId: cp.id,
      reminder: { remindAt: new Date(Date.now() - 3_600_000).toISOString(), text: LONG },
    });
    const today = zonedDate(0);
    await apiPost(page, '/api/contact-persons', {
      counterpartyId: cp.id,
      lastName: 'Соколова',
      firstName: 'Мария',
      birthday: `1985-${today.slice(5)}`,
      birthdayReminderDays: 0,
    });
    await apiPost(page, '/api/scheduler/jobs/birthdays/run', {});
    const birthday = await h.database.db.selectFrom('tasks').selectAll().where('source', '=', 'birthday').executeTakeFirstOrThrow();

    await page.goto(`/events/${ev.meeting.id}`);
    const panel = page.getByTestId('reminders-panel');
    await expect.poll(() => page.getByTestId('reminder-card').count(), { timeout: 10_000 }).toBe(3);
    // Newest due first: the birthday reminded now, then the call an hour ago, then the task of three hours ago.
    expect(await page.getByTestId('reminder-title').allTextContents()).toEqual([birthday.title, LONG, 'Сверить остатки на складе']);
    expect(await panel.getAttribute('data-folded')).toBeNull();
    const win = page.getByTestId('reminders-window');
    const box = (await win.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(360);
    // The long title is whole (wrapped, not clipped) and nothing scrolls sideways.
    const title = reminderCard(page, LONG).getByTestId('reminder-title');
    expect(await title.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.getBoundingClientRect().height > 30)).toBe(true);
    const viewport = win.locator('.mantine-ScrollArea-viewport');
    expect(await viewport.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
    // Scrolled to the end, the page's last fields and buttons sit above the dock.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const dock = (await panel.boundingBox())!;
    for (const id of ['event-additional', 'event-basis-apply', 'event-meta']) {
      expect(overlap((await page.getByTestId(id).boundingBox())!, dock), id).toBe(false);
    }
    await settle(page);
    await h.screenshot('reminders-dock.ru');
  });

  it('collapses to «Напоминания: 3», stays collapsed across pages and reloads, and is worked from the keyboard', async () => {
    const { page } = h;
    await page.getByTestId('reminders-toggle').click();
    const badge = page.locator('[data-testid="reminders-panel"][data-folded] [data-testid="reminders-toggle"]');
    expect(await badge.textContent()).toBe('Напоминания: 3');
    expect(await page.getByTestId('reminder-card').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await h.screenshot('reminders-dock-collapsed.ru');

    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('task-row').first().waitFor();
    expect(await badge.count()).toBe(1);
    await page.reload();
    await badge.waitFor();
    expect(await page.getByTestId('reminder-card').count()).toBe(0);

    // From the keyboard: expand, then «Выполнить» on the birthday.
    await badge.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('reminders-window').waitFor();
    const first = page.getByTestId('reminder-card').first();
    await first.getByTestId('reminder-complete').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('reminder-card').count()).toBe(2);
    const birthday = await h.database.db
      .selectFrom('tasks')
      .select(['status', 'completedBy'])
      .where('source', '=', 'birthday')
      .executeTakeFirstOrThrow();
    expect(birthday).toEqual({ status: 'done', completedBy: adminId });
    // «Отложить» from the keyboard as well.
    await reminderCard(page, 'Сверить остатки на складе').getByTestId('reminder-snooze').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('reminder-snooze-m15').waitFor();
    await page.keyboard.press('Escape');
    expect(h.pageErrors).toEqual([]);
  });

  it('on a phone it starts as the counter and, opened, fits the screen', async () => {
    const { page } = h;
    await page.setViewportSize(PHONE);
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`/events/${ev.meeting.id}`);
    const badge = page.locator('[data-testid="reminders-panel"][data-folded] [data-testid="reminders-toggle"]');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('Напоминания: 2');
    const b = (await badge.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(PHONE.width);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(overlap((await page.getByTestId('event-meta').boundingBox())!, (await page.getByTestId('reminders-panel').boundingBox())!)).toBe(
      false,
    );
    await settle(page);
    await h.screenshot('reminders-dock-phone.ru');

    await badge.click();
    await page.getByTestId('reminders-window').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const w = (await page.getByTestId('reminders-window').boundingBox())!;
    expect(w.x).toBeGreaterThanOrEqual(0);
    expect(w.x + w.width).toBeLessThanOrEqual(PHONE.width);
    await h.screenshot('reminders-dock-phone-open.ru');
    // «Открыть» goes to the event of the long reminder.
    await reminderCard(page, LONG).getByTestId('reminder-open').click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    expect(h.pageErrors).toEqual([]);
  });
});
