// The sales CSV import, pure part: reading the file into checked rows and folding rows into sales.
//
// The file: UTF-8 (a BOM is dropped), a header on line 1 naming the columns — by name, in any order,
// case-insensitive: date, counterparty, quantity, amount (required), sku, description, cost
// (optional) —, ';' or ',' as the delimiter (whichever the header line uses), fields quoted with '"'
// when they hold the delimiter (so "1,5" is one field in a comma file). Dates are YYYY-MM-DD or
// DD.MM.YYYY; numbers take a point or a comma and spaces between thousands.
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { DateTime } from 'luxon';
import { divRound, parseMoney, parseQuantity, quantityTimesPrice, vatIncluded, type VatRate } from '../../../shared/money.js';
import { isStorableDate } from '../../lib/time.js';
import type { NewSaleLine } from './sales.logic.js';

export const COLUMNS = ['date', 'counterparty', 'sku', 'description', 'quantity', 'amount', 'cost'] as const;
export type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = ['date', 'counterparty', 'quantity', 'amount'];
/** The most lines one file may carry; the whole file is one transaction. */
export const MAX_ROWS = 50_000;

export interface ImportProblem {
  line: number;
  field?: string;
  code: string;
  message: string;
}

export interface ImportRow {
  line: number;
  date: string;
  counterparty: string;
  sku: string | null;
  description: string | null;
  quantity: number;
  amount: number;
  /** null: from the product's cost price. */
  cost: number | null;
}

/** ';' unless the header line (outside quotes) holds more commas than semicolons. */
export function detectDelimiter(text: string): ';' | ',' {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  return count(',') > count(';') ? ',' : ';';
}

const number = (s: string) => s.replace(/[\s\u00a0]/g, '');

export function parseDate(s: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : s;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !DateTime.fromISO(iso, { zone: 'UTC' }).isValid || !isStorableDate(iso)) return null;
  return iso;
}

/** Reads the file; every problem of every line is collected, the header's included. */
export function readSalesCsv(text: string): { rows: ImportRow[]; problems: ImportProblem[] } {
  const body = text.replace(/^\uFEFF/, '');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter: detectDelimiter(body),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (e) {
    // csv-parse puts the line it stopped at on the error.
    const at = e instanceof CsvError ? (e as unknown as { lines?: unknown }).lines : undefined;
    const line = typeof at === 'number' ? at : 1;
    return { rows: [], problems: [{ line, code: 'csv_malformed', message: e instanceof Error ? e.message : 'the file is not CSV' }] };
  }
  if (records.length === 0)
    return { rows: [], problems: [{ line: 1, field: 'header', code: 'header_invalid', message: 'the file is empty' }] };
  const header = records[0].record.map((h) => h.toLowerCase());
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  if (unknown.length || missing.length || repeated.length) {
    const parts = [
      missing.length ? `missing columns: ${missing.join(', ')}` : '',
      unknown.length ? `unknown columns: ${unknown.join(', ')}` : '',
      repeated.length ? `repeated columns: ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    const message = `${parts.join('; ')} (expected ${COLUMNS.join(';')})`;
    return { rows: [], problems: [{ line: 1, field: 'header', code: 'header_invalid', message }] };
  }
  if (records.length - 1 > MAX_ROWS)
    return { rows: [], problems: [{ line: MAX_ROWS + 2, code: 'too_many_rows', message: `at most ${MAX_ROWS} lines per file` }] };
  const index = new Map(header.map((h, i) => [h as Column, i]));
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const get = (c: Column) => (index.has(c) ? (record[index.get(c)!] ?? '') : '');
    const bad = (field: Column, code: string, message: string) => problems.push({ line, field, code, message });
    if (record.length > header.length) {
      problems.push({ line, code: 'columns_count', message: `${record.length} fields, the header has ${header.length}` });
      continue;
    }
    const date = parseDate(get('date'));
    if (!date) bad('date', 'date_invalid', 'must be a date: YYYY-MM-DD or DD.MM.YYYY');
    const counterparty = get('counterparty');
    if (!counterparty) bad('counterparty', 'required', 'an INN or the exact name of a counterparty is required');
    const sku = get('sku') || null;
    const description = get('description') || null;
    if (!sku && !description) bad('description', 'required', 'a line without a SKU needs a description');
    if (description && description.length > 300) bad('description', 'too_long', 'must be at most 300 characters');
    const quantity = parseQuantity(number(get('quantity')));
    if (quantity === null || quantity <= 0 || quantity > 999_999_999_999)
      bad('quantity', 'quantity_invalid', 'must be a number greater than 0 with at most 3 decimals');
    const amount = parseMoney(number(get('amount')));
    if (amount === null || amount > 99_999_999_999_999) bad('amount', 'amount_invalid', 'must be a number ≥ 0 with at most 2 decimals');
    const rawCost = get('cost');
    const cost = rawCost === '' ? null : parseMoney(number(rawCost));
    if (rawCost !== '' && (cost === null || cost > 99_999_999_999_999))
      bad('cost', 'cost_invalid', 'must be a number ≥ 0 with at most 2 decimals');
    if (problems.some((p) => p.line === line)) continue;
    rows.push({ line, date: date!, counterparty, sku, description, quantity: quantity!, amount: amount!, cost });
  }
  return { rows, problems };
}

export interface ResolvedProduct {
  id: string;
  costPrice: number;
  vatRate: VatRate;
}

/** A checked row as a sale line: price = amount / quantity to the kopeck; VAT at the product's rate, included. */
export function lineOf(row: ImportRow, product: ResolvedProduct | null): NewSaleLine {
  const vatRate: VatRate = product?.vatRate ?? 'none';
  return {
    productId: product?.id ?? null,
    description: row.description,
    quantity: row.quantity,
    price: Number(divRound(BigInt(row.amount) * 1000n, BigInt(row.quantity))),
    amount: row.amount,
    cost: row.cost ?? (product ? quantityTimesPrice(row.quantity, product.costPrice) : 0),
    vatRate,
    vatAmount: vatIncluded(row.amount, vatRate),
  };
}

/** Rows with the same date and counterparty are one sale, in the order the file first names them. */
export function groupIntoSales<T extends { date: string; counterpartyId: string }>(
  rows: T[],
): { date: string; counterpartyId: string; rows: T[] }[] {
  const groups = new Map<string, { date: string; counterpartyId: string; rows: T[] }>();
  for (const r of rows) {
    const key = `${r.date}|${r.counterpartyId}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { date: r.date, counterpartyId: r.counterpartyId, rows: [] }));
    g.rows.push(r);
  }
  return [...groups.values()];
}
