// The counterparty import, pure part: recognising the header and reading one row into typed cells.
//
// Columns are found by their Russian or English names (case, "ё" and spacing do not matter), in
// any order; the ones of the app's own contact information report export are recognised too (its
// «Объект»/"Object" column: rows that are not counterparties are skipped; «Контрагент» and
// «Должность» are ignored). An empty cell leaves the card's value as it is: an import never erases.
import type { CounterpartyKind } from '../../../shared/api/counterparties.js';
import type { ContactInfoKind } from '../../../shared/api/contact-info.js';
import { IMPORT_HEADERS, IMPORT_IGNORED_HEADERS, normalizeHeader } from '../../../shared/counterparty-import.js';
import { textProblem } from '../../plugins/input-safety.js';

export type Field =
  | 'name'
  | 'fullName'
  | 'kind'
  | 'inn'
  | 'kpp'
  | 'isCustomer'
  | 'isSupplier'
  | 'responsible'
  | 'comment'
  | 'objectType'
  | 'ignored'
  | ContactInfoKind;

const HEADERS: Record<Exclude<Field, 'ignored'>, readonly string[]> = IMPORT_HEADERS;
const IGNORED = IMPORT_IGNORED_HEADERS;
export const CONTACT_FIELDS: ContactInfoKind[] = [
  'phone',
  'fax',
  'email',
  'website',
  'legalAddress',
  'actualAddress',
  'postalAddress',
  'other',
];

const norm = normalizeHeader;

const BY_HEADER = new Map<string, Field>([
  ...Object.entries(HEADERS).flatMap(([f, names]) => names.map((n) => [n, f as Field] as const)),
  ...IGNORED.map((n) => [n, 'ignored' as Field] as const),
]);

export interface ImportProblem {
  line: number;
  field: string;
  code: string;
  message: string;
}

/** The field of each column, or the header's problem (line 1). */
export function mapHeader(cells: string[]): { fields: Field[]; problem: ImportProblem | null } {
  const fields = cells.map((c) => BY_HEADER.get(norm(c)) ?? null);
  const unknown = cells.filter((_, i) => fields[i] === null && cells[i].trim() !== '');
  const known = fields.filter((f): f is Field => f !== null && f !== 'ignored');
  const repeated = known.filter((f, i) => known.indexOf(f) !== i);
  const parts = [
    known.includes('name') ? '' : 'missing column: Наименование (Name)',
    unknown.length ? `unknown columns: ${unknown.join(', ')}` : '',
    repeated.length ? `repeated columns: ${[...new Set(repeated)].join(', ')}` : '',
  ].filter(Boolean);
  const problem = parts.length ? { line: 1, field: 'header', code: 'import_header_invalid', message: parts.join('; ') } : null;
  return { fields: fields.map((f) => f ?? 'ignored'), problem };
}

const KINDS: Record<string, CounterpartyKind> = {
  'юридическое лицо': 'legalEntity',
  'юр. лицо': 'legalEntity',
  'legal entity': 'legalEntity',
  legalentity: 'legalEntity',
  'индивидуальный предприниматель': 'soleTrader',
  ип: 'soleTrader',
  'sole trader': 'soleTrader',
  soletrader: 'soleTrader',
  'физическое лицо': 'individual',
  'физ. лицо': 'individual',
  individual: 'individual',
};
const YES = new Set(['да', 'yes', '1', 'true', 'д', 'y']);
const NO = new Set(['нет', 'no', '0', 'false', 'н', 'n']);
const COUNTERPARTY_OBJECT = new Set(['контрагент', 'counterparty']);

export interface ImportRow {
  line: number;
  name: string;
  fullName: string | null;
  kind: CounterpartyKind | null;
  inn: string | null;
  kpp: string | null;
  isCustomer: boolean | null;
  isSupplier: boolean | null;
  /** A user's e-mail, lower-cased. */
  responsible: string | null;
  comment: string | null;
  contacts: { kind: ContactInfoKind; value: string }[];
}

const LIMITS: Partial<Record<Field, number>> = { name: 200, fullName: 500, comment: 4000 };

/** One data row: the typed row (null when it is not a counterparty or has problems) and its problems. */
export function readRow(
  line: number,
  fields: Field[],
  cells: string[],
): { row: ImportRow | null; skip: boolean; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const bad = (field: string, code: string, message: string) => problems.push({ line, field, code, message });
  const get = (f: Field) => {
    const i = fields.indexOf(f);
    return i < 0 ? '' : (cells[i] ?? '').trim();
  };
  const objectType = get('objectType');
  if (objectType && !COUNTERPARTY_OBJECT.has(norm(objectType))) return { row: null, skip: true, problems };
  // The rules of every other body: no control characters or lone surrogates in what is stored.
  fields.forEach((f, i) => {
    const p = f === 'ignored' || !cells[i] ? null : textProblem(cells[i]);
    if (p) bad(f, p.code ?? 'invalid', p.message);
  });
  if (cells.length > fields.length && cells.slice(fields.length).some((c) => c.trim() !== ''))
    bad('(row)', 'columns_count', `${cells.length} fields, the header has ${fields.length}`);
  const text = (f: 'name' | 'fullName' | 'comment') => {
    const v = get(f);
    if (v.length > LIMITS[f]!) bad(f, 'too_long', `must be at most ${LIMITS[f]} characters`);
    return v || null;
  };
  const name = text('name');
  if (!name) bad('name', 'required', 'is required');
  const yesNo = (f: 'isCustomer' | 'isSupplier') => {
    const v = norm(get(f));
    if (!v) return null;
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    bad(f, 'boolean_invalid', 'must be да/нет, yes/no or 1/0');
    return null;
  };
  const rawKind = get('kind');
  const kind = rawKind ? (KINDS[norm(rawKind)] ?? null) : null;
  if (rawKind && !kind) bad('kind', 'kind_invalid', 'must be Юридическое лицо, Индивидуальный предприниматель or Физическое лицо');
  const responsible = get('responsible').toLowerCase() || null;
  const contacts = CONTACT_FIELDS.flatMap((k) => {
    const value = get(k);
    if (value.length > 500) bad(k, 'too_long', 'must be at most 500 characters');
    return value ? [{ kind: k, value }] : [];
  });
  const row: ImportRow = {
    line,
    name: name ?? '',
    fullName: text('fullName'),
    kind,
    // Spreadsheets often turn an INN into a number; spaces inside are typing, not content.
    inn: get('inn').replace(/\s/g, '') || null,
    kpp: get('kpp').replace(/\s/g, '').toUpperCase() || null,
    isCustomer: yesNo('isCustomer'),
    isSupplier: yesNo('isSupplier'),
    responsible,
    comment: text('comment'),
    contacts,
  };
  return { row: problems.length ? null : row, skip: false, problems };
}

/** A new card's kind when the file does not say: a 12-digit INN is a sole trader's, the rest organisations. */
export const defaultKind = (inn: string | null): CounterpartyKind => (inn && inn.length === 12 ? 'soleTrader' : 'legalEntity');

/** ';' unless the header line (outside quotes) holds more commas than semicolons. */
export function detectDelimiter(text: string): ';' | ',' {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  return count(',') > count(';') ? ',' : ';';
}
