import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { apiPost } from './helpers';
import { apiPatch, firstRun, reminderCard, settle, zonedDate } from './tasks.helpers';

// «Регламентные задания» and birthday reminders, in Russian (the home page once in English), with
// the server's scheduler running: the administrator makes themselves the scheduled-jobs user with a
// 2 s polling interval on the jobs page (the server refuses a wrong interval and a blocked user), adds
// a contact person whose birthday is in 2 days with «напомнить за 3 дня», and within one polling
// interval the task «День рождения: …» exists and pops up; the home page lists the birthday.

const ADMIN = { name: 'Ольга Смирнова', email: 'olga@example.ru', password: 'correct horse 2' };
const BORN = 1985;

let h: Harness;
let adminId = '';
let personId = '';
const birthday = zonedDate(2);
const title = `День рождения: Соколова Мария Ивановна (ООО «Вектор»), ${birthday.slice(8, 10)}.${birthday.slice(5, 7)}`;

const setting = async (key: string) =>
  (await h.database.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU', startScheduler: true });
});

afterAll(async () => {
  await h?.close();
});

describe('birthdays journey', () => {
  it('the home page says there are no birthdays yet', async () => {
    const { page, database } = h;
    await firstRun(page, ADMIN);
    await page.getByTestId('birthdays-empty').getByText('Поздравлять пока некого').waitFor();
    adminId = (await database.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  });

  it('the jobs page refuses a wrong interval and a blocked user, then takes the administrator and 2 seconds', async () => {
    const { page } = h;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-jobs-link').click();
    await page.waitForURL(/\/settings\/jobs$/);
    await page.getByTestId('page-title').getByText('Регламентные задания').waitFor();
    const row = page.getByTestId('job-row').filter({ hasText: 'Напоминания о днях рождения контактных лиц' });
    // The scheduler ran the job at start, when there was nobody to congratulate.
    await row.getByTestId('job-result').getByText('Создано задач: 0; дней рождения к напоминанию: 0').waitFor();

    await page.getByTestId('scheduler-interval').fill('0');
    await page.getByTestId('scheduler-settings-save').click();
    await page.getByTestId('scheduler-settings').getByText('Укажите число от 1 до 86400').waitFor();
    expect(await page.getByTestId('scheduler-interval').getAttribute('aria-invalid')).toBe('true');
    expect(await setting('schedulerIntervalSeconds')).toBeUndefined();

    // A manager chosen on screen, then blocked before the save: the server says no.
    const igor = await apiPost<{ id: string }>(page, '/api/users', {
      name: 'Игорь Блинов',
      email: 'igor@example.ru',
      password: 'igor-password',
      role: 'manager',
    });
    await page.reload();
    await page.getByTestId('scheduler-user').click();
    await page.getByRole('option', { name: 'Игорь Блинов' }).click();
    await page.getByTestId('scheduler-interval').fill('2');
    await apiPatch(page, `/api/users/${igor.id}`, { blocked: true });
    await page.getByTestId('scheduler-settings-save').click();
    await page.getByTestId('scheduler-settings').getByText('Пользователь не найден или заблокирован').waitFor();
    expect(await setting('scheduledJobsUserId')).toBeUndefined();
    expect(await setting('schedulerIntervalSeconds')).toBeUndefined();

    await page.getByTestId('scheduler-user').click();
    await page.getByRole('option', { name: ADMIN.name }).click();
    await page.getByTestId('scheduler-settings-save').click();
    await page.getByText('Записано').first().waitFor();
    expect(await setting('scheduledJobsUserId')).toBe(JSON.stringify(adminId));
    expect(await setting('schedulerIntervalSeconds')).toBe('2');
  });

  it('a contact person with a birthday in 2 days and «remind 3 days before» gets the task and the popup within one interval', async () => {
    const { page, database } = h;
    await apiPost(page, '/api/counterparties', { name: 'ООО «Вектор»' });
    await page.getByTestId('nav-contact-persons').click();
    await page.getByTestId('contact-person-create').click();
    await page.getByTestId('contact-person-lastName').fill('Соколова');
    await page.getByTestId('contact-person-firstName').fill('Мария');
    await page.getByTestId('contact-person-middleName').fill('Ивановна');
    await page.getByTestId('contact-person-counterparty').click();
    await page.getByTestId('contact-person-counterparty').fill('Вектор');
    await page.getByRole('option', { name: 'ООО «Вектор»' }).click();
    await page.getByTestId('contact-person-birthday').fill(`${BORN}${birthday.slice(4)}`);
    await page.getByTestId('contact-person-reminder-days').fill('3');
    await page.getByTestId('contact-person-save').click();
    await page.waitForURL(/\/contact-persons\/[0-9a-f-]{36}$/);
    const saved = Date.now();
    personId = page.url().split('/').pop()!;

    await reminderCard(page, title).waitFor({ timeout: 10_000 });
    // One polling interval (2 s) for the job, one reminders tick (2 s) for the push, and a little slack.
    expect(Date.now() - saved).toBeLessThan(7_000);
    const tasks = await database.db.selectFrom('tasks').selectAll().where('source', '=', 'birthday').execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title, assigneeId: adminId, subjectType: 'contactPerson', subjectId: personId, status: 'open' });
    expect(await reminderCard(page, title).getByTestId('reminder-subject').textContent()).toBe('Контактное лицо: Соколова Мария Ивановна');
    await settle(page);
    await h.screenshot('tasks-birthday-popup.ru');
  });

  it('the home page lists the birthday and the task', async () => {
    const { page } = h;
    await page.getByTestId('nav-home').click();
    const row = page.getByTestId('birthday-row').filter({ hasText: 'Соколова Мария Ивановна' });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('ООО «Вектор»');
    expect(text).toContain('через 2 дня');
    expect(text).toContain(`исполнится ${Number(birthday.slice(0, 4)) - BORN}`);
    expect(await row.getByTestId('birthday-person').getAttribute('href')).toBe(`/contact-persons/${personId}`);
    await page.getByTestId('home-task').filter({ hasText: title }).waitFor();
    // Folded, the reminder window leaves the page readable and a new reminder unfolds it.
    await page.getByTestId('reminders-toggle').click();
    await page.locator('[data-testid="reminders-panel"][data-folded]').waitFor();
    await h.screenshot('tasks-home-birthdays.ru');
  });

  it('the jobs page shows the runs, refreshes by itself, and «Выполнить сейчас» runs the job again', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-jobs').click();
    const row = page.getByTestId('job-row').filter({ hasText: 'Напоминания о днях рождения контактных лиц' });
    await row
      .getByTestId('job-result')
      .getByText(/дней рождения к напоминанию: 1$/)
      .waitFor();
    const shown = Number(await row.getByTestId('job-run-count').textContent());
    // The job runs every 2 s; the page asks every 5 s.
    await expect.poll(async () => Number(await row.getByTestId('job-run-count').textContent()), { timeout: 8_000 }).toBeGreaterThan(shown);

    const before = (
      await database.db.selectFrom('scheduledJobs').select('runCount').where('name', '=', 'birthdays').executeTakeFirstOrThrow()
    ).runCount;
    await row.getByTestId('job-run').click();
    await page.getByText('Задание «Напоминания о днях рождения контактных лиц» выполнено').waitFor();
    const after = await database.db.selectFrom('scheduledJobs').selectAll().where('name', '=', 'birthdays').executeTakeFirstOrThrow();
    expect(after.runCount).toBeGreaterThan(before);
    expect(after.lastStatus).toBe('ok');
    await settle(page);
    await h.screenshot('tasks-jobs.ru');
  });

  it('«Открыть» goes to the contact person; «Выполнить» completes the task, and later runs do not bring it back', async () => {
    const { page, database } = h;
    await page.getByTestId('reminders-toggle').click();
    const card = reminderCard(page, title);
    await card.getByTestId('reminder-open').click();
    await page.waitForURL(new RegExp(`/contact-persons/${personId}$`));
    await page.getByTestId('page-title').getByText('Соколова Мария Ивановна').waitFor();
    await card.getByTestId('reminder-complete').click();
    await card.waitFor({ state: 'detached' });
    // Several more runs of the job (every 2 s): the task stays one, and done.
    await page.waitForTimeout(4_500);
    const tasks = await database.db.selectFrom('tasks').select(['status', 'completedBy']).where('source', '=', 'birthday').execute();
    expect(tasks).toEqual([{ status: 'done', completedBy: adminId }]);
    expect(await page.getByTestId('reminders-panel').count()).toBe(0);
  });

  it('shows the home page in English', async () => {
    const { page } = h;
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('nav-home').getByText('Home').click();
    const row = page.getByTestId('birthday-row').filter({ hasText: 'Соколова Мария Ивановна' });
    await row.getByText('in 2 days').waitFor();
    expect(await row.textContent()).toContain(`turns ${Number(birthday.slice(0, 4)) - BORN}`);
    await page.getByTestId('home-tasks-empty').getByText('No open tasks').waitFor();
    await settle(page);
    await h.screenshot('tasks-home-birthdays.en');
    await page.getByTestId('language-switch').getByText('RU').click();
    expect(h.pageErrors).toEqual([]);
  });
});
