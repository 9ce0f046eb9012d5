import { describe, expect, it } from 'vitest';
import { detectDelimiter, groupIntoSales, lineOf, parseDate, readSalesCsv } from './sales-import.logic.js';

describe('sales import logic', () => {
  it('detects the delimiter from the header, ignoring quoted text', () => {
    expect(detectDelimiter('date;counterparty;quantity;amount\n1,5')).toBe(';');
    expect(detectDelimiter('date,counterparty,quantity,amount')).toBe(',');
    expect(detectDelimiter('"a;b;c",date,counterparty')).toBe(',');
  });

  it('reads both date forms and refuses impossible dates', () => {
    expect(parseDate('2026-11-30')).toBe('2026-11-30');
    expect(parseDate('30.11.2026')).toBe('2026-11-30');
    expect(parseDate('29.02.2026')).toBeNull();
    expect(parseDate('11/30/2026')).toBeNull();
  });

  it('price is the amount per unit to the kopeck; VAT is included at the product rate', () => {
    const row = { line: 2, date: '2026-11-30', counterparty: 'x', sku: null, description: 'x', quantity: 3000, amount: 10000, cost: null };
    expect(lineOf(row, null)).toMatchObject({ price: 3333, cost: 0, vatRate: 'none', vatAmount: 0 });
    expect(lineOf(row, { id: 'p', costPrice: 1999, vatRate: '22' })).toMatchObject({ price: 3333, cost: 5997, vatAmount: 1803 });
  });

  it('takes spaces between thousands and reports a line with too many fields', () => {
    const { rows, problems } = readSalesCsv(
      'date;counterparty;description;quantity;amount\n2026-11-30;A;x;1;1 234,5\n2026-11-30;A;x;1;1;9\n',
    );
    expect(rows.map((r) => r.amount)).toEqual([123450]);
    expect(problems).toEqual([{ line: 3, code: 'columns_count', message: '6 fields, the header has 5' }]);
  });

  it('an unclosed quote is one problem at its line', () => {
    const { problems } = readSalesCsv('date;counterparty;description;quantity;amount\n2026-11-30;"A;x;1;1\n');
    expect(problems[0]).toMatchObject({ code: 'csv_malformed' });
  });

  it('groups rows by date and counterparty in file order', () => {
    const g = groupIntoSales([
      { date: 'd1', counterpartyId: 'a', n: 1 },
      { date: 'd1', counterpartyId: 'b', n: 2 },
      { date: 'd1', counterpartyId: 'a', n: 3 },
    ]);
    expect(g.map((x) => x.rows.map((r) => r.n))).toEqual([[1, 3], [2]]);
  });
});
