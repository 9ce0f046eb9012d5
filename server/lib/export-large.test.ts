// A large XLSX export through the real route on both databases: 30,000 rows streamed from the database
// in keyset pages, through the worksheet writer and the zip, must be a valid workbook with every row.
// Nothing here times or measures memory (docs/benchmarks.md does, with a script).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { v7 } from 'uuid';
import { makeTestApp, type TestApp } from '../test/test-app.js';
import { searchKey } from './names.js';
import { canSeeZipInput } from './export.js';

const COUNT = Number(process.env.EXPORT_LARGE_ROWS ?? 30_000);

describe('a large XLSX export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    const at = new Date().toISOString();
    const audit = { createdAt: at, createdBy: t.adminId, updatedAt: at, updatedBy: t.adminId };
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < COUNT; i += 1000) {
        const rows = [];
        for (let j = i; j < Math.min(COUNT, i + 1000); j++) {
          const name = `Фирма ${String(j).padStart(6, '0')}`;
          rows.push({ id: v7(), name, nameSearch: searchKey(name), kind: 'legalEntity' as const, isCustomer: 1, isSupplier: 0, ...audit });
        }
        await trx.insertInto('counterparties').values(rows).execute();
      }
    });
  }, 120_000);
  afterAll(() => t?.close());

  it('30,000 rows come back from exceljs as a workbook with every row, in order', async () => {
    const res = await t.get(t.adminCookie, '/api/reports/contact-info?kinds=phone&objects=counterparties&lang=ru&format=xlsx');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    // exceljs's in-memory reader (its streaming reader splits Cyrillic characters at chunk boundaries
    // into U+FFFD: a reader bug, the file itself is valid UTF-8).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheets = wb.worksheets.map((ws) => {
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return { name: ws.name, rows };
    });
    expect(sheets.map((x) => x.name)).toEqual(['Отчет о контактной информации']);
    const { rows } = sheets[0];
    expect(rows).toHaveLength(COUNT + 1);
    expect(rows[0]).toEqual(['Объект', 'Наименование', 'Контрагент', 'Должность', 'Телефон']);
    const names = rows.slice(1).map((r) => r[1]);
    expect(names[0]).toBe('Фирма 000000');
    expect(names[COUNT - 1]).toBe(`Фирма ${String(COUNT - 1).padStart(6, '0')}`);
    expect(new Set(names).size).toBe(COUNT);
    expect(names.filter((n) => typeof n !== 'string' || !/^Фирма \d{6}$/.test(n)).slice(0, 3)).toEqual([]);
  }, 120_000);

  it('the writer finds the zip input it waits on (the exceljs internals the flat memory relies on)', async () => {
    const out = new PassThrough();
    out.resume();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('T');
    ws.addRow(['x']).commit();
    await new Promise((resolve) => setImmediate(resolve));
    expect(canSeeZipInput(ws)).toBe(true);
    ws.commit();
    await wb.commit();
  });
});
