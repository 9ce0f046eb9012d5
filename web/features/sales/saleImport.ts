// POST /api/sales/import: what the dialog tells the user before and after sending a file.
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

/** The file's columns in order (the header line names them). */
export const IMPORT_COLUMNS = ['date', 'counterparty', 'sku', 'description', 'quantity', 'amount', 'cost'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const IMPORT_EXAMPLE = [
  IMPORT_COLUMNS.join(';'),
  '2026-11-02;7707083893;A-100;;3;3600.00;2400.00',
  '2026-11-02;ООО «Ромашка»;;Доставка;1;1500.00;0',
].join('\n');

export interface ImportErrorRow {
  /** The file's line (the header is line 1); null when the refusal is about the whole file. */
  line: number | null;
  /** The column in the user's language, '' for the whole line or file. */
  field: string;
  message: string;
}

interface Detail {
  field?: string;
  line?: number;
  message: string;
  code?: string;
}

/** A column as the server names it ("quantity", "lines.3.quantity", "3.quantity") -> its label. */
function columnLabel(field: string | undefined, t: TFunction): string {
  if (!field) return '';
  const last = field.split('.').pop() ?? field;
  return t(`sales.import.columns.${last}`, { defaultValue: field });
}

function detailText(d: Detail, t: TFunction): string {
  if (!d.code) return d.message;
  for (const key of [`sales.import.codes.${d.code}`, `sales.errors.${d.code}`, `errors.fields.${d.code}`, `errors.codes.${d.code}`]) {
    const text = t(key, { defaultValue: '' });
    if (text) return text;
  }
  return d.message;
}

/**
 * Every refused line of a 422 `import_invalid` (or another refusal of the file) as rows of the error
 * table, in the user's language, ordered by line; the server's own message when no text is known.
 */
export function importErrorRows(err: unknown, t: TFunction): ImportErrorRow[] {
  if (!(err instanceof ApiError)) return [{ line: null, field: '', message: err instanceof Error ? err.message : String(err) }];
  const details = err.details as Detail[];
  if (details.length === 0) {
    const own = t(`sales.import.codes.${err.code}`, { defaultValue: '' }) || t(`errors.codes.${err.code}`, { defaultValue: '' });
    return [{ line: null, field: '', message: own || err.message }];
  }
  return details
    .map((d) => ({ line: typeof d.line === 'number' ? d.line : null, field: columnLabel(d.field, t), message: detailText(d, t) }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
