import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { v7 } from 'uuid';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { searchKey } from '../../lib/names.js';
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
    // Codes only: the screen names the columns in its language, the files in theirs.
    expect(r.columns[4]).toEqual({ key: 'phone' });
    const en = (
      await t.get(t.adminCookie, '/api/reports/contact-info?objects=counterparties,contactPersons,individuals&kinds=phone,email&lang=en')
    ).json();
    expect(en).toEqual(r);
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

  it('the screen stops at 2,000 rows; the files stream every row, read in keyset pages', async () => {
    // 2,600 counterparties, half with a person: more than a page of counterparties and several pages of owners.
    const at = new Date().toISOString();
    const audit = { createdAt: at, createdBy: t.adminId, updatedAt: at, updatedBy: t.adminId };
    const cps = Array.from({ length: 2600 }, (_, i) => {
      const name = `Фирма ${String(i).padStart(5, '0')}`;
      return { id: v7(), name, nameSearch: searchKey(name), kind: 'legalEntity' as const, isCustomer: 1, isSupplier: 0, ...audit };
    });
    const persons = cps
      .filter((_, i) => i % 2 === 0)
      .map((c, i) => ({ id: v7(), counterpartyId: c.id, lastName: `Лицо ${i}`, nameSearch: searchKey(`Лицо ${i}`), ...audit }));
    for (let i = 0; i < cps.length; i += 500)
      await t.db
        .insertInto('counterparties')
        .values(cps.slice(i, i + 500))
        .execute();
    for (let i = 0; i < persons.length; i += 500)
      await t.db
        .insertInto('contactPersons')
        .values(persons.slice(i, i + 500))
        .execute();
    const total = 2600 + 2 + 1300 + 1 + 1; // + Ромашка, the formula name, their person Петрова, the individual Сидоров

    const screen = (await t.get(t.adminCookie, '/api/reports/contact-info')).json();
    expect(screen.rows).toHaveLength(2000);
    expect(screen.truncated).toBe(true);

    const csv = await t.get(t.adminCookie, '/api/reports/contact-info?kinds=phone&format=csv&lang=ru');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    const rows = parseCsv(csv.rawPayload, ';').slice(1);
    expect(rows).toHaveLength(total);
    // Every object once, counterparties first in name order, then persons, then individuals.
    expect(new Set(rows.map((r) => `${r[0]}|${r[1]}|${r[2]}`)).size).toBe(total);
    const firms = rows.filter((r) => r[1].startsWith('Фирма ')).map((r) => r[1]);
    expect(firms).toEqual(cps.map((c) => c.name));
    expect(rows.filter((r) => r[0] === 'Контактное лицо контрагента')).toHaveLength(1301);
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['Физическое лицо', 'Сидоров']);

    const [sheet] = await readXlsx((await t.get(t.adminCookie, '/api/reports/contact-info?format=xlsx&lang=en')).rawPayload);
    expect(sheet.rows).toHaveLength(total + 1);
  }, 120_000);

  it('a bad filter answers with a JSON error before any file is sent', async () => {
    const res = await t.get(t.adminCookie, '/api/reports/contact-info?format=csv&counterpartyId=not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.json().error.code).toBe('validation_failed');
  });
});
