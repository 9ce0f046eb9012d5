import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { submitSetup } from './helpers';
import { csvFile } from './sales.helpers';

// A company arrives with its customers in a spreadsheet: the administrator loads them from a CSV
// file — a line with a mistyped INN is refused by line and nothing is written, the fixed file
// creates the cards with normalised phones — and then takes the calendar link for the phone.
// Screenshots: docs/screenshots/data-*.png

const LONG = 'ООО «Торговый дом Северо-Западная продовольственная компания»';
const HEADER = 'Наименование;Вид;ИНН;КПП;Покупатель;Телефон;Эл. почта;Юридический адрес';
const good = [
  HEADER,
  `${LONG};Юридическое лицо;7707083893;773601001;да;8 (812) 320-45-67;Info@SZPK.ru;190000, г. Санкт-Петербург, Невский пр., д. 1`,
  'ИП Смирнов Андрей Викторович;Индивидуальный предприниматель;500100732259;;да;+7 921 555-12-34;;',
];

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU', viewport: { width: 1366, height: 768 } });
  await submitSetup(h.page, { name: 'Анна Админова', email: 'admin@example.com', password: 'admin-password' });
  await h.page.getByTestId('nav-home').waitFor();
  await h.page.request.patch('/api/me/settings', { data: { showTasksAtStartup: false } });
});

afterAll(async () => {
  await h?.close();
});

const counterparties = () => h.database.db.selectFrom('counterparties').select(['name', 'inn', 'kind']).orderBy('name').execute();

describe('data in and out journey', () => {
  it('a file with a mistyped INN is refused by line and writes nothing; the fixed file creates the cards', async () => {
    const { page } = h;
    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('counterparty-import').click();
    const bad = [...good];
    bad[2] = bad[2].replace('500100732259', '500100732258');
    await page.locator('input[type="file"]').setInputFiles(csvFile('контрагенты.csv', bad));
    await page.getByTestId('counterparty-import-preview').waitFor();
    await expect(page.getByTestId('counterparty-import-preview').textContent()).resolves.toContain('Торговый дом');
    await page.getByTestId('counterparty-import-check').click();
    const errors = page.getByTestId('counterparty-import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/3/);
    await h.screenshot('data-import-errors.ru');
    expect(await counterparties()).toEqual([]);

    await page.locator('input[type="file"]').setInputFiles(csvFile('контрагенты.csv', good));
    await page.getByTestId('counterparty-import-check').click();
    await page.getByTestId('counterparty-import-send').click();
    await page.getByTestId('counterparty-import-done').waitFor();
    expect(await counterparties()).toEqual([
      { name: 'ИП Смирнов Андрей Викторович', inn: '500100732259', kind: 'soleTrader' },
      { name: LONG, inn: '7707083893', kind: 'legalEntity' },
    ]);
    const phones = await h.database.db
      .selectFrom('contactInfo')
      .select('normalized')
      .where('kind', '=', 'phone')
      .orderBy('normalized')
      .execute();
    expect(phones.map((p) => p.normalized)).toEqual(['+78123204567', '+79215551234']);
    await h.screenshot('data-import-done.ru');
    // The same file again changes nothing.
    await page.locator('input[type="file"]').setInputFiles(csvFile('контрагенты.csv', good));
    await page.getByTestId('counterparty-import-send').click();
    await expect(page.getByTestId('counterparty-import-done').textContent()).resolves.toMatch(/2/);
    expect(await counterparties()).toHaveLength(2);
  });

  it('the calendar link for the phone: created once and readable without a cookie', async () => {
    const { page } = h;
    await page.goto('/me');
    await page.getByTestId('calendar-feed-create').click();
    const url = (await page.getByTestId('calendar-feed-url').textContent())!.trim();
    expect(url).toMatch(/\/api\/calendar\/.+\.ics$/);
    await page.getByTestId('calendar-feed-url').scrollIntoViewIfNeeded();
    await h.screenshot('data-calendar.ru');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    expect(await res.text()).toContain('BEGIN:VCALENDAR');
    expect(await h.database.db.selectFrom('calendarFeeds').select('userId').execute()).toHaveLength(1);
  });
});
