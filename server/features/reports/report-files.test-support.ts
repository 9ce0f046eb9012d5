// Readers for the tests of exported files: CSV parsed by RFC 4180 (quotes, doubled quotes, separators
// and line breaks inside quotes), XLSX read back with exceljs as typed cells.
import ExcelJS from 'exceljs';

/** Rows of fields of a CSV file (BOM dropped); `\r\n` or `\n` ends a record. */
export function parseCsv(bytes: Buffer | string, delimiter: ';' | ','): string[][] {
  const s = (typeof bytes === 'string' ? bytes : bytes.toString('utf8')).replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\n' || (ch === '\r' && s[i + 1] === '\n')) {
      if (ch === '\r') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

export interface XlsxCell {
  type: ExcelJS.ValueType;
  value: ExcelJS.CellValue;
  numFmt: string | undefined;
  bold: boolean;
}

/** Every sheet of a workbook as rows of typed cells (row 1 is the header). */
export async function readXlsx(bytes: Buffer): Promise<{ name: string; sheet: ExcelJS.Worksheet; rows: XlsxCell[][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((sheet) => {
    const rows: XlsxCell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (r, n) => {
      const cells: XlsxCell[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = r.getCell(c);
        cells.push({ type: cell.type, value: cell.value, numFmt: cell.numFmt, bold: !!cell.font?.bold });
      }
      rows[n - 1] = cells;
    });
    return { name: sheet.name, sheet, rows };
  });
}

/** Every cell value of every sheet that is text (for "nothing starts with an apostrophe" checks). */
export const textsOf = (sheets: { rows: XlsxCell[][] }[]) =>
  sheets.flatMap((s) => s.rows.flatMap((r) => r.filter((c) => typeof c.value === 'string').map((c) => c.value as string)));
