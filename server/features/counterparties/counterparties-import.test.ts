import { request as httpRequest } from 'node:http';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { uploadDirPrefix } from './counterparties-import.upload.js';
import { COUNTERPARTY_IMPORT_LIMIT } from './counterparties-import.routes.js';

let t: TestApp;
let manager: { id: string; cookie: string; email: string };
let alpha: string;
let dirsBefore: string[];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = (cookie: string, body: string | Buffer | Readable, query = '', contentType = 'text/csv') =>
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
  dirsBefore = uploadDirs();
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

  it('refuses a wrong header, a file that is not UTF-8 and a JSON body', async () => {
    const header = await upload(t.adminCookie, 'Title;Price\nA;1\n');
    expect(header.statusCode).toBe(422);
    expect(header.json().error.details[0]).toMatchObject({ line: 1, field: 'header', code: 'import_header_invalid' });
    expect((await upload(t.adminCookie, Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe]))).statusCode).toBe(400);
    const json = await t.post(t.adminCookie, '/api/counterparties/import', { type: 'csv', text: 'Name\nA\n' });
    expect(json.statusCode).toBe(415);
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

  it('a 5,000-row CSV sent in chunks, without a length, is streamed and imported whole', async () => {
    const csv = bigCsv(5000);
    const res = await ok(upload(t.adminCookie, chunked(csv)));
    expect(res).toEqual({ created: 5000, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    expect(await countOf('counterparties')).toBe(5001);
    expect(await countOf('contactInfo')).toBe(10000);
    const last = await t.db
      .selectFrom('counterparties')
      .select(['inn', 'kpp'])
      .where('name', '=', 'ООО «Контрагент 5000»')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ inn: innOf(5000), kpp: '770101001' });
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('a 3,000-row XLSX (shared strings, as Excel writes it) is read row by row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Контрагенты');
    ws.addRow(['Наименование', 'ИНН', 'Эл. почта', 'Покупатель']);
    for (let n = 1; n <= 3000; n++) ws.addRow([`Клиент ${n}`, Number(innOf(n)), `c${n}@example.ru`, 'да']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await ok(upload(t.adminCookie, buffer, '', XLSX))).toEqual({ created: 3000, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    const c = await t.db.selectFrom('counterparties').select(['inn']).where('name', '=', 'Клиент 2999').executeTakeFirstOrThrow();
    expect(c.inn).toBe(innOf(2999));
    expect(await countOf('contactInfo')).toBe(3000);
    expect(sheetCopies()).toEqual([]);
    // A wrong header stops the import at line 1: the sheet copies exceljs made are removed all the same.
    const header = new ExcelJS.Workbook();
    header.addWorksheet('Прайс').addRow(['Товар', 'Цена']);
    header.addWorksheet('Лист2').addRow(['Наименование']);
    const wrong = await upload(t.adminCookie, Buffer.from(await header.xlsx.writeBuffer()), '', XLSX);
    expect(wrong.json().error.details[0]).toMatchObject({ line: 1, code: 'import_header_invalid' });
    expect(sheetCopies()).toEqual([]);
    const broken = await upload(t.adminCookie, Buffer.from('PK not a workbook'), '', XLSX);
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.details[0]).toMatchObject({ code: 'xlsx_malformed' });
  }, 120_000);

  it('a bad row at the very end of a big file writes nothing, the rows before it included', async () => {
    const csv = bigCsv(5000) + 'Последний;7707083894;;;;\r\n';
    const res = await upload(t.adminCookie, chunked(csv));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'import_invalid', total: 1, lines: 1 });
    expect(res.json().error.details).toEqual([{ line: 5002, field: 'inn', code: 'inn_checksum', message: expect.any(String) }]);
    expect(await countOf('counterparties')).toBe(1);
    expect(await countOf('contactInfo')).toBe(0);
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('a file broken on every line lists its first 1,000 problems by line and counts them all', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `Клиент ${i + 1};7707083894;\u0007`);
    const res = await upload(t.adminCookie, `Наименование;ИНН;Комментарий\n${lines.join('\n')}\n`);
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error).toMatchObject({ code: 'import_invalid', total: 1500, lines: 1500 });
    expect(error.details).toHaveLength(1000);
    expect(error.details[0]).toMatchObject({ line: 2 });
    expect(error.details.at(-1)).toMatchObject({ line: 1001 });
    expect(new Set(error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`))).toEqual(
      new Set(['comment:control_character']),
    );
    expect(await countOf('counterparties')).toBe(1);
  });

  it('an upload over the limit is 413, writes nothing and leaves no temporary file', async () => {
    // A declared length over the limit is refused before a byte is read.
    const declared = await t.request(t.adminCookie, {
      method: 'POST',
      url: '/api/counterparties/import',
      headers: { 'content-type': 'text/csv', 'content-length': String(COUNTERPARTY_IMPORT_LIMIT + 1) },
      payload: chunked('Наименование\nА\n'),
    });
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.code).toBe('payload_too_large');
    // Without a length, the upload is cut off when it passes the limit.
    const big = await upload(t.adminCookie, filler(COUNTERPARTY_IMPORT_LIMIT + 1024 * 1024), '', XLSX);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    expect(await countOf('counterparties')).toBe(1);
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('an upload the client breaks off leaves no temporary file and writes nothing', async () => {
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const before = uploadDirs();
    const req = httpRequest(`${url}/api/counterparties/import`, {
      method: 'POST',
      headers: { cookie: t.adminCookie, 'content-type': 'text/csv', 'content-length': String(10 * 1024 * 1024) },
    });
    req.on('error', () => {});
    req.write(bigCsv(2000));
    // The server has the first part on disk by now: wait for its temporary directory, then hang up.
    await until(() => uploadDirs().some((d) => !before.includes(d)));
    const mine = uploadDirs().filter((d) => !before.includes(d));
    req.destroy();
    await until(() => !uploadDirs().some((d) => mine.includes(d)));
    expect(await countOf('counterparties')).toBe(1);
  });
});

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
/** A 10-digit INN with a correct check digit, different for every n. */
function innOf(n: number): string {
  const d = [...String(1_000_000_000 + n).slice(1, 10)].map(Number);
  d[0] = 7;
  const check = (W10.reduce((s, w, i) => s + w * d[i], 0) % 11) % 10;
  return d.join('') + check;
}

function bigCsv(rows: number): string {
  const lines = ['Наименование;ИНН;КПП;Телефон;Эл. почта'];
  for (let n = 1; n <= rows; n++)
    lines.push(`ООО «Контрагент ${n}»;${innOf(n)};770101001;+7 495 ${String(10_000_000 + n).slice(1)};info${n}@example.ru`);
  return lines.join('\r\n') + '\r\n';
}

/** The text as a stream of 16 KB chunks: sent without a content-length, like a browser's chunked upload. */
const chunked = (text: string) => {
  const bytes = Buffer.from(text);
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += 16 * 1024) yield bytes.subarray(i, i + 16 * 1024);
    })(),
  );
};

/** `size` bytes of "A", made as they are read. */
const filler = (size: number) => {
  const chunk = Buffer.alloc(1024 * 1024, 0x41);
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < size; sent += chunk.length) yield chunk;
    })(),
  );
};

/** This process's import directories now in the system's temporary folder (not another test run's or a benchmark's). */
const uploadDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith(uploadDirPrefix()));
/** Sheets exceljs copied to the temporary folder (tmp-<pid>-…) while reading a workbook in this process. */
const sheetCopies = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`tmp-${process.pid}-`));
/** Those made since the test began and still there (another process's uploads are not this test's). */
const leftovers = () => uploadDirs().filter((d) => !dirsBefore.includes(d));

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
