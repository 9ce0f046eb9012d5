import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let manager: { id: string; cookie: string; email: string };
let alpha: string;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = (cookie: string, body: string | Buffer, query = '', contentType = 'text/csv') =>
  t.request(cookie, { method: 'POST', url: `/api/counterparties/import${query}`, headers: { 'content-type': contentType }, payload: body });
const ok = async (res: Promise<{ statusCode: number; body: string; json(): any }>, status = 200) => {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${r.statusCode}: ${r.body}`);
  return r.json();
};
const cards = () => t.db.selectFrom('counterparties').selectAll().orderBy('name').execute();
const countOf = async (table: 'counterparties' | 'contactInfo' | 'auditLog') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  manager = await t.userWithCookie('manager', 'Мария Менеджер');
  alpha = (await ok(t.post(t.adminCookie, '/api/counterparties', { name: 'ООО «Альфа»', inn: '7707083893', isSupplier: false }), 201)).id;
});
afterEach(async () => t.close());

describe('counterparty import', () => {
  it('imports a semicolon CSV with a BOM and Russian headers: creates, updates by INN, leaves the same row unchanged', async () => {
    const csv =
      '\uFEFFНаименование;ИНН;КПП;Вид;Покупатель;Поставщик;Телефон;Эл. почта;Юридический адрес;Ответственный;Комментарий\r\n' +
      `ООО «Альфа»;7707083893;770701001;Юридическое лицо;да;да;8 (495) 123-45-67;INFO@alfa.ru;Москва;${manager.email};\r\n` +
      `Бета;7736207543;;;нет;1;;;;;Новый\r\n` +
      `ИП Гамма;500100732259;;;;;;;;;\r\n`;
    const res = await ok(upload(t.adminCookie, csv));
    expect(res).toEqual({ created: 2, updated: 1, unchanged: 0, skipped: 0, errors: [] });
    const all = await cards();
    expect(all.map((c) => [c.name, c.inn, c.kpp, c.kind, !!c.isCustomer, !!c.isSupplier, c.comment])).toEqual([
      ['Бета', '7736207543', null, 'legalEntity', false, true, 'Новый'],
      ['ИП Гамма', '500100732259', null, 'soleTrader', true, false, null],
      ['ООО «Альфа»', '7707083893', '770701001', 'legalEntity', true, true, null],
    ]);
    const a = all.find((c) => c.id === alpha)!;
    expect(a.responsibleUserId).toBe(manager.id);
    const info = await t.db
      .selectFrom('contactInfo')
      .select(['kind', 'normalized'])
      .where('counterpartyId', '=', alpha)
      .orderBy('position')
      .execute();
    expect(info).toEqual([
      { kind: 'phone', normalized: '+74951234567' },
      { kind: 'email', normalized: 'info@alfa.ru' },
      { kind: 'legalAddress', normalized: null },
    ]);
    const audits = await countOf('auditLog');
    // The same file again changes nothing and writes nothing.
    expect(await ok(upload(t.adminCookie, csv))).toEqual({ created: 0, updated: 0, unchanged: 3, skipped: 0, errors: [] });
    expect(await countOf('auditLog')).toBe(audits);
    expect(await countOf('contactInfo')).toBe(3);
  });

  it('imports XLSX with the English headers of the contact information report, matching by exact name', async () => {
    const beta = (await ok(t.post(t.adminCookie, '/api/counterparties', { name: 'Beta Ltd' }), 201)).id;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Report');
    ws.addRow(['Object', 'Name', 'Counterparty', 'Position', 'Phone', 'E-mail', 'Customer', 'Supplier']);
    ws.addRow(['Counterparty', 'Beta Ltd', null, null, '+7 812 555-00-11', 'b@beta.com', 'yes', 'no']);
    ws.addRow(['Contact person', 'Ivanov Ivan', 'Beta Ltd', 'Director', '+7 812 555-00-12', null, null, null]);
    ws.addRow(['Counterparty', 'Gamma', null, null, null, null, 'no', 'yes']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await ok(upload(t.adminCookie, buffer, '', XLSX))).toEqual({ created: 1, updated: 1, unchanged: 0, skipped: 1, errors: [] });
    const info = await t.db
      .selectFrom('contactInfo')
      .select(['kind', 'normalized'])
      .where('counterpartyId', '=', beta)
      .orderBy('position')
      .execute();
    expect(info).toEqual([
      { kind: 'phone', normalized: '+78125550011' },
      { kind: 'email', normalized: 'b@beta.com' },
    ]);
    const gamma = (await cards()).find((c) => c.name === 'Gamma')!;
    expect([gamma.isCustomer, gamma.isSupplier, gamma.responsibleUserId]).toEqual([0, 1, t.adminId]);
  });

  it('lists every bad line with its field and writes nothing', async () => {
    const before = await countOf('counterparties');
    const csv =
      'Name,INN,KPP,Customer,Phone,E-mail,Responsible\n' +
      'Good,7702070139,,yes,,,\n' +
      'Bad INN,7707083894,,,,,\n' +
      ',,ABC,maybe,not a phone,not-an-email,nobody@example.com\n' +
      'Dup,7702070139,,,,,\n';
    const res = await upload(t.adminCookie, csv);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('import_invalid');
    const got = body.error.details.map((d: { line: number; field: string; code: string }) => [d.line, d.field, d.code]);
    expect(got).toEqual(
      expect.arrayContaining([
        [3, 'inn', 'inn_checksum'],
        [4, 'name', 'required'],
        [4, 'isCustomer', 'boolean_invalid'],
        [5, 'inn', 'duplicate_in_file'],
      ]),
    );
    expect(new Set(got.map((d: unknown[]) => d[0]))).toEqual(new Set([3, 4, 5]));
    expect(await countOf('counterparties')).toBe(before);
  });

  it('checks later rows too: phone, e-mail and responsible problems after a valid row; nothing written', async () => {
    const csv = 'Name;Phone;E-mail;Responsible\nOk;;;\nX;not a phone;bad@;nobody@example.com\n';
    const res = await upload(t.adminCookie, csv);
    expect(res.statusCode).toBe(422);
    const got = res.json().error.details.map((d: { line: number; field: string }) => `${d.line}:${d.field}`);
    expect(got.sort()).toEqual(['3:email', '3:phone', '3:responsible']);
    expect(await countOf('counterparties')).toBe(1);
  });

  it('dryRun answers the same counts and writes nothing', async () => {
    const csv = 'Наименование;ИНН;Поставщик\nООО «Альфа»;7707083893;да\nНовый;;нет\n';
    expect(await ok(upload(t.adminCookie, csv, '?dryRun=true'))).toEqual({ created: 1, updated: 1, unchanged: 0, skipped: 0, errors: [] });
    const all = await cards();
    expect(all.map((c) => [c.name, c.isSupplier])).toEqual([['ООО «Альфа»', 0]]);
    expect(await ok(upload(t.adminCookie, csv))).toEqual({ created: 1, updated: 1, unchanged: 0, skipped: 0, errors: [] });
    expect((await cards()).map((c) => [c.name, c.isSupplier])).toEqual([
      ['Новый', 0],
      ['ООО «Альфа»', 1],
    ]);
  });

  it('refuses a wrong header, a file that is not UTF-8, a JSON body and a body over the limit', async () => {
    const header = await upload(t.adminCookie, 'Title;Price\nA;1\n');
    expect(header.statusCode).toBe(422);
    expect(header.json().error.details[0]).toMatchObject({ line: 1, field: 'header', code: 'import_header_invalid' });
    expect((await upload(t.adminCookie, Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe]))).statusCode).toBe(400);
    const json = await t.post(t.adminCookie, '/api/counterparties/import', { type: 'csv', text: 'Name\nA\n' });
    expect(json.statusCode).toBe(415);
    const big = await upload(t.adminCookie, Buffer.alloc(33 * 1024 * 1024, 0x41));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    expect(await countOf('counterparties')).toBe(1);
  });

  it('a manager who sees only his own cards matches only those and may name only himself as responsible', async () => {
    expect((await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false })).statusCode).toBe(200);
    const csv = `Name;INN;Responsible\nАльфа-2;7707083893;\nМой;;${manager.email}\nЧужой;;admin@example.com\n`;
    const res = await upload(manager.cookie, csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { line: number; code: string }) => [d.line, d.code])).toEqual([
      [2, 'inn_taken'],
      [4, 'responsible_forbidden'],
    ]);
    expect(res.body).not.toContain('Альфа»');
    const mine = await ok(upload(manager.cookie, 'Name\nМой\n'));
    expect(mine.created).toBe(1);
    expect((await cards()).find((c) => c.name === 'Мой')!.responsibleUserId).toBe(manager.id);
  });
});
