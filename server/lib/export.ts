import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { DateTime } from 'luxon';

// Report exports for spreadsheet programs. A table is made of typed cells, so a workbook gets real
// number and date cells (sums, sorting and date filters work) and text stays text. CSV has no types:
// there the writer spells each cell so Excel and LibreOffice read it back as what it is.
//
// Files stream: rows may come from an async source (the database, a page at a time) and are written
// as they come — CSV through csv-stringify's stream, XLSX through exceljs's streaming WorkbookWriter —
// so an export of a million rows holds one page in memory, not the file.

type Lang = 'ru' | 'en';

interface Style {
  bold?: boolean;
}

export type Cell =
  | ({ kind: 'text'; value: string; indent?: number } & Style)
  /** `percent`: a share 0..1 shown as "33.3%"; `money`: two decimals with thousands separators. */
  | ({ kind: 'number'; value: number; format?: 'percent' | 'money' } & Style)
  /** A calendar date, YYYY-MM-DD; `month` shows only the month and year (a report period). */
  | ({ kind: 'date'; value: string; format?: 'month' } & Style)
  /** An instant (ISO), written as the wall-clock time in the table's time zone. */
  | ({ kind: 'datetime'; value: string } & Style)
  | null;

/** Rows in memory, or an async source read as the file is written (a page of rows at a time). */
export type Rows = Iterable<Cell[]> | AsyncIterable<Cell[]>;

export interface Table<R extends Rows = Rows> {
  /** Sheet name (and the page header when printed). */
  title: string;
  headers: string[];
  rows: R;
  lang: Lang;
  /** The zone datetime cells are written in (the user's). */
  timeZone: string;
}

export const text = (value: string | null | undefined, style: { indent?: number } & Style = {}): Cell =>
  value ? { kind: 'text', value, ...style } : null;
export const num = (value: number | null | undefined, style: { format?: 'percent' | 'money' } & Style = {}): Cell =>
  value === null || value === undefined || !Number.isFinite(value) ? null : { kind: 'number', value, ...style };
export const date = (value: string | null | undefined, style: { format?: 'month' } & Style = {}): Cell =>
  value ? { kind: 'date', value, ...style } : null;
export const dateTime = (value: string | null | undefined, style: Style = {}): Cell =>
  value ? { kind: 'datetime', value, ...style } : null;

/** Date formats, the same in the workbook (numFmt) and in CSV: Russian users read dd.mm.yyyy (what
 * Russian Excel and LibreOffice parse back as a date); English files use ISO 8601, which every
 * locale's spreadsheet parses as a date and nobody misreads as month/day. */
const FORMATS = {
  // A month is named in the file's language whatever the spreadsheet's locale ([$-419] Russian, [$-409] English).
  ru: {
    date: 'dd.mm.yyyy',
    dateTime: 'dd.mm.yyyy hh:mm',
    month: '[$-419]mmmm yyyy',
    luxonDate: 'dd.MM.yyyy',
    luxonDateTime: 'dd.MM.yyyy HH:mm',
  },
  en: {
    date: 'yyyy-mm-dd',
    dateTime: 'yyyy-mm-dd hh:mm',
    month: '[$-409]mmmm yyyy',
    luxonDate: 'yyyy-MM-dd',
    luxonDateTime: 'yyyy-MM-dd HH:mm',
  },
} as const;
const NUM_FORMATS = { percent: '0.0%', money: '#,##0.00' } as const;

// --- What a spreadsheet would do with a text -----------------------------------------------------

/** Leading characters that make a spreadsheet read a cell as a formula (with their full-width forms,
 * which East Asian input methods type and Excel accepts). Leading blanks are skipped first: some
 * programs strip them before they look. */
const FORMULA_START = /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;
/** A phone as people write it: an optional leading +, digits and the usual separators, 5+ digits. */
const PHONE = /^\+?[\d\s().-]+$/;
const isPhone = (s: string) => PHONE.test(s) && (s.match(/\d/g)?.length ?? 0) >= 5;
/** Several phones in one cell, as the contact information report joins them ("…; …"). */
const isPhoneList = (s: string) => s.split(/;\s*/).every((p) => isPhone(p.trim()));
/** Text a spreadsheet would turn into a number, a date, a time or a percentage: only digits and
 * + - ( ) . , / : ; % and blanks. */
const NUMBER_LIKE = /^[\s\d+\-().,/:;%]*\d[\s\d+\-().,/:;%]*$/;

/** Would a spreadsheet run this text? A leading = + - @ followed by something that is not a plain
 * number or a phone: "=HYPERLINK(…)", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "+1+1". */
export function isFormulaLike(value: string): boolean {
  if (!FORMULA_START.test(value)) return false;
  const rest = value.trim();
  return !(PLAIN_NUMBER.test(rest) || isPhoneList(rest));
}

/**
 * A text cell as CSV writes it.
 *
 * - Formula-like text gets a leading apostrophe. A spreadsheet shows it (CSV cannot hide it), but it
 *   is only ever added to text that would otherwise run: the price of safety is paid by attackers'
 *   strings, not by phones.
 * - Text that a spreadsheet would turn into a number or date (phones such as "84951234567" or
 *   "+7 495 123-45-67", INNs, "12.05") is written after a TAB. Excel and LibreOffice keep a field
 *   that starts with a tab as text, exactly as written, and the tab itself is invisible; it is the
 *   one mark both honour that is neither shown nor a formula. (`'…` is shown as an apostrophe when a
 *   CSV is opened, and `="…"` is a formula: LibreOffice shows it literally unless the user turns on
 *   "Evaluate formulas", and importers of other programs see it as data.) The text after the tab is
 *   digits and separators only, so even a program that strips the tab cannot run anything.
 */
export function csvText(value: string): string {
  if (isFormulaLike(value)) return `'${value}`;
  if (NUMBER_LIKE.test(value)) return `\t${value}`;
  return value;
}

// --- Cell values ---------------------------------------------------------------------------------

/** The wall-clock time of an instant in a zone, as a Date whose UTC fields are that time: workbooks
 * have no time zones, and exceljs writes a Date's UTC fields. */
function wallClock(instant: string, timeZone: string): Date {
  const d = DateTime.fromISO(instant, { zone: timeZone });
  return new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second));
}

function csvNumber(value: number, format: 'percent' | 'money' | undefined, lang: Lang): string {
  const plain = (n: number, digits?: number) => {
    const s = digits === undefined ? String(n) : n.toFixed(digits);
    return lang === 'ru' ? s.replace('.', ',') : s;
  };
  if (format === 'percent') return `${plain(Math.round(value * 10_000) / 100)}%`;
  if (format === 'money') return plain(value, 2);
  return plain(value);
}

function csvCell(c: Cell, t: Table): string {
  if (!c) return '';
  const f = FORMATS[t.lang];
  switch (c.kind) {
    case 'number':
      return csvNumber(c.value, c.format, t.lang);
    case 'date':
      return DateTime.fromISO(c.value, { zone: 'UTC' }).toFormat(f.luxonDate);
    case 'datetime':
      return DateTime.fromISO(c.value, { zone: t.timeZone }).toFormat(f.luxonDateTime);
    case 'text':
      // Levels of a grouped report: CSV has no indent, so two spaces per level.
      return csvText('  '.repeat(c.indent ?? 0) + c.value);
  }
}

const csvDelimiter = (t: Table) => (t.lang === 'ru' ? ';' : ',');

/** CSV in UTF-8 with a BOM so spreadsheet programs read Cyrillic; ';' and a decimal comma for
 * Russian, as Russian Excel expects. Several tables follow one another, each under its title. */
export function toCsv(tables: Table<Cell[][]> | Table<Cell[][]>[]): Buffer {
  const list = Array.isArray(tables) ? tables : [tables];
  const records: string[][] = [];
  list.forEach((t, i) => {
    if (list.length > 1) {
      if (i > 0) records.push([]);
      records.push([csvText(t.title)]);
    }
    records.push(t.headers.map(csvText), ...t.rows.map((r) => r.map((c) => csvCell(c, t))));
  });
  const text = stringifySync(records, { delimiter: csvDelimiter(list[0]), record_delimiter: 'windows' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** The same CSV as a stream, rows written as their source yields them (with backpressure). A source
 * that fails destroys the stream with its error: the download is cut short, never completed. */
export function csvStream(tables: Table | Table[]): Readable {
  const list = Array.isArray(tables) ? tables : [tables];
  const out = stringify({ delimiter: csvDelimiter(list[0]), record_delimiter: 'windows', bom: true });
  const put = async (record: string[]) => {
    if (!out.write(record)) await once(out, 'drain');
  };
  void (async () => {
    for (const [i, t] of list.entries()) {
      if (list.length > 1) {
        if (i > 0) await put([]);
        await put([csvText(t.title)]);
      }
      await put(t.headers.map(csvText));
      for await (const r of t.rows) await put(r.map((c) => csvCell(c, t)));
    }
    out.end();
  })().catch((err: Error) => out.destroy(err));
  return out;
}

// --- Workbook ------------------------------------------------------------------------------------

/** What a cell shows, for column widths. */
function shownLength(c: Cell, t: Table): number {
  if (!c) return 0;
  if (c.kind === 'text') return c.value.length + 2 * (c.indent ?? 0);
  if (c.kind === 'date') return c.format === 'month' ? 14 : 10;
  if (c.kind === 'datetime') return 16;
  return csvNumber(c.value, c.format, t.lang).length + (c.format === 'money' ? 3 : 0);
}

function writeCell(cell: ExcelJS.Cell, c: Cell, t: Table) {
  if (!c) return;
  const f = FORMATS[t.lang];
  switch (c.kind) {
    case 'text':
      // A text cell is a string in the file: it can never run as a formula, so it needs no mark.
      cell.value = c.value;
      if (c.indent) cell.alignment = { indent: c.indent };
      break;
    case 'number':
      cell.value = c.value;
      if (c.format) cell.numFmt = NUM_FORMATS[c.format];
      break;
    case 'date':
      cell.value = new Date(`${c.value}T00:00:00Z`);
      cell.numFmt = c.format === 'month' ? f.month : f.date;
      break;
    case 'datetime':
      cell.value = wallClock(c.value, t.timeZone);
      cell.numFmt = f.dateTime;
      break;
  }
  if (c.bold) cell.font = { bold: true };
}

const sheetName = (title: string, taken: Set<string>) => {
  const base = title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
};

/** Rows used to size the columns: the first ones (a streamed sheet's columns are written before its rows). */
const WIDTH_SAMPLE = 500;
/** Rows between checks that the zip keeps up: about 100 KB of sheet XML. */
const BACKPRESSURE_EVERY = 250;

/** A stream of Node's or of the readable-stream package (which the zip library uses). */
interface Drainable {
  on(event: string, f: () => void): unknown;
  off?(event: string, f: () => void): unknown;
  removeListener(event: string, f: () => void): unknown;
  destroyed?: boolean;
  _writableState?: { needDrain?: boolean; length?: number };
}

/** Resolves when the stream drains or closes, or when `download` closes (a download cut short must
 * not leave the writer waiting); every listener is removed again either way. */
function drained(s: Drainable, download: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const e of ['drain', 'close', 'error']) s.removeListener(e, done);
      download.removeListener('close', done);
      resolve();
    };
    for (const e of ['drain', 'close', 'error']) s.on(e, done);
    download.on('close', done);
  });
}

/**
 * The stream that feeds a streamed worksheet's XML to the deflater. exceljs writes the sheet into
 * its own buffer, which pushes to the zip without ever waiting (its `write` always returns true);
 * the zip library (archiver) wraps it in a readable-stream PassThrough that holds whatever the
 * deflater has not taken yet. Rows come faster than the deflater runs (asynchronously, a chunk per
 * event-loop turn), so that buffer grew with the file: about 31 MB of XML per 100,000 rows.
 * Waiting for it to drain keeps memory flat. It is reached through exceljs internals
 * (`stream.pipes`), so a test checks it is found; if they change, the export still works, unthrottled.
 */
function zipInput(ws: ExcelJS.Worksheet): Drainable | undefined {
  const pipes = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const first = (Array.isArray(pipes) ? pipes[0] : undefined) as Drainable | undefined;
  return first && typeof first.on === 'function' && first._writableState ? first : undefined;
}

/** Waits until the zip has taken the sheet's XML; the zip's output is piped into `out` with
 * backpressure, so a slow reader stops the deflater and shows here as an input that does not drain.
 * A download cut short destroys `out` without an error and the zip stops reading, so its input
 * would never drain: `out` closing ends the wait too, and the export stops. */
async function caughtUp(ws: ExcelJS.Worksheet, out: PassThrough): Promise<void> {
  for (;;) {
    if (out.destroyed) throw new Error('the download was closed');
    const input = zipInput(ws);
    if (!input?._writableState?.needDrain || input.destroyed) return;
    await drained(input, out);
  }
}

/** Test hook: whether the zip's input of a sheet can be found (see zipInput). */
export function canSeeZipInput(ws: ExcelJS.Worksheet): boolean {
  return zipInput(ws) !== undefined;
}

async function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, out: PassThrough, t: Table, taken: Set<string>) {
  const ws = wb.addWorksheet(sheetName(t.title, taken), {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed on A4 landscape, all columns on one page wide, as many pages down as needed, the
    // header row repeated on every page, pages numbered.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddHeader: `&L${t.title.replace(/&/g, '&&')}`, oddFooter: '&R&P / &N' },
  });
  const source = (Symbol.asyncIterator in t.rows ? t.rows[Symbol.asyncIterator]() : t.rows[Symbol.iterator]()) as
    AsyncIterator<Cell[]> | Iterator<Cell[]>;
  const sample: Cell[][] = [];
  let done = false;
  while (sample.length < WIDTH_SAMPLE) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    sample.push(next.value);
  }
  ws.columns = t.headers.map((h, i) => ({
    width: Math.min(60, Math.max(8, Math.max(Math.min(h.length, 24), ...sample.map((r) => shownLength(r[i] ?? null, t))) + 2)),
  }));
  const header = ws.addRow(t.headers);
  header.font = { bold: true };
  header.eachCell((c) => (c.alignment = { vertical: 'middle', wrapText: true }));
  header.commit();
  let written = 0;
  const write = async (r: Cell[]) => {
    const row = ws.addRow([]);
    r.forEach((c, i) => writeCell(row.getCell(i + 1), c, t));
    row.commit();
    // Let the zip and the reader catch up before the next rows: memory stays flat whatever the count.
    if (++written % BACKPRESSURE_EVERY === 0) await caughtUp(ws, out);
  };
  for (const r of sample) await write(r);
  while (!done) {
    const next = await source.next();
    if (next.done) break;
    await write(next.value);
  }
  if (t.headers.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.headers.length } };
  ws.commit();
}

/** A workbook with one sheet per table, streamed: styles (bold, number and date formats) are kept,
 * strings are written inline (no shared-string table growing with the file). */
export function xlsxStream(tables: Table | Table[]): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Trade CRM';
  const taken = new Set<string>();
  void (async () => {
    for (const t of Array.isArray(tables) ? tables : [tables]) await addSheet(wb, out, t, taken);
    await wb.commit();
  })().catch((err: Error) => out.destroy(err));
  return out;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The workbook in memory (small tables, tests). */
export async function toXlsx(tables: Table | Table[]): Promise<Buffer> {
  return collect(xlsxStream(tables));
}

/** RFC 5987 Content-Disposition for a file name that may hold Cyrillic. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Reads the first row of every async source before anything is sent: a failure there (a bad
 * filter, a refused access, a database error on the first page) still answers as a JSON error. */
async function primed(t: Table): Promise<Table> {
  if (!(Symbol.asyncIterator in t.rows)) return t;
  const it = t.rows[Symbol.asyncIterator]();
  const first = await it.next();
  async function* rows() {
    if (first.done) return;
    yield first.value;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { ...t, rows: rows() };
}

type FileReply = { header(k: string, v: string): unknown; type(t: string): { send(b: Buffer | Readable): unknown } };

/**
 * Sends one table (or several: sheets of one workbook, sections of one CSV) as a streamed download.
 * Errors before the first byte (including the first page of an async source) are thrown, so the
 * error handler answers with JSON; a failure after that destroys the stream and the response is
 * aborted (the connection closes without the end of the chunked body), so a client never mistakes a
 * cut file for a complete one.
 */
export async function sendTable(reply: FileReply, baseName: string, format: 'csv' | 'xlsx', tables: Table | Table[]) {
  const list = await Promise.all((Array.isArray(tables) ? tables : [tables]).map(primed));
  reply.header('Content-Disposition', attachment(`${baseName}.${format}`));
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(csvStream(list));
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(xlsxStream(list));
}
