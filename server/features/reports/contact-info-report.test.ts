import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { parseCsv, readXlsx, textsOf } from './report-files.test-support.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
  const cp = (
    await t.post(t.adminCookie, '/api/counterparties', {
      name: 'Ромашка',
      contactInfo: [
        { kind: 'phone', value: '8 (495) 123-45-67' },
        { kind: 'phone', value: '+7 495 765-43-21' },
        { kind: 'email', value: 'info@romashka.ru' },
      ],
    })
  ).json();
  await t.post(t.adminCookie, '/api/counterparties', {
    name: '=HYPERLINK("http://evil","Жми")',
    contactInfo: [{ kind: 'website', value: '@SUM(1)' }],
  });
  await t.post(t.adminCookie, '/api/contact-persons', {
    counterpartyId: cp.id,
    lastName: 'Петрова',
    firstName: 'Мария',
    position: 'Бухгалтер',
    contactInfo: [{ kind: 'email', value: 'maria@romashka.ru' }],
  });
  await t.post(t.adminCookie, '/api/contact-persons', { lastName: 'Сидоров', contactInfo: [{ kind: 'phone', value: '+7 916 000-00-01' }] });
});
afterEach(async () => t.close());

describe('contact information report', () => {
  it('shows chosen objects with chosen kinds as columns, several values joined', async () => {
    const res = await t.get(
      t.adminCookie,
      '/api/reports/contact-info?objects=counterparties,contactPersons,individuals&kinds=phone,email&lang=ru',
    );
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.columns.map((c: any) => c.key)).toEqual(['objectType', 'name', 'counterpartyName', 'position', 'phone', 'email']);
    expect(r.columns[4].label).toBe('Телефон');
    const byName = Object.fromEntries(r.rows.map((row: any) => [row.name, row]));
    expect(byName['Ромашка'].values).toEqual({ phone: '8 (495) 123-45-67; +7 495 765-43-21', email: 'info@romashka.ru' });
    expect(byName['Петрова Мария']).toMatchObject({
      objectType: 'contactPerson',
      counterpartyName: 'Ромашка',
      position: 'Бухгалтер',
      values: { email: 'maria@romashka.ru' },
    });
    expect(byName['Сидоров']).toMatchObject({ objectType: 'individual', counterpartyName: null });
    expect(r.total).toBe(4);
  });

  it('filters by object type, search text and presence of contact information', async () => {
    const only = (await t.get(t.adminCookie, '/api/reports/contact-info?objects=individuals')).json();
    expect(only.rows.map((r: any) => r.name)).toEqual(['Сидоров']);
    const q = (await t.get(t.adminCookie, `/api/reports/contact-info?objects=contactPersons&q=${encodeURIComponent('ромаш')}`)).json();
    expect(q.rows.map((r: any) => r.name)).toEqual(['Петрова Мария']);
    const withPhone = (await t.get(t.adminCookie, '/api/reports/contact-info?kinds=phone&onlyWithContactInfo=true')).json();
    expect(withPhone.rows.map((r: any) => r.name).sort()).toEqual(['Ромашка', 'Сидоров']);
  });

  it('refuses unknown objects, kinds and formats', async () => {
    for (const qs of ['objects=users', 'kinds=password', 'format=pdf', 'kinds=phone;drop']) {
      const res = await t.get(t.adminCookie, `/api/reports/contact-info?${qs}`);
      expect(res.statusCode, qs).toBe(400);
    }
  });

  it('exports CSV: phones stay text without a visible mark, formulas are neutralised', async () => {
    const res = await t.get(t.adminCookie, '/api/reports/contact-info?kinds=phone,website&lang=en&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const rows = parseCsv(res.rawPayload, ',');
    expect(rows[0]).toEqual(['Object', 'Name', 'Counterparty', 'Position', 'Phone', 'Website']);
    const byName = Object.fromEntries(rows.slice(1).map((r) => [r[1].replace(/^'/, ''), r]));
    expect(byName['Ромашка']).toEqual(['Counterparty', 'Ромашка', '', '', '\t8 (495) 123-45-67; +7 495 765-43-21', '']);
    expect(byName['Сидоров'][4]).toBe('\t+7 916 000-00-01');
    // The name an attacker chose is shown, never run: an apostrophe before = and @.
    expect(byName['=HYPERLINK("http://evil","Жми")'].slice(1)).toEqual([`'=HYPERLINK("http://evil","Жми")`, '', '', '', `'@SUM(1)`]);
    for (const f of rows.flat()) expect(f, f).not.toMatch(/^[\s]*[=+@-](?![\d\s()+-]+$)/);
  });

  it('exports XLSX with text cells that are never formulas and carry no apostrophe', async () => {
    const res = await t.get(t.adminCookie, '/api/reports/contact-info?kinds=phone,website&lang=ru&format=xlsx');
    expect(res.statusCode).toBe(200);
    const [sheet] = await readXlsx(res.rawPayload);
    expect(sheet.name).toBe('Отчет о контактной информации');
    expect(sheet.rows[0].map((c) => c.value)).toEqual(['Объект', 'Наименование', 'Контрагент', 'Должность', 'Телефон', 'Веб-сайт']);
    const cells = sheet.rows.flat().filter((c) => c.value !== null);
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    const values = cells.map((c) => c.value);
    expect(values).toContain('=HYPERLINK("http://evil","Жми")');
    expect(values).toContain('@SUM(1)');
    expect(values).toContain('8 (495) 123-45-67; +7 495 765-43-21');
    expect(textsOf([sheet]).filter((v) => v.startsWith("'"))).toEqual([]);
    expect(sheet.sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  });
});
