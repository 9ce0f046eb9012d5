// POST /api/counterparties/import on the web side: the first rows of a chosen file for the preview,
// the columns as the server will recognise them, and the upload itself (CSV or XLSX as it is).
import type { TFunction } from 'i18next';
import type { ErrorBody } from '../../../shared/api/common';
import { ApiError } from '../../api/client';
import { IMPORT_HEADERS, IMPORT_IGNORED_HEADERS, normalizeHeader } from '../../../shared/counterparty-import';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

// The same table the server reads the file with.
const HEADERS: Record<string, readonly string[]> = { ...IMPORT_HEADERS, ignored: IMPORT_IGNORED_HEADERS };
const norm = normalizeHeader;

/** The field a header cell names: a key of `counterpartyImport.fields`, 'ignored', or null when unknown. */
export function fieldOf(header: string): string | null {
  const h = norm(header);
  return Object.entries(HEADERS).find(([, names]) => names.includes(h))?.[0] ?? null;
}

/** The first `count` records of CSV text (quotes and doubled quotes understood), ';' or ',' as the header uses. */
export function csvPreview(text: string, count: number): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const first = (body.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const delimiter = first.split(',').length > first.split(';').length ? ',' : ';';
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length && records.length < count; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      record.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      record.push(cell);
      if (record.some((v) => v.trim() !== '')) records.push(record.map((v) => v.trim()));
      record = [];
      cell = '';
    } else cell += c;
  }
  if (records.length < count && (cell || record.length)) records.push([...record, cell].map((v) => v.trim()));
  return records;
}

export const isXlsx = (file: File) => /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE;

/** The first rows of the chosen file as text cells. */
export async function previewOf(file: File, count = 6): Promise<string[][]> {
  if (!isXlsx(file)) return csvPreview(await file.slice(0, 256 * 1024).text(), count);
  // The spreadsheet library is large: loaded only when an XLSX file is chosen.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await file.arrayBuffer());
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let n = 1; n <= sheet.rowCount && rows.length < count; n++) {
    const row = sheet.getRow(n);
    const cells = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).text ?? '');
    if (cells.some((c) => c.trim() !== '')) rows.push(cells);
  }
  return rows;
}

/** Sends the file as it is; dryRun checks and counts without writing. */
export async function uploadCounterparties(file: File, dryRun: boolean): Promise<ImportResult> {
  const res = await fetch(`/api/counterparties/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': isXlsx(file) ? XLSX_TYPE : 'text/csv', Accept: 'application/json' },
    body: file,
  }).catch(() => {
    throw new ApiError(0, 'network_error', 'Network error');
  });
  const body = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return body as ImportResult;
  const error = (body as Partial<ErrorBody> | null)?.error;
  if (error && typeof error.code === 'string') {
    const e = error as Partial<ErrorBody['error']> & { total?: unknown; lines?: unknown };
    if (typeof e.total === 'number' && typeof e.lines === 'number')
      throw new ImportProblems(res.status, error.code, error.message, error.details ?? [], e.total, e.lines);
    throw new ApiError(res.status, error.code, error.message, error.details ?? []);
  }
  throw new ApiError(res.status, res.status >= 500 ? 'internal_error' : 'http_error', res.statusText || `HTTP ${res.status}`);
}

/** A refused file: the answer lists the first problems by line and counts them all. */
export class ImportProblems extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    details: ApiError['details'],
    readonly total: number,
    readonly lines: number,
  ) {
    super(status, code, message, details);
  }
}

/** "the first N of M problems" when the answer lists fewer problems than the file has; else null. */
export function problemsCut(err: unknown): { shown: number; total: number; lines: number } | null {
  if (!(err instanceof ImportProblems) || err.total <= err.details.length) return null;
  return { shown: err.details.length, total: err.total, lines: err.lines };
}

export interface ErrorRow {
  line: number | null;
  field: string;
  message: string;
}

/** Every refused line in the user's language, by line; the server's message when no text is known. */
export function errorRows(err: unknown, t: TFunction): ErrorRow[] {
  if (!(err instanceof ApiError)) return [{ line: null, field: '', message: err instanceof Error ? err.message : String(err) }];
  if (err.details.length === 0)
    return [{ line: null, field: '', message: t(`errors.codes.${err.code}`, { defaultValue: '' }) || err.message }];
  return (err.details as { field?: string; line?: number; message: string; code?: string }[])
    .map((d) => ({
      line: typeof d.line === 'number' ? d.line : null,
      field: d.field ? t(`counterpartyImport.fields.${d.field}`, { defaultValue: d.field }) : '',
      message:
        (d.code && (t(`errors.fields.${d.code}`, { defaultValue: '' }) || t(`errors.codes.${d.code}`, { defaultValue: '' }))) || d.message,
    }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
