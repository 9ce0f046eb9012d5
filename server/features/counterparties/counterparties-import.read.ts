// Reading an uploaded file (spooled to disk) as rows of text cells with their line numbers, one row
// at a time: CSV through csv-parse's stream, XLSX through exceljs's streaming reader. Neither holds
// the file or its parsed rows; the XLSX reader keeps the workbook's shared strings (the one table of
// every distinct text in the workbook, which Excel's format puts apart from the sheet).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
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

/** The header line, for the delimiter: the text up to the first line break in the first 64 KB. */
async function headerOf(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    // A multi-byte character cut at the end is replaced, which cannot change the count of ';' and ','.
    return buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await fh.close();
  }
}

/** Rows of a UTF-8 CSV file (checked while it was spooled), with or without a BOM, ';' or ','. */
export async function* csvRows(path: string): AsyncGenerator<FileRow> {
  const delimiter = detectDelimiter(await headerOf(path));
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: true, info: true, bom: true, encoding: 'utf8' });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)
      yield { line: info.lines, cells: record };
  } catch (e) {
    if (!(e instanceof Error) || !('code' in e) || !String(e.code).startsWith('CSV_')) throw e;
    // csv-parse puts the line it stopped at on the error.
    const at = (e as { lines?: unknown }).lines;
    throw new FileUnreadable(e.message, typeof at === 'number' ? at : 1, 'csv_malformed');
  } finally {
    input.destroy();
    parser.destroy();
  }
}

type Cell = { text?: string };
type Row = { number: number; cellCount: number; getCell(n: number): Cell };

/** Rows of the first worksheet of an XLSX file; blank rows are skipped, numbers and dates read as shown. */
export async function* xlsxRows(path: string): AsyncGenerator<FileRow> {
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  // Styles tell dates from numbers; hyperlinks (e-mail cells) are read by their text anyway.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // exceljs copies a sheet that comes before the shared strings in the archive (as Excel writes
  // them) to a file of its own in the temporary folder, and removes it only when asked for the next
  // sheet: so every sheet is asked for, also when the import stops early, and only the first is read.
  const sheets = (reader as unknown as AsyncIterable<AsyncIterable<Row>>)[Symbol.asyncIterator]();
  const rest = async () => {
    while (!(await sheets.next()).done);
  };
  let last = 0;
  let finished = false;
  try {
    const first = await sheets.next();
    if (first.done) throw new FileUnreadable('the file is not an XLSX workbook', 1, 'xlsx_malformed');
    for await (const row of first.value) {
      last = row.number;
      // cell.text renders numbers, dates, formulas' results and rich text as shown.
      const cells = Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).text ?? '');
      if (cells.every((c) => c.trim() === '')) continue;
      yield { line: row.number, cells };
    }
    await rest();
    finished = true;
  } catch (e) {
    if (e instanceof FileUnreadable) throw e;
    // Only the reader throws here: what the caller does with a row never comes back into this loop.
    throw new FileUnreadable(
      last ? `the workbook is damaged after line ${last}` : 'the file is not an XLSX workbook',
      last + 1,
      'xlsx_malformed',
    );
  } finally {
    if (!finished) await rest().catch(() => {});
    input.destroy();
  }
}
