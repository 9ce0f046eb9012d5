import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { neutralize, toCsv, toXlsx } from './export.js';

describe('formula neutralisation', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+cmd|', `'+cmd|`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['-1+1', `'-1+1`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['-15', '-15'],
    ['-15.50', '-15.50'],
    ['ООО Ромашка', 'ООО Ромашка'],
  ])('%j -> %j', (input, expected) => expect(neutralize(input)).toBe(expected));

  it('CSV has a BOM, Russian separator and neutralised cells', () => {
    const text = toCsv({ title: 't', headers: ['A', 'B'], rows: [['=1+2', 'x;y']] }, 'ru').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`'=1+2;"x;y"`);
  });

  it('XLSX cells are text, never formulas', async () => {
    const buf = await toXlsx({ title: 'Отчет', headers: ['A'], rows: [['=HYPERLINK("x")'], ['+7 (812) 555-12-34'], ['+1+cmd|']] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const cell = wb.worksheets[0].getCell('A2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'=HYPERLINK("x")`);
    expect(wb.worksheets[0].getCell('A3').value).toBe('+7 (812) 555-12-34');
    expect(wb.worksheets[0].getCell('A4').value).toBe(`'+1+cmd|`);
  });
});
