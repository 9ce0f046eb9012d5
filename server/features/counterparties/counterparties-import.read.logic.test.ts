// The XLSX reader on large files of Cyrillic text: every cell comes back exactly as written, whether
// the text sits in the sheet itself (as our own exports write it) or in the shared strings table (as
// Excel writes it). exceljs's streaming reader decodes each inflated chunk on its own, which breaks a
// two-byte letter that straddles two chunks into U+FFFD; the reader here must not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { xlsxRows } from './counterparties-import.read.js';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NAMES = ['ООО «Торговый дом Северо-Западная продовольственная компания»', 'ИП Щукина Ёлка Юрьевна', 'АО «Хлебокомбинат №1»'];
const rowOf = (i: number) => [
  `${NAMES[i % NAMES.length]} ${i}`,
  `Москва, ул. Пятницкая, д. ${i}, офис «Ъ»`,
  `комментарий ${'ж'.repeat(i % 7)}`,
];

async function write(path: string, rows: number, useSharedStrings: boolean) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings, useStyles: false });
  const ws = wb.addWorksheet('Контрагенты');
  ws.addRow(['Наименование', 'Адрес', 'Комментарий']).commit();
  for (let i = 0; i < rows; i++) ws.addRow(rowOf(i)).commit();
  ws.commit();
  await wb.commit();
}

describe('XLSX reader', () => {
  for (const shared of [false, true]) {
    it(`reads 20,000 rows of Cyrillic text back unchanged (${shared ? 'shared strings' : 'inline strings'})`, async () => {
      const path = join(dir, `book-${shared}.xlsx`);
      await write(path, 20_000, shared);
      let n = 0;
      const bad: string[] = [];
      for await (const row of xlsxRows(path, join(dir, `strings-${shared}`))) {
        if (row.line === 1) continue;
        const expected = rowOf(row.line - 2);
        if (row.cells.join('|') !== expected.join('|')) bad.push(`line ${row.line}: ${row.cells.join('|')}`);
        n++;
      }
      expect(bad.slice(0, 3)).toEqual([]);
      expect(n).toBe(20_000);
    }, 60_000);
  }
});
