// Reading an uploaded file as rows of text cells with their line numbers, without holding every
// parsed row at once: CSV is parsed as a stream, XLSX row by row from the first sheet.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { detectDelimiter } from './counterparties-import.logic.js';

export interface FileRow {
  line: number;
  cells: string[];
}

export class FileUnreadable extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly code: 'csv_malformed' | 'xlsx_malformed',
  ) {
    super(message);
  }
}

export async function* csvRows(text: string): AsyncGenerator<FileRow> {
  const body = text.replace(/^\uFEFF/, '');
  const parser = Readable.from([body]).pipe(
    parse({ delimiter: detectDelimiter(body), relax_column_count: true, skip_empty_lines: true, info: true, bom: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)
      yield { line: info.lines, cells: record };
  } catch (e) {
    // csv-parse puts the line it stopped at on the error.
    const at = (e as { lines?: unknown }).lines;
    throw new FileUnreadable(e instanceof Error ? e.message : 'the file is not CSV', typeof at === 'number' ? at : 1, 'csv_malformed');
  }
}

export async function* xlsxRows(buffer: Buffer): AsyncGenerator<FileRow> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new FileUnreadable('the file is not an XLSX workbook', 1, 'xlsx_malformed');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return;
  const width = sheet.columnCount;
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    // cell.text renders numbers, dates, formulas' results and hyperlinks (e-mail cells) as shown.
    const cells = Array.from({ length: width }, (_, i) => row.getCell(i + 1).text ?? '');
    if (cells.every((c) => c.trim() === '')) continue;
    yield { line: n, cells };
  }
}
