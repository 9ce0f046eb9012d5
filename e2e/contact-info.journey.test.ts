import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { apiPost, download, innLegal, innPerson, waitToastsGone } from './helpers';
import { parseCsv } from '../server/features/reports/report-files.test-support';

// One user journey through the contact information part of the CRM, in Russian and then English:
// first run -> counterparty with a phone -> search by another form of the number -> contact person
// -> «Отчет о контактной информации» on screen, as CSV and as XLSX. Screenshots go to docs/screenshots.

const NAME = 'ООО «Ромашка»';
const INN = '7707083893';
const PHONE = '8 (495) 123-45-67';
const EMAIL = 'info@romashka.ru';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU' });
});

afterAll(async () => {
  await h?.close();
});

describe('contact information journey', () => {
  it('first run creates the administrator and signs them in', async () => {
    const { page, database } = h;
    await page.goto('/');
    await page.getByTestId('setup-form').waitFor();
    expect(await page.getByRole('heading', { name: 'Первый запуск' }).isVisible()).toBe(true);
    await h.screenshot('setup.ru');

    await page.getByTestId('setup-name').fill('Анна Администратор');
    await page.getByTestId('setup-email').fill('admin@example.ru');
    await page.getByTestId('setup-password').fill('correct horse 1');
    await page.getByTestId('setup-submit').click();

    // The first screen is the home page («Начальная страница»); the journey goes on in «Контрагенты».
    await page.getByTestId('home-birthdays').waitFor();
    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('counterparty-empty').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('Контрагенты');
    const users = await database.db.selectFrom('users').select(['email', 'role', 'name']).execute();
    expect(users).toEqual([{ email: 'admin@example.ru', role: 'admin', name: 'Анна Администратор' }]);
  });

  it('creates a counterparty with a phone and an e-mail; a wrong INN is shown beside the field', async () => {
    const { page, database } = h;
    await page.getByTestId('counterparty-create').click();
    await page.getByTestId('counterparty-card').waitFor();
    // The first field has the focus: the user can type at once.
    await page.keyboard.type(NAME);
    expect(await page.getByTestId('counterparty-name').inputValue()).toBe(NAME);
    await page.getByTestId('counterparty-fullName').fill('Общество с ограниченной ответственностью «Ромашка»');
    await page.getByTestId('counterparty-inn').fill('7707083890');
    await page.getByTestId('counterparty-kpp').fill('773601001');

    await page.getByTestId('tab-contact-info').click();
    await page.getByTestId('ci-add').click();
    await page.getByTestId('ci-value-0').fill(PHONE);
    await page.getByTestId('ci-comment-0').fill('Отдел закупок');
    await page.getByTestId('ci-add').click();
    await page.getByTestId('ci-kind-1').selectOption('email');
    await page.getByTestId('ci-value-1').fill(EMAIL);

    // Ctrl+S saves; the server refuses the INN and the card switches to the tab with the field.
    await page.keyboard.press('Control+s');
    const innError = page.getByTestId('counterparty-card').getByText('Неверный ИНН: не сходится контрольное число');
    await innError.waitFor();
    expect(await page.getByTestId('counterparty-inn').getAttribute('aria-invalid')).toBe('true');
    await h.screenshot('counterparty-validation.ru');
    expect(await database.db.selectFrom('counterparties').select('id').execute()).toEqual([]);

    await page.getByTestId('counterparty-inn').fill(INN);
    await page.getByTestId('counterparty-save').click();
    await page.waitForURL(/\/counterparties\/[0-9a-f-]{36}$/);
    await page.getByTestId('page-title').getByText(NAME).waitFor();

    const row = await database.db.selectFrom('counterparties').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: NAME, inn: INN, kpp: '773601001', kind: 'legalEntity', archivedAt: null });
    const ci = await database.db
      .selectFrom('contactInfo')
      .select(['kind', 'value', 'comment', 'normalized'])
      .where('counterpartyId', '=', row.id)
      .orderBy('position')
      .execute();
    expect(ci).toEqual([
      { kind: 'phone', value: PHONE, comment: 'Отдел закупок', normalized: '+74951234567' },
      { kind: 'email', value: EMAIL, comment: null, normalized: EMAIL },
    ]);

    await waitToastsGone(page);
    await page.getByTestId('tab-main').click();
    await h.screenshot('counterparty-card-main.ru');
    await page.getByTestId('tab-contact-info').click();
    await h.screenshot('counterparty-card.ru');
  });

  it('finds the counterparty in the list by another written form of the phone', async () => {
    const { page } = h;
    // A few more counterparties, so the list looks like a working one.
    const seeds = [
      {
        name: 'ООО «Вектор»',
        kind: 'legalEntity',
        inn: innLegal('781234567'),
        kpp: '781001001',
        contactInfo: [
          { kind: 'phone', value: '+7 (812) 555-12-34' },
          { kind: 'email', value: 'sales@vector.ru' },
        ],
      },
      {
        name: 'ИП Петров Сергей Николаевич',
        kind: 'soleTrader',
        inn: innPerson('5001234567'),
        contactInfo: [{ kind: 'phone', value: '+7 916 123-45-67' }],
      },
      {
        name: 'АО «СеверСнаб»',
        kind: 'legalEntity',
        inn: innLegal('352512345'),
        kpp: '352501001',
        isSupplier: true,
        contactInfo: [{ kind: 'email', value: 'zakaz@seversnab.ru' }],
      },
      { name: 'Смирнова Анна Викторовна', kind: 'individual', contactInfo: [{ kind: 'phone', value: '8-903-111-22-33' }] },
    ];
    for (const s of seeds) await apiPost(page, '/api/counterparties', s);

    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('counterparty-table').waitFor();
    await expect.poll(() => page.getByTestId('counterparty-row').count()).toBe(5);
    await waitToastsGone(page);
    await h.screenshot('counterparty-list.ru');

    // Sorting by INN descending puts the biggest INN first.
    await page.getByTestId('sort-inn').click();
    await page.getByTestId('sort-inn').click();
    await page.waitForURL(/sort=-inn/);

    await page.getByTestId('counterparty-search').fill('+74951234567');
    await expect.poll(() => page.getByTestId('counterparty-row').count()).toBe(1);
    expect(await page.getByTestId('counterparty-row').first().textContent()).toContain(NAME);
    expect(await page.getByTestId('counterparty-row').first().textContent()).toContain(PHONE);
    await h.screenshot('counterparty-search.ru');
  });

  it('adds a contact person from the counterparty card', async () => {
    const { page, database } = h;
    await page.getByTestId('counterparty-row').first().click();
    await page.waitForURL(/\/counterparties\/[0-9a-f-]{36}$/);
    await page.getByTestId('tab-persons').click();
    await page.getByTestId('counterparty-add-person').click();
    await page.getByTestId('contact-person-card').waitFor();
    expect(await page.getByTestId('contact-person-counterparty').inputValue()).toBe(NAME);

    await page.getByTestId('contact-person-lastName').fill('Иванов');
    await page.getByTestId('contact-person-firstName').fill('Иван');
    await page.getByTestId('contact-person-middleName').fill('Петрович');
    await page.getByTestId('contact-person-position').fill('Директор по закупкам');
    await page.getByTestId('contact-person-role').fill('Принимает решения');
    // Typed as the Russian UI writes dates, whatever the browser's language.
    await page.getByTestId('contact-person-birthday').fill('15.05.1980');
    await page.getByTestId('contact-person-reminder-days').fill('3');
    await page.getByTestId('ci-add').click();
    await page.getByTestId('ci-value-0').fill('+7 (916) 555-44-33');
    await page.getByTestId('ci-add').click();
    await page.getByTestId('ci-value-1').fill('ivanov@romashka.ru');
    await page.getByTestId('contact-person-comment').fill('Звонить после 11:00');
    // Enter in a field submits the card.
    await page.getByTestId('contact-person-lastName').press('Enter');
    await page.waitForURL(/\/contact-persons\/[0-9a-f-]{36}$/);
    await page.getByTestId('page-title').getByText('Иванов Иван Петрович').waitFor();

    const cp = await database.db.selectFrom('contactPersons').selectAll().executeTakeFirstOrThrow();
    const counterparty = await database.db.selectFrom('counterparties').select('id').where('name', '=', NAME).executeTakeFirstOrThrow();
    expect(cp).toMatchObject({
      counterpartyId: counterparty.id,
      lastName: 'Иванов',
      firstName: 'Иван',
      middleName: 'Петрович',
      position: 'Директор по закупкам',
      birthday: '1980-05-15',
      birthdayReminderDays: 3,
      comment: 'Звонить после 11:00',
    });
    const ci = await database.db
      .selectFrom('contactInfo')
      .select(['kind', 'normalized'])
      .where('contactPersonId', '=', cp.id)
      .orderBy('position')
      .execute();
    expect(ci).toEqual([
      { kind: 'phone', normalized: '+79165554433' },
      { kind: 'email', normalized: 'ivanov@romashka.ru' },
    ]);
    await waitToastsGone(page);
    await h.screenshot('contact-person-card.ru');

    await page.getByTestId('back-to-counterparty').click();
    await page.getByTestId('tab-persons').click();
    await page.getByTestId('counterparty-person-row').getByText('Иванов Иван Петрович').waitFor();
  });

  it('generates «Отчет о контактной информации» and exports it as CSV and XLSX', async () => {
    const { page } = h;
    await page.getByTestId('nav-contact-info-report').click();
    await page.getByTestId('report-generate').click();
    await page.getByTestId('report-table').waitFor();
    const row = page.getByTestId('report-row').filter({ hasText: NAME }).first();
    expect(await row.textContent()).toContain(PHONE);
    expect(await page.getByTestId('report-table').getByText('Иванов Иван Петрович').count()).toBe(1);
    await h.screenshot('contact-info-report.ru');

    const csv = await download(page, page.getByTestId('report-export-csv'));
    expect(csv.name).toMatch(/\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text).toContain(NAME);
    expect(text).toContain(PHONE);
    expect(text).toContain('Иванов Иван Петрович');
    expect(text).toContain('Телефон');
    // The phone opens in a spreadsheet as the text it is: after an invisible tab, without an apostrophe.
    const phoneColumn = parseCsv(csv.bytes, ';')[0].indexOf('Телефон');
    const phoneField = parseCsv(csv.bytes, ';').find((r) => r[1] === NAME)![phoneColumn];
    expect(phoneField).toBe(`\t${PHONE}`);

    const xlsx = await download(page, page.getByTestId('report-export-xlsx'));
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(NAME);
    expect(cells).toContain(PHONE);
    expect(cells.filter((c) => c.startsWith("'"))).toEqual([]);
  });

  it('switches to English; the choice is saved to the user', async () => {
    const { page, database } = h;
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('nav-counterparties').getByText('Counterparties').waitFor();
    await expect.poll(async () => (await database.db.selectFrom('users').select('language').executeTakeFirstOrThrow()).language).toBe('en');

    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('counterparty-search').fill('');
    await expect.poll(() => page.getByTestId('counterparty-row').count()).toBe(5);
    expect(await page.getByTestId('page-title').textContent()).toBe('Counterparties');
    await h.screenshot('counterparty-list.en');

    await page.getByTestId('counterparty-row').filter({ hasText: NAME }).click();
    await page.getByTestId('tab-contact-info').click();
    await page.getByText('Contact information').first().waitFor();
    await h.screenshot('counterparty-card.en');

    await page.getByTestId('nav-contact-info-report').click();
    await page.getByTestId('report-generate').click();
    await page.getByTestId('report-table').waitFor();
    await h.screenshot('contact-info-report.en');
  });

  it('shows a hostile name as plain text, never as HTML', async () => {
    const { page } = h;
    const evil = '<img src=x onerror="window.__xss=1">{{constructor.constructor(\'window.__xss=2\')()}}';
    await apiPost(page, '/api/counterparties', { name: evil, kind: 'individual', comment: '[x](javascript:window.__xss=3)' });
    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('counterparty-search').fill('img src');
    await expect.poll(() => page.getByTestId('counterparty-row').count()).toBe(1);
    await page.getByTestId('counterparty-row').first().click();
    await page.getByTestId('page-title').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe(evil);
    expect(await page.getByTestId('counterparty-comment').inputValue()).toBe('[x](javascript:window.__xss=3)');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  it('signs out; a wrong password is said in Russian; the right one signs in again', async () => {
    const { page } = h;
    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    // Before sign-in the language is the browser's choice; switch it back to Russian.
    await page.getByTestId('language-switch').getByText('RU').click();
    await page.getByRole('heading', { name: 'Вход в программу' }).waitFor();
    await page.getByTestId('login-email').fill('admin@example.ru');
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').getByText('Неверный адрес электронной почты или пароль').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('Вход не выполнен');
    expect(await page.getByTestId('login-error').innerText()).not.toMatch(/Wrong|sign in/i);

    await page.getByTestId('login-password').fill('correct horse 1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('counterparty-table').waitFor();
    // The user's saved language (English) applies after sign-in.
    expect(await page.getByTestId('page-title').textContent()).toBe('Counterparties');
    expect(h.pageErrors).toEqual([]);
  });
});
