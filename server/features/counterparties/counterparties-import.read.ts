// Reading an uploaded file (spooled to disk) as rows of text cells with their line numbers, one row
// at a time: CSV through csv-parse's stream, XLSX through exceljs's streaming reader. Neither holds
// the file or its parsed rows; an XLSX's shared strings table goes to a file beside the upload.
import { closeSync, createReadStream, openSync, readSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { StringDecoder } from 'node:string_decoder';
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

type Cell = { text?: string; value?: unknown };
type Row = { number: number; cellCount: number; getCell(n: number): Cell };
type SharedText = string | null | { richText?: { text?: string }[] };

/**
 * The workbook's shared strings table (every distinct text of an Excel workbook, apart from its
 * sheets) kept in a file beside the upload, with only each string's offset in memory: 8 bytes a
 * string instead of the string, so a workbook's memory does not grow with its texts.
 */
class SharedStrings {
  readonly #fd: number;
  readonly #ends: number[] = [0];
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #written = 0;
  readonly #scratch = Buffer.allocUnsafe(64 * 1024);

  constructor(path: string) {
    this.#fd = openSync(path, 'w+', 0o600);
  }

  add(text: SharedText) {
    const s = typeof text === 'string' ? text : (text?.richText?.map((r) => r.text ?? '').join('') ?? '');
    const bytes = Buffer.from(s, 'utf8');
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.length;
    this.#ends.push(this.#ends[this.#ends.length - 1] + bytes.length);
    if (this.#pendingBytes >= 1024 * 1024) this.flush();
  }

  flush() {
    if (!this.#pendingBytes) return;
    this.#written += writeSync(this.#fd, Buffer.concat(this.#pending, this.#pendingBytes), 0, this.#pendingBytes, this.#written);
    this.#pending = [];
    this.#pendingBytes = 0;
  }

  get(index: number): string {
    const start = this.#ends[index];
    const end = this.#ends[index + 1];
    if (start === undefined || end === undefined) return '';
    const length = end - start;
    const buf = length <= this.#scratch.length ? this.#scratch : Buffer.allocUnsafe(length);
    readSync(this.#fd, buf, 0, length, start);
    return buf.toString('utf8', 0, length);
  }

  close() {
    closeSync(this.#fd);
  }
}

/** A cell as shown: shared strings from the table on disk, the rest (numbers, dates, formulas' results, rich text) by exceljs. */
function cellText(cell: Cell, strings: SharedStrings): string {
  const v = cell.value as { sharedString?: unknown } | null | undefined;
  if (v && typeof v === 'object' && typeof v.sharedString === 'number') return strings.get(v.sharedString);
  return cell.text ?? '';
}

/** The worksheets of the workbook in archive order; the shared strings go to `strings` on the way. */
async function* worksheets(reader: { parse(): AsyncIterable<unknown> }, strings: SharedStrings): AsyncGenerator<AsyncIterable<Row>> {
  for await (const event of reader.parse()) {
    const e = event as { eventType?: string; value?: unknown; index?: number; text?: SharedText };
    if (e.eventType === 'worksheet') {
      strings.flush();
      yield e.value as AsyncIterable<Row>;
    } else if (e.eventType === undefined && typeof e.index === 'number') strings.add(e.text ?? null);
  }
}

/** Text of a stream of UTF-8 bytes, a letter split between two chunks kept whole. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * exceljs's streaming reader turns each inflated chunk of a part's XML into text on its own, so a
 * two-byte letter that straddles two chunks becomes two U+FFFD (about one Cyrillic cell in a thousand
 * of a large file; exceljs issues 2063, 2084, 2316, still open). This reader hands its parsers text
 * decoded across chunks: the entries it parses whole get a decoding stream (`setEncoding`), the
 * worksheets (read from the archive or from the temporary copy exceljs makes of them) a decoding
 * iterator. These are exceljs internals; the module refuses to load if they are gone, and
 * `counterparties-import.read.logic.test.ts` reads 20,000 Cyrillic rows back both ways.
 */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {}
{
  type Method = (this: unknown, ...args: unknown[]) => unknown;
  const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, Method>;
  const own = Utf8WorkbookReader.prototype as unknown as Record<string, Method>;
  const method = (name: string) => {
    const m = base[name];
    if (typeof m !== 'function')
      throw new Error(`exceljs WorkbookReader has no ${name}: the UTF-8 fix in counterparties-import.read.ts needs updating`);
    return m;
  };
  for (const name of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles']) {
    const m = method(name);
    own[name] = function (this: unknown, entry: unknown, ...rest: unknown[]) {
      (entry as { setEncoding(e: BufferEncoding): void }).setEncoding('utf8');
      return m.call(this, entry, ...rest);
    };
  }
  for (const name of ['_parseWorksheet', '_parseHyperlinks']) {
    const m = method(name);
    own[name] = function (this: unknown, iterator: unknown, ...rest: unknown[]) {
      return m.call(this, utf8(iterator as AsyncIterable<Buffer | string>), ...rest);
    };
  }
}

/**
 * Rows of the first worksheet of an XLSX file; blank rows are skipped, numbers and dates read as shown.
 * `scratch` is a path for the shared strings table (removed with the upload's directory).
 */
export async function* xlsxRows(path: string, scratch = `${path}.strings`): AsyncGenerator<FileRow> {
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  // Styles tell dates from numbers; hyperlinks (e-mail cells) are read by their text anyway.
  const reader = new Utf8WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const strings = new SharedStrings(scratch);
  // exceljs copies the sheets (they come before the shared strings in the archive) to files of their
  // own in the temporary folder, and removes each only when asked for the next sheet: so every sheet
  // is asked for, also when the import stops early, and only the first is read.
  const sheets = worksheets(reader as unknown as { parse(): AsyncIterable<unknown> }, strings);
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
      const cells = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1), strings));
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
    strings.close();
  }
}
