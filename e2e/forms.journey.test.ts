import type { Dialog, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { pickOption } from './events.helpers';
import { waitToastsGone } from './helpers';

// The forms of the cards as a manager meets them at 1366×768, in a browser whose own language is
// English while the app speaks Russian (then English): every problem of a card in one save, shown
// at its field with the tab marked and one summary, no stale error toasts; unsaved changes asked
// about on leaving (link, sign-out, closing the tab); dates and times typed and picked in the UI's
// language; the app's own messages instead of the browser's bubbles. Screenshots: docs/screenshots/forms-*.png

const LONG = 'ООО «Торговый дом Северо-Западная продовольственная компания»';
const INN = '7707083893';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
});

afterAll(async () => {
  await h?.close();
});

/** Texts of the red messages under the fields of a form. */
async function fieldErrors(page: Page, testId: string): Promise<string[]> {
  return (await page.getByTestId(testId).locator('.mantine-InputWrapper-error:visible').allTextContents()).map((s) => s.trim());
}

/** Whether a text is shown whole: nothing of it cut off by its box. */
const shownWhole = (el: Locator) =>
  el.evaluate((node) => node.scrollWidth <= node.clientWidth + 1 && node.scrollHeight <= node.clientHeight + 1);

/** The red toasts on screen. */
const errorToasts = (page: Page) =>
  page.locator('.mantine-Notification-root[data-color="red"], .mantine-Notification-root').filter({ hasText: /Ошибка|Error/ });

describe('forms journey', () => {
  it('first run in Russian although the browser is English; required fields get the app’s own message', async () => {
    const { page, database } = h;
    await page.goto('/');
    await page.getByTestId('setup-form').waitFor();
    await page.getByTestId('language-switch').getByText('RU').click();
    await page.getByRole('heading', { name: 'Первый запуск' }).waitFor();
    // Nothing typed: the app names the fields, the browser shows no bubble of its own.
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('setup-form').getByText('Обязательное поле').first().waitFor();
    expect(await page.evaluate(() => document.querySelector<HTMLFormElement>('[data-testid=setup-form]')!.noValidate)).toBe(true);
    expect(await fieldErrors(page, 'setup-form')).toEqual(['Обязательное поле', 'Обязательное поле', 'Обязательное поле']);
    expect(await database.db.selectFrom('users').select('id').execute()).toEqual([]);
    await h.screenshot('forms-setup-required.ru');

    await page.getByTestId('setup-name').fill('Анна Администратор');
    await page.getByTestId('setup-email').fill('anna@example.ru');
    await page.getByTestId('setup-password').fill('correct horse 1');
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('nav-counterparties').waitFor();
    const users = await database.db.selectFrom('users').select(['email', 'language']).execute();
    expect(users).toEqual([{ email: 'anna@example.ru', language: 'ru' }]);
    // The task list that opens at start-up is not this journey's subject.
    await page.request.patch('/api/me/settings', { data: { showTasksAtStartup: false, timeZone: 'Europe/Moscow' } });
  });

  it('a wrong password says so in Russian', async () => {
    const { page } = h;
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    await page.getByTestId('login-submit').click();
    expect(await fieldErrors(page, 'login-form')).toEqual(['Обязательное поле', 'Обязательное поле']);

    await page.getByTestId('login-email').fill('anna@example.ru');
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect((await alert.innerText()).split('\n').map((s) => s.trim())).toEqual([
      'Вход не выполнен',
      'Неверный адрес электронной почты или пароль',
    ]);
    expect(await page.locator('body').innerText()).not.toMatch(/Wrong|password|Please sign in/);
    await h.screenshot('forms-login-wrong-password.ru');

    await page.getByTestId('login-password').fill('correct horse 1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-counterparties').waitFor();
  });

  it('a counterparty with five mistakes gets all five in one save, at their fields, with the tabs marked', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('counterparty-create').click();
    await page.getByTestId('counterparty-card').waitFor();
    // No name; an INN with a wrong check digit; a KPP too short; a phone and an e-mail that are not.
    await page.getByTestId('counterparty-inn').fill('7707083890');
    await page.getByTestId('counterparty-kpp').fill('77360100');
    await page.getByTestId('tab-contact-info').click();
    await page.getByTestId('ci-add').click();
    await page.getByTestId('ci-value-0').fill('12-34');
    await page.getByTestId('ci-add').click();
    await page.getByTestId('ci-kind-1').selectOption('email');
    await page.getByTestId('ci-value-1').fill('zakupki@');
    await page.getByTestId('tab-main').click();

    await page.getByTestId('counterparty-save').click();
    const summary = page.getByTestId('form-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toBe('Не записано: исправьте поля, отмеченные красным (5)');
    expect(await fieldErrors(page, 'counterparty-card')).toEqual([
      'Обязательное поле',
      'Неверный ИНН: не сходится контрольное число',
      'КПП должен состоять из 9 знаков',
    ]);
    // The focus is on the first marked field; both tabs say how many of their fields are marked.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('counterparty-name');
    expect(await page.getByTestId('tab-main').getAttribute('data-errors')).toBe('3');
    expect(await page.getByTestId('tab-contact-info').getAttribute('data-errors')).toBe('2');
    // No red toast stacks over «Записать».
    expect(await errorToasts(page).count()).toBe(0);
    await h.screenshot('forms-counterparty-all-errors.ru');

    await page.getByTestId('tab-contact-info').click();
    expect(await fieldErrors(page, 'counterparty-card')).toContain('Неверный номер телефона');
    expect(await fieldErrors(page, 'counterparty-card')).toContain('Неверный адрес электронной почты');
    await h.screenshot('forms-counterparty-contact-errors.ru');
    expect(await database.db.selectFrom('counterparties').select('id').execute()).toEqual([]);

    // Fixing a field takes it off the count at once.
    await page.getByTestId('ci-value-0').fill('+7 (812) 555-12-34');
    await page.getByTestId('ci-value-1').fill('zakupki@szpk.ru');
    await page.getByTestId('tab-main').click();
    await page.getByTestId('counterparty-name').fill(LONG);
    await page.getByTestId('counterparty-inn').fill(INN);
    await expect.poll(() => summary.innerText()).toBe('Не записано: исправьте поля, отмеченные красным (3)');
    await page.getByTestId('counterparty-kpp').fill('773601001');
    await page.getByTestId('counterparty-save').click();
    await page.waitForURL(/\/counterparties\/[0-9a-f-]{36}$/);
    await page.getByText('Записано').first().waitFor();
    expect(await summary.count()).toBe(0);
    expect(await errorToasts(page).count()).toBe(0);
    const row = await database.db.selectFrom('counterparties').select(['name', 'inn', 'kpp']).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: LONG, inn: INN, kpp: '773601001' });
    const ci = await database.db.selectFrom('contactInfo').select(['kind', 'normalized']).orderBy('position').execute();
    expect(ci).toEqual([
      { kind: 'phone', normalized: '+78125551234' },
      { kind: 'email', normalized: 'zakupki@szpk.ru' },
    ]);
    await waitToastsGone(page);
  });

  it('unsaved input is not lost silently: another menu item asks «Данные были изменены. Сохранить изменения?»', async () => {
    const { page, database } = h;
    const dialog = page.getByTestId('unsaved-dialog');
    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('counterparty-create').click();
    await page.getByTestId('counterparty-name').fill('ООО «Вектор»');

    // Cancel: the card stays with what was typed.
    await page.getByTestId('nav-contact-persons').click();
    await dialog.getByText('Данные были изменены').waitFor();
    expect(await dialog.innerText()).toContain('Сохранить изменения?');
    await h.screenshot('forms-unsaved-question.ru');
    await page.getByTestId('unsaved-cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/counterparties/new');
    expect(await page.getByTestId('counterparty-name').inputValue()).toBe('ООО «Вектор»');

    // Don't save: the user goes where they clicked, nothing is written.
    await page.getByTestId('nav-contact-persons').click();
    await page.getByTestId('unsaved-discard').click();
    await page.waitForURL(/\/contact-persons$/);
    expect(await database.db.selectFrom('counterparties').select('name').where('name', '=', 'ООО «Вектор»').execute()).toEqual([]);

    // Save: written, and the user still goes where they clicked.
    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('counterparty-create').click();
    await page.getByTestId('counterparty-name').fill('ООО «Вектор»');
    await page.getByTestId('nav-events').click();
    await page.getByTestId('unsaved-save').click();
    await page.waitForURL(/\/events$/);
    expect(await database.db.selectFrom('counterparties').select('name').where('name', '=', 'ООО «Вектор»').execute()).toEqual([
      { name: 'ООО «Вектор»' },
    ]);

    // A save refused by the server keeps the user on the card with the errors shown.
    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('counterparty-create').click();
    await page.getByTestId('counterparty-name').fill('ООО «Ошибка»');
    await page.getByTestId('counterparty-inn').fill('123');
    await page.getByTestId('nav-events').click();
    await page.getByTestId('unsaved-save').click();
    await page.getByTestId('form-error-summary').waitFor();
    expect(new URL(page.url()).pathname).toBe('/counterparties/new');
    expect(await fieldErrors(page, 'counterparty-card')).toEqual([
      'Неверная длина ИНН (10 цифр у организации, 12 — у ИП и физического лица)',
    ]);
  });

  it('closing the tab and signing out ask too', async () => {
    const { page } = h;
    // The card of the previous step still has unsaved changes: the browser asks before unloading.
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const unload: Dialog = await asked;
    expect(unload.type()).toBe('beforeunload');
    await unload.dismiss();
    expect(page.isClosed()).toBe(false);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    const dialog = page.getByTestId('unsaved-dialog');
    await dialog.getByText('Сохранить изменения?').waitFor();
    await page.getByTestId('unsaved-cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('counterparty-name').inputValue()).toBe('ООО «Ошибка»');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('unsaved-discard').click();
    await page.getByTestId('login-form').waitFor();
    await page.getByTestId('login-email').fill('anna@example.ru');
    await page.getByTestId('login-password').fill('correct horse 1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-counterparties').waitFor();
  });
  it('a contact person: the birthday is typed and picked as ДД.ММ.ГГГГ, «-3» days is refused with a message, every problem at once', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-contact-persons').click();
    await page.getByTestId('contact-person-create').click();
    await page.getByTestId('contact-person-card').waitFor();
    const birthday = page.getByTestId('contact-person-birthday');
    expect(await birthday.getAttribute('placeholder')).toBe('ДД.ММ.ГГГГ');
    // A future birthday, -3 days, a phone that is not one and no last name: one save names them all.
    await birthday.fill('15.05.2999');
    await page.getByTestId('contact-person-reminder-days').fill('-3');
    await page.getByTestId('ci-add').click();
    await page.getByTestId('ci-value-0').fill('позвонить');
    await page.getByTestId('contact-person-save').click();
    await page.getByTestId('form-error-summary').waitFor();
    expect(await page.getByTestId('contact-person-reminder-days').inputValue()).toBe('-3');
    expect(await fieldErrors(page, 'contact-person-card')).toEqual(['Не может быть отрицательным']);
    expect(await database.db.selectFrom('contactPersons').select('id').execute()).toEqual([]);

    await page.getByTestId('contact-person-reminder-days').fill('3');
    await page.getByTestId('contact-person-save').click();
    await expect
      .poll(() => fieldErrors(page, 'contact-person-card'))
      .toEqual(['Обязательное поле', 'Дата не может быть в будущем', 'Неверный номер телефона']);
    expect(await page.getByTestId('form-error-summary').innerText()).toBe('Не записано: исправьте поля, отмеченные красным (3)');
    await h.screenshot('forms-contact-person-errors.ru');

    // Picked from the calendar: the month and the days are named in Russian.
    await page.getByTestId('contact-person-lastName').fill('Соколова');
    await page.getByTestId('contact-person-firstName').fill('Мария');
    await pickOption(page, 'contact-person-counterparty', LONG, 'Северо-Западная');
    await birthday.fill('');
    // Typing opens nothing over the card; the calendar opens from its button.
    expect(await page.locator('[data-dates-dropdown]').count()).toBe(0);
    await page.getByTestId('contact-person-birthday-calendar').click();
    const calendar = page.locator('.mantine-Popover-dropdown').filter({ has: page.locator('table') });
    await calendar.waitFor();
    expect(await calendar.innerText()).toMatch(/Пн\s+Вт\s+Ср/);
    await h.screenshot('forms-birthday-calendar.ru');
    await page.keyboard.press('Escape');
    await birthday.fill('15.05.1980');
    await birthday.blur();
    expect(await birthday.inputValue()).toBe('15.05.1980');
    await page.getByTestId('ci-value-0').fill('+7 916 555-44-33');
    await page.getByTestId('contact-person-save').click();
    await page.waitForURL(/\/contact-persons\/[0-9a-f-]{36}$/);
    const person = await database.db
      .selectFrom('contactPersons')
      .innerJoin('counterparties', 'counterparties.id', 'contactPersons.counterpartyId')
      .select(['lastName', 'birthday', 'birthdayReminderDays', 'counterparties.name'])
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ lastName: 'Соколова', birthday: '1980-05-15', birthdayReminderDays: 3, name: LONG });
    expect(await birthday.inputValue()).toBe('15.05.1980');
    await waitToastsGone(page);
    await h.screenshot('forms-contact-person-saved.ru');
  });

  it("an event: date and time on a 24-hour clock in the UI language, stored in the user's zone", async () => {
    const { page, database } = h;
    await page.getByTestId('nav-events').click();
    await page.getByTestId('event-create').click();
    await page.getByTestId('event-card').waitFor();
    await page.getByTestId('event-subject').fill('Переговоры о поставке');
    await pickOption(page, 'event-counterparty', LONG, 'Северо-Западная');
    await pickOption(page, 'event-contact-person', 'Соколова Мария');
    await page.getByTestId('event-start-date').fill('20.11.2026');
    await page.getByTestId('event-start-time').click();
    await page.keyboard.type('1430');
    await page.getByTestId('event-end-time').click();
    await page.keyboard.type('1515');
    await page.getByTestId('event-duration').getByText('45 мин').waitFor();
    expect(await page.getByTestId('event-start-date').inputValue()).toBe('20.11.2026');
    await h.screenshot('forms-event-time.ru');
    await page.getByTestId('event-save').click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    const event = await database.db.selectFrom('events').select(['startAt', 'endAt']).executeTakeFirstOrThrow();
    // 14:30 in Moscow (UTC+3).
    expect(new Date(event.startAt).toISOString()).toBe('2026-11-20T11:30:00.000Z');
    expect(new Date(event.endAt!).toISOString()).toBe('2026-11-20T12:15:00.000Z');
    expect(await page.locator('body').innerText()).not.toMatch(/\b(AM|PM)\b/);
  });

  it('at 1366 px the lists give the long name the free width and show it whole', async () => {
    const { page } = h;
    await waitToastsGone(page);
    await page.getByTestId('nav-counterparties').click();
    const nameCell = page.getByTestId('counterparty-row').filter({ hasText: 'Северо-Западная' }).getByTestId('counterparty-name-cell');
    await nameCell.waitFor();
    expect(await nameCell.innerText()).toBe(LONG);
    expect(await shownWhole(nameCell)).toBe(true);
    expect((await nameCell.boundingBox())!.width).toBeGreaterThan(250);
    await h.screenshot('forms-counterparty-list.ru');

    await page.getByTestId('nav-contact-persons').click();
    const person = page.getByTestId('contact-person-row').filter({ hasText: 'Соколова' });
    await person.waitFor();
    expect(await person.innerText()).toContain(LONG);
    await h.screenshot('forms-contact-person-list.ru');

    await page.getByTestId('nav-events').click();
    const event = page.getByTestId('event-row').filter({ hasText: 'Переговоры о поставке' });
    await event.waitFor();
    const cells = event.locator('td');
    for (const text of [LONG, 'Соколова Мария', 'Переговоры о поставке']) {
      const cell = cells.filter({ hasText: text }).last();
      expect(await shownWhole(cell), text).toBe(true);
    }
    await h.screenshot('forms-events-journal.ru');
  });

  it("a task: due and reminder typed as «ДД.ММ.ГГГГ чч:мм»; an empty custom snooze time gets the app's message", async () => {
    const { page, database } = h;
    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('task-create').click();
    await page.getByTestId('task-form').waitFor();
    await page.getByTestId('task-title').fill('Позвонить в «Вектор»');
    await page.getByTestId('task-due').fill('27.12.2026 18:00');
    await page.getByTestId('task-remind').fill('27.12.2026 17:30');
    await page.getByTestId('task-remind').blur();
    expect(await page.getByTestId('task-remind').inputValue()).toBe('27.12.2026 17:30');
    await h.screenshot('forms-task-new.ru');
    await page.getByTestId('task-save').click();
    await page.getByTestId('task-form').waitFor({ state: 'detached' });
    const task = await database.db.selectFrom('tasks').select(['title', 'dueAt', 'remindAt']).executeTakeFirstOrThrow();
    expect(task.title).toBe('Позвонить в «Вектор»');
    expect(new Date(task.dueAt!).toISOString()).toBe('2026-12-27T15:00:00.000Z');
    expect(new Date(task.remindAt!).toISOString()).toBe('2026-12-27T14:30:00.000Z');

    // «Отложить» → «Указать время»: the field is in Russian; left empty, the app says it is required.
    await page.getByTestId('task-snooze').first().click();
    await page.getByTestId('task-snooze-custom').click();
    const at = page.getByTestId('task-snooze-custom-at');
    await at.waitFor();
    expect(await at.getAttribute('placeholder')).toBe('ДД.ММ.ГГГГ чч:мм');
    await at.fill('');
    await page.getByTestId('task-snooze-custom-submit').click();
    await page.getByTestId('task-snooze-custom-form').getByText('Обязательное поле').waitFor();
    await at.fill('28.12.2026 09:15');
    await page.getByTestId('task-snooze-custom-submit').click();
    await page.getByTestId('task-snooze-custom-form').waitFor({ state: 'detached' });
    const snoozed = await database.db.selectFrom('tasks').select('snoozedUntil').executeTakeFirstOrThrow();
    expect(new Date(snoozed.snoozedUntil!).toISOString()).toBe('2026-12-28T06:15:00.000Z');
  });
  it('in English the same card speaks English: one summary, dates as DD/MM/YYYY, the same question on leaving', async () => {
    const { page, database } = h;
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(async () => (await database.db.selectFrom('users').select('language').executeTakeFirstOrThrow()).language).toBe('en');
    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('counterparty-create').click();
    await page.getByTestId('counterparty-inn').fill('12345');
    await page.getByTestId('counterparty-save').click();
    await page.getByTestId('form-error-summary').waitFor();
    expect(await page.getByTestId('form-error-summary').innerText()).toBe('Not saved: correct the fields marked red (2)');
    expect(await fieldErrors(page, 'counterparty-card')).toEqual([
      'Required',
      'Wrong INN length (10 digits for an organisation, 12 for a sole trader or individual)',
    ]);
    await h.screenshot('forms-counterparty-errors.en');

    await page.getByTestId('nav-contact-persons').click();
    await page.getByTestId('unsaved-dialog').getByText('The data has been changed').waitFor();
    expect(await page.getByTestId('unsaved-dialog').innerText()).toContain('Save the changes?');
    await h.screenshot('forms-unsaved-question.en');
    await page.getByTestId('unsaved-discard').click();
    await page.waitForURL(/\/contact-persons$/);

    await page.getByTestId('contact-person-row').filter({ hasText: 'Соколова' }).click();
    const birthday = page.getByTestId('contact-person-birthday');
    await expect.poll(() => birthday.inputValue()).toBe('15/05/1980');
    expect(await birthday.getAttribute('placeholder')).toBe('DD/MM/YYYY');
    await birthday.fill('16/05/1980');
    await page.getByTestId('contact-person-save').click();
    await expect
      .poll(async () => (await database.db.selectFrom('contactPersons').select('birthday').executeTakeFirstOrThrow()).birthday)
      .toBe('1980-05-16');
    await page.getByText('Saved').first().waitFor();
    await waitToastsGone(page);
    await h.screenshot('forms-contact-person.en');
    expect(h.pageErrors).toEqual([]);
  });
});
