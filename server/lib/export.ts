import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/** Neutralises spreadsheet formulas: text starting with = + - @ tab or CR gets a leading apostrophe.
 * A plain number (including a negative one) stays as it is. */
export function neutralize(value: string): string {
  if (value === '' || PLAIN_NUMBER.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
}

/** CSV in UTF-8 with a BOM so spreadsheet programs read Cyrillic; ';' for Russian locales. */
export function toCsv(t: Table, lang: 'ru' | 'en'): Buffer {
  const text = stringify([t.headers, ...t.rows.map((r) => r.map(neutralize))], {
    delimiter: lang === 'ru' ? ';' : ',',
    record_delimiter: 'windows',
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

// A phone such as "+7 (812) 555-12-34" in a text cell of a workbook cannot run anything, and an
// apostrophe there would show as a real character; CSV still gets the prefix (no cell types there).
const PHONE_LIKE = /^\+[\d\s()-]{5,}$/;
const neutralizeCell = (v: string) => (PHONE_LIKE.test(v) ? v : neutralize(v));

export async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trade CRM';
  const ws = wb.addWorksheet(t.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  ws.addRow(t.headers).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map(neutralizeCell));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.headers.length } };
  t.headers.forEach((h, i) => {
    const longest = Math.max(h.length, ...t.rows.slice(0, 500).map((r) => (r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** RFC 5987 Content-Disposition for a file name that may hold Cyrillic. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends a table as a CSV or XLSX download. */
export async function sendTable(
  reply: { header(k: string, v: string): unknown; type(t: string): { send(b: Buffer): unknown } },
  baseName: string,
  format: 'csv' | 'xlsx',
  table: Table,
  lang: 'ru' | 'en',
) {
  reply.header('Content-Disposition', attachment(`${baseName}.${format}`));
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(table, lang));
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(table));
}
