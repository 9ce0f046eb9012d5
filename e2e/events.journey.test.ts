import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { apiPost, download, waitToastsGone } from './helpers';
import {
  EVENTS_ZONE,
  apiEvent,
  apiGet,
  apiPatch,
  cellsOf,
  csvRows,
  dateInZone,
  firstRunAdmin,
  fullPageShot,
  pickOption,
  reportGroups,
  reportRow,
  ruDate,
} from './events.helpers';

// «События» in the browser, in Russian (one picture in English): an outgoing call logged from the
// counterparty's card with a reminder, the journal with the red "!" of high importance, a follow-up
// «на основании» linked both ways, then «Отчет по событиям» grouped by counterparty and contact
// person on screen, as CSV and as XLSX, with a drill-down to an event. Screenshots: docs/screenshots/events-*.png

const CP = 'ООО «Ромашка»';
const PERSON = 'Петрова Мария';
const SUBJECT = 'Предложение по поставке';
const FOLLOW_UP = 'Перезвонить: уточнить объем';
const DAY = '2026-11-20';

let h: Harness;

/** Types a time into a 24-hour time picker: hours, then minutes (the picker moves on by itself). */
async function typeTime(page: Page, testId: string, hhmm: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(hhmm.replace(':', ''));
}
let adminId = '';
let counterpartyId = '';
let firstId = '';

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU' });
  await firstRunAdmin(h.page, { name: 'Анна Администратор', email: 'anna@example.ru', password: 'correct horse 1' });
  // The journeys check the events' own screens: no task list at start-up over them.
  const me = await apiPatch<{ id: string; timeZone: string }>(h.page, '/api/me/settings', {
    timeZone: EVENTS_ZONE,
    showTasksAtStartup: false,
  });
  adminId = me.id;
});

afterAll(async () => {
  await h?.close();
});

describe('events journey', () => {
  it('logs an outgoing call with a reminder from the counterparty card; errors show under the fields', async () => {
    const { page, database } = h;
    // A counterparty with a contact person, typed in as a manager would.
    await page.goto('/counterparties/new');
    await page.getByTestId('counterparty-name').fill(CP);
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/counterparties\/[0-9a-f-]{36}$/);
    counterpartyId = page.url().split('/').pop()!;
    await page.getByTestId('tab-persons').click();
    await page.getByTestId('counterparty-add-person').click();
    await page.getByTestId('contact-person-lastName').fill('Петрова');
    await page.getByTestId('contact-person-firstName').fill('Мария');
    await page.getByTestId('contact-person-lastName').press('Enter');
    await page.waitForURL(/\/contact-persons\/[0-9a-f-]{36}$/);
    await page.getByTestId('back-to-counterparty').click();

    await page.getByTestId('tab-events').click();
    await page.getByTestId('events-panel-empty').waitFor();
    await page.getByTestId('events-panel-new').click();
    await page.getByTestId('event-card').waitFor();
    expect(await page.getByTestId('event-counterparty').inputValue()).toBe(CP);
    expect(await page.getByTestId('page-title').textContent()).toBe('Событие (создание)');

    // The subject has the focus; the person list offers the counterparty's people.
    await page.keyboard.type(SUBJECT);
    await pickOption(page, 'event-contact-person', PERSON);
    expect(await page.getByTestId('event-contact-person').inputValue()).toBe(PERSON);
    // The date as the Russian UI writes it; the time on the 24-hour picker.
    await page.getByTestId('event-start-date').fill(ruDate(DAY));
    await typeTime(page, 'event-start-time', '10:00');
    // An end before the start: the server refuses, the message is under the field, nothing is written.
    await typeTime(page, 'event-end-time', '09:30');
    await page.getByTestId('event-importance').getByText('Высокая', { exact: true }).click();
    await page.getByTestId('event-state').getByText('Завершено', { exact: true }).click();
    await page.getByTestId('event-outcome').getByText('Успешно', { exact: true }).click();
    await pickOption(page, 'event-info-source', 'Холодный звонок');
    await page.getByTestId('event-description').fill('Интересуются поставкой к декабрю');
    await page.getByTestId('event-content').fill('Обсудили объем 2 т в месяц.\nНужна цена с доставкой.');
    await page.getByTestId('event-reminder-enabled').check();
    await page.getByTestId('event-reminder-tomorrow').click();
    await page.getByTestId('event-reminder-text').fill('Перезвонить по КП');

    await page.keyboard.press('Control+s');
    await page.getByTestId('event-card').getByText('Окончание не может быть раньше начала').waitFor();
    expect(await database.db.selectFrom('events').select('id').execute()).toEqual([]);
    expect(await database.db.selectFrom('tasks').select('id').execute()).toEqual([]);

    await typeTime(page, 'event-end-time', '10:25');
    await page.getByTestId('event-duration').getByText('25 мин').waitFor();
    await waitToastsGone(page);
    await fullPageShot(h, 'events-new.ru');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    await page
      .getByTestId('page-title')
      .getByText(`Событие № 1 от ${ruDate(DAY)}`)
      .waitFor();
    firstId = page.url().split('/').pop()!;

    const person = await database.db.selectFrom('contactPersons').select('id').where('lastName', '=', 'Петрова').executeTakeFirstOrThrow();
    const source = await database.db.selectFrom('infoSources').select('id').where('name', '=', 'Холодный звонок').executeTakeFirstOrThrow();
    const row = await database.db.selectFrom('events').selectAll().where('id', '=', firstId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      number: 1,
      kind: 'phoneCall',
      direction: 'outgoing',
      counterpartyId,
      contactPersonId: person.id,
      subject: SUBJECT,
      importance: 'high',
      state: 'completed',
      outcome: 'success',
      infoSourceId: source.id,
      responsibleUserId: adminId,
      description: 'Интересуются поставкой к декабрю',
      content: 'Обсудили объем 2 т в месяц.\nНужна цена с доставкой.',
      basisType: null,
      basisId: null,
      archivedAt: null,
    });
    // 10:00 and 10:25 in Moscow are 07:00 and 07:25 UTC.
    expect(Date.parse(row.startAt)).toBe(Date.parse(`${DAY}T07:00:00Z`));
    expect(Date.parse(row.endAt!)).toBe(Date.parse(`${DAY}T07:25:00Z`));
    const task = await database.db.selectFrom('tasks').selectAll().executeTakeFirstOrThrow();
    expect(task).toMatchObject({
      title: 'Перезвонить по КП',
      subjectType: 'event',
      subjectId: firstId,
      source: 'eventReminder',
      assigneeId: adminId,
      status: 'open',
    });
    expect(Date.parse(task.remindAt!)).toBe(Date.parse(`${dateInZone(1)}T09:00:00+03:00`));
  });

  it('shows the call in the counterparty «События» tab and in the journal with a red "!"', async () => {
    const { page } = h;
    await page.getByTestId('event-counterparty-link').click();
    await page.waitForURL(/tab=events/);
    const tabRow = page.getByTestId('events-panel-row').filter({ hasText: SUBJECT });
    await tabRow.waitFor();
    expect(await tabRow.getByTestId('importance-high').textContent()).toBe('!');
    expect(await tabRow.textContent()).toContain(PERSON);
    await waitToastsGone(page);
    await h.screenshot('events-counterparty-tab.ru');

    // Two more events, so the journal looks like a working one.
    await apiEvent(page, {
      kind: 'meeting',
      subject: 'Встреча на складе',
      date: '2026-11-18',
      start: '14:00',
      minutes: 60,
      counterpartyId,
      state: 'completed',
    });
    await apiEvent(page, {
      kind: 'email',
      subject: 'Отправлен прайс-лист',
      date: '2026-11-19',
      start: '16:30',
      counterpartyId,
      direction: 'outgoing',
      importance: 'low',
    });

    await page.getByTestId('nav-events').click();
    await expect.poll(() => page.getByTestId('event-row').count()).toBe(3);
    const first = page.getByTestId('event-row').first();
    expect(await first.textContent()).toContain(SUBJECT);
    expect(await first.getByTestId('importance-high').textContent()).toBe('!');
    expect(await first.textContent()).toContain(`${ruDate(DAY)}, 10:00`);
    expect(await page.getByTestId('importance-high').count()).toBe(1);

    // Filters go to the server: high importance leaves one row, meetings one other.
    await pickOption(page, 'events-filter-importance', 'Высокая');
    await expect.poll(() => page.getByTestId('event-row').count()).toBe(1);
    await pickOption(page, 'events-filter-importance', 'Обычная');
    await pickOption(page, 'events-filter-kind', 'Встреча');
    await expect.poll(() => page.getByTestId('event-row').count()).toBe(1);
    expect(await page.getByTestId('event-row').first().textContent()).toContain('Встреча на складе');
    await page.getByTestId('events-filter-reset').click();
    await expect.poll(() => page.getByTestId('event-row').count()).toBe(3);
    await page.getByTestId('events-search').fill('прайс');
    await expect.poll(() => page.getByTestId('event-row').count()).toBe(1);
    await page.getByTestId('events-search').fill('');
    await expect.poll(() => page.getByTestId('event-row').count()).toBe(3);
  });

  it('creates a follow-up «на основании» and shows the link both ways', async () => {
    const { page, database } = h;
    await page.getByTestId('event-row').filter({ hasText: SUBJECT }).click();
    await page.waitForURL(new RegExp(`/events/${firstId}$`));
    await page.getByTestId('event-based-on').click();
    // Both kinds of document can be created based on an event (the orders journey follows the order).
    expect(await page.getByTestId('event-based-on-order').isDisabled()).toBe(false);
    await page.getByTestId('event-based-on-event').click();
    await page.waitForURL(/\/events\/new\?basisId=/);
    expect(await page.getByTestId('event-counterparty').inputValue()).toBe(CP);
    expect(await page.getByTestId('event-contact-person').inputValue()).toBe(PERSON);
    expect(await page.getByTestId('event-basis').textContent()).toContain(`№1 ${SUBJECT}`);

    const tomorrow = dateInZone(1);
    await page.getByTestId('event-start-date').fill(tomorrow);
    await typeTime(page, 'event-start-time', '11:00');
    await page.getByTestId('event-subject').fill(FOLLOW_UP);
    // Enter in a single-line field saves the card.
    await page.getByTestId('event-subject').press('Enter');
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    await page
      .getByTestId('page-title')
      .getByText(`Событие № 4 от ${ruDate(tomorrow)}`)
      .waitFor();
    const second = await database.db.selectFrom('events').selectAll().where('number', '=', 4).executeTakeFirstOrThrow();
    expect(second).toMatchObject({
      subject: FOLLOW_UP,
      basisType: 'event',
      basisId: firstId,
      counterpartyId,
      state: 'planned',
      kind: 'phoneCall',
    });

    // The new event names its basis; the basis lists what was created from it.
    const basisLink = page.getByTestId('event-related-basis');
    await basisLink.getByText(`Событие № 1 от ${ruDate(DAY)}`).waitFor();
    await basisLink.getByRole('link').click();
    await page.waitForURL(new RegExp(`/events/${firstId}$`));
    const child = page.getByTestId('event-related-document');
    await child.getByText(`Событие № 4 от ${ruDate(tomorrow)}`).waitFor();
    expect(await child.textContent()).toContain(FOLLOW_UP);
    await waitToastsGone(page);
    await h.screenshot('events-card.ru');
    await child.getByRole('link').click();
    await page.waitForURL(new RegExp(`/events/${second.id}$`));
  });

  it('builds «Отчет по событиям» by counterparty then contact person, exports CSV and XLSX, drills down', async () => {
    const { page } = h;
    // A second counterparty and a few more events with known durations.
    const vector = await apiPost<{ id: string }>(page, '/api/counterparties', { name: 'ООО «Вектор»', kind: 'legalEntity' });
    const sidorov = await apiPost<{ id: string }>(page, '/api/contact-persons', {
      counterpartyId: vector.id,
      lastName: 'Сидоров',
      firstName: 'Петр',
    });
    const ivanov = await apiPost<{ id: string }>(page, '/api/contact-persons', { counterpartyId, lastName: 'Иванов', firstName: 'Иван' });
    await apiEvent(page, {
      kind: 'meeting',
      subject: 'Переговоры о скидке',
      date: '2026-11-21',
      start: '12:00',
      minutes: 60,
      counterpartyId,
      contactPersonId: ivanov.id,
    });
    const call = await apiEvent(page, {
      kind: 'phoneCall',
      subject: 'Холодный звонок: знакомство',
      date: '2026-11-22',
      start: '10:00',
      minutes: 85,
      counterpartyId: vector.id,
      contactPersonId: sidorov.id,
      direction: 'outgoing',
      outcome: 'failure',
    });
    await apiEvent(page, {
      kind: 'email',
      subject: 'Коммерческое предложение',
      date: '2026-11-22',
      start: '12:00',
      minutes: 10,
      counterpartyId: vector.id,
      contactPersonId: sidorov.id,
      direction: 'outgoing',
    });

    // The journal with all of them (the picture for the guide).
    await page.getByTestId('nav-events').click();
    await expect.poll(() => page.getByTestId('event-row').count()).toBe(7);
    await waitToastsGone(page);
    await h.screenshot('events-journal.ru');

    await page.getByTestId('nav-events-report').click();
    await page.getByTestId('grouping-row').first().waitFor();
    // Groupings: counterparty, kind -> add contact person, move it up, drop kind.
    const order = async () => page.getByTestId('grouping-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-grouping')));
    expect(await order()).toEqual(['counterparty', 'kind']);
    await page.getByTestId('grouping-add').selectOption('contactPerson');
    expect(await order()).toEqual(['counterparty', 'kind', 'contactPerson']);
    await page.getByTestId('grouping-up-contactPerson').click();
    expect(await order()).toEqual(['counterparty', 'contactPerson', 'kind']);
    await page.getByTestId('grouping-remove-kind').click();
    expect(await order()).toEqual(['counterparty', 'contactPerson']);
    await page.getByTestId('events-report-generate').click();
    await page.getByTestId('events-report-table').waitFor();

    // Ромашка: №1 25 min and №4 (no end) with Петрова, №5 60 min with Иванов, №2 60 min and №3 without a person.
    expect(await reportGroups(page)).toEqual([
      ['0', 'ООО «Вектор»'],
      ['1', 'Сидоров Петр'],
      ['0', CP],
      ['1', 'Иванов Иван'],
      ['1', PERSON],
      ['1', '<не указано>'],
    ]);
    const tail = async (label: string, level: number) => (await cellsOf(reportRow(page, label, level))).slice(-2);
    expect(await tail('ООО «Вектор»', 0)).toEqual(['2', '1 ч 35 мин']);
    expect(await tail('Сидоров Петр', 1)).toEqual(['2', '1 ч 35 мин']);
    expect(await tail(CP, 0)).toEqual(['5', '2 ч 25 мин']);
    expect(await tail('Иванов Иван', 1)).toEqual(['1', '1 ч']);
    expect(await tail(PERSON, 1)).toEqual(['2', '25 мин']);
    expect(await tail('<не указано>', 1)).toEqual(['2', '1 ч']);
    const total = page.getByTestId('events-report-row').filter({ has: page.getByTestId('events-report-total') });
    expect((await cellsOf(total)).slice(-2)).toEqual(['7', '4 ч']);
    expect(await page.getByTestId('events-report-summary').textContent()).toBe('Событий: 7, длительность: 4 ч');
    // Event rows sit under their person, one level deeper, as links, with direction and importance.
    expect(await page.getByTestId('events-report-event-link').count()).toBe(7);
    const coldRow = page.getByTestId('events-report-row').filter({ hasText: 'Холодный звонок: знакомство' });
    expect(await cellsOf(coldRow)).toEqual(expect.arrayContaining(['Звонок', 'Исх.', 'Завершено']));
    const table = page.getByTestId('events-report-table');
    expect(await table.locator('th[aria-label="Важность"]').textContent()).toBe('!');
    expect(await table.locator('th[aria-label="Направление"]').textContent()).toBe('Напр.');
    // №1 is important: its red "!" in the importance column.
    expect(await table.getByTestId('importance-high').count()).toBe(1);
    await h.screenshot('events-report.ru');

    const csv = await download(page, page.getByTestId('events-report-export-csv'));
    expect(csv.name).toMatch(/\.csv$/);
    const rows = csvRows(csv.bytes);
    expect(rows[0]).toEqual([
      'Группировка',
      'Значение',
      'Количество',
      'Длительность, мин',
      'Дата',
      'Контрагент',
      'Контактное лицо',
      'Вид',
      'Направление',
      'Важность',
      'Состояние',
    ]);
    const lines = rows.map((r) => r.slice(0, 4).join('|'));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Контрагент|ООО «Вектор»|2|95',
        'Контактное лицо|  Сидоров Петр|2|95',
        `Контрагент|${CP}|5|145`,
        'Контактное лицо|  Иванов Иван|1|60',
        `Контактное лицо|  ${PERSON}|2|25`,
        'Контактное лицо|  <не указано>|2|60',
        'Итого||7|240',
      ]),
    );
    expect(lines.indexOf('Контрагент|ООО «Вектор»|2|95')).toBeLessThan(lines.indexOf(`Контрагент|${CP}|5|145`));
    expect(rows.find((r) => r[1].includes('Холодный звонок: знакомство'))!.slice(2)).toEqual([
      '1',
      '85',
      '22.11.2026 10:00',
      'ООО «Вектор»',
      'Сидоров Петр',
      'Телефонный звонок',
      'Исходящее',
      'Обычная',
      'Завершено',
    ]);

    const xlsx = await download(page, page.getByTestId('events-report-export-xlsx'));
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet: string[][] = [];
    wb.worksheets[0].eachRow((r) => sheet.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    expect(sheet[0][0]).toBe('Группировка');
    // Levels are indented by the cell's alignment, not by spaces in the text.
    expect(sheet.map((r) => r.slice(0, 4).join('|'))).toEqual(
      expect.arrayContaining([`Контрагент|${CP}|5|145`, `Контактное лицо|${PERSON}|2|25`, 'Итого||7|240']),
    );
    // Counts and minutes are numbers, the event's time a date cell in the user's zone.
    const callRow = wb.worksheets[0].getRows(1, wb.worksheets[0].rowCount)!.find((r) => String(r.getCell(2).value).includes('знакомство'))!;
    expect([callRow.getCell(3).value, callRow.getCell(4).value]).toEqual([1, 85]);
    expect(callRow.getCell(5).value).toEqual(new Date('2026-11-22T10:00:00Z'));
    expect(callRow.getCell(5).numFmt).toBe('dd.mm.yyyy hh:mm');

    // Drill-down: the event row opens the event.
    await page.getByTestId('events-report-event-link').filter({ hasText: 'Холодный звонок: знакомство' }).click();
    await page.waitForURL(new RegExp(`/events/${call.id}$`));
    await page.getByTestId('page-title').getByText('Событие № 6 от 22.11.2026').waitFor();
    expect(await page.getByTestId('event-subject').inputValue()).toBe('Холодный звонок: знакомство');
  });

  it('shows cold-call statistics with success rate and requests by information source', async () => {
    const { page, database } = h;
    // An incoming request that came from a trade fair.
    const fair = await database.db.selectFrom('infoSources').select('id').where('name', '=', 'Выставка').executeTakeFirstOrThrow();
    await apiEvent(page, {
      kind: 'phoneCall',
      subject: 'Запрос цен после выставки',
      date: '2026-11-23',
      start: '09:15',
      counterpartyId,
      direction: 'incoming',
      infoSourceId: fair.id,
    });
    await page.getByTestId('nav-cold-calls').click();
    // Outgoing calls: №1 success, №4 planned without an outcome, №6 failure (rows per month; the total sums them).
    await page.getByTestId('cold-calls-row').filter({ hasText: 'Анна Администратор' }).first().waitFor();
    expect((await cellsOf(page.getByTestId('cold-calls-total'))).slice(0, 5)).toEqual(['Итого', '3', '1', '1', '50 %']);
    expect((await cellsOf(page.getByTestId('cold-calls-source-row').first())).slice(0, 3)).toEqual(['Выставка', '1', '100 %']);
    await h.screenshot('events-cold-calls.ru');

    // The same statistics as files: two sections of a CSV, two sheets of a workbook.
    const csv = await download(page, page.getByTestId('cold-calls-export-csv'));
    expect(csv.name).toMatch(/^Статистика холодных звонков .*\.csv$/);
    const lines = csvRows(csv.bytes);
    expect(lines[0]).toEqual(['Исходящие звонки']);
    expect(lines).toContainEqual(['Итого', '', '3', '1', '1', '1', '50%']);
    expect(lines).toContainEqual(['Выставка', '1', '100%']);
    const xlsx = await download(page, page.getByTestId('cold-calls-export-xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Исходящие звонки', 'Обращения по источникам']);
    const calls = wb.worksheets[0];
    const total = calls.getRow(calls.rowCount);
    expect((total.values as unknown[]).slice(1)).toEqual(['Итого', undefined, 3, 1, 1, 1, 0.5]);
    expect(calls.getCell('B2').value).toBeInstanceOf(Date);
  });

  it('lets the administrator add, rename and archive information sources', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-info-sources').click();
    await page.getByTestId('info-source-new').fill('Партнер');
    await page.getByTestId('info-source-new').press('Enter');
    // A new source goes to the end of the list.
    const row = page.getByTestId('info-source-row').last();
    await expect.poll(() => row.getByTestId('info-source-name').inputValue()).toBe('Партнер');
    await row.getByTestId('info-source-name').fill('Партнерская сеть');
    await row.getByTestId('info-source-name').press('Enter');
    await expect
      .poll(async () =>
        (await database.db.selectFrom('infoSources').select('name').where('name', 'like', 'Партнер%').execute()).map((r) => r.name),
      )
      .toEqual(['Партнерская сеть']);
    const renamed = page.getByTestId('info-source-row').last();
    await renamed.getByTestId('info-source-archive').click();
    await renamed.getByTestId('info-source-restore').waitFor();
    const saved = await database.db.selectFrom('infoSources').selectAll().where('name', '=', 'Партнерская сеть').executeTakeFirstOrThrow();
    expect(saved.archivedAt).not.toBeNull();
    // An archived source is not offered on an event any more.
    const sources = await apiGet<{ items: { name: string; archived: boolean }[] }>(page, '/api/info-sources');
    expect(sources.items.find((s) => s.name === 'Партнерская сеть')?.archived).toBe(true);
    await waitToastsGone(page);
    await h.screenshot('events-info-sources.ru');
  });

  it('speaks English too', async () => {
    const { page } = h;
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('nav-events').getByText('Events').waitFor();
    await page.getByTestId('nav-events-report').click();
    await page.getByTestId('grouping-add').selectOption('contactPerson');
    await page.getByTestId('grouping-remove-kind').click();
    await page.getByTestId('events-report-generate').click();
    await page.getByTestId('events-report-total').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('Events report');
    expect(await page.getByTestId('events-report-summary').textContent()).toBe('Events: 8, duration: 4 h');
    expect(await page.getByTestId('events-report-group').filter({ hasText: '<not set>' }).count()).toBe(1);
    await h.screenshot('events-report.en');
    expect(h.pageErrors).toEqual([]);
  });
});
