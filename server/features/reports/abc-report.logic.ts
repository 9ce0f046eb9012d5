// «АВС-анализ покупателей» and the class movement: the JSON carries codes, the exported table
// carries the user's words and number cells.
import { formatMoney } from '../../../shared/money.js';
import type { AbcMovement, AbcReport } from '../../../shared/api/reports.js';
import { num, text, type Cell, type Table } from '../../lib/export.js';

type Lang = 'ru' | 'en';
type AbcCode = 'A' | 'B' | 'C';
type XyzCode = 'X' | 'Y' | 'Z' | null;

export const ABC_REPORT_TITLE: Record<Lang, string> = { ru: 'АВС-анализ покупателей', en: 'ABC analysis of customers' };

const CLASSES: AbcCode[] = ['A', 'B', 'C'];
const XYZ: XyzCode[] = ['X', 'Y', 'Z', null];
const MOVE: ('A' | 'B' | 'C' | 'none')[] = ['A', 'B', 'C', 'none'];

export interface Cellsum {
  abcClass: AbcCode;
  xyzClass: XyzCode;
  count: number;
  amount: number;
  positive: number;
}

/** part / total as a percent with two places, rounded half up; "0.00" when not positive. */
export function percentText(part: number, total: number): string {
  if (part <= 0 || total <= 0) return '0.00';
  const hundredths = (BigInt(part) * 20000n + BigInt(total)) / (2n * BigInt(total));
  const s = hundredths.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Per class and per ABC × XYZ cell, every class and cell present (zeros included) so charts keep their axes. */
export function summarise(cells: Cellsum[], total: number): Pick<AbcReport, 'classes' | 'matrix' | 'totals'> {
  const classes = CLASSES.map((c) => {
    const mine = cells.filter((x) => x.abcClass === c);
    const sum = (k: 'count' | 'amount' | 'positive') => mine.reduce((s, x) => s + x[k], 0);
    return { class: c, count: sum('count'), amount: formatMoney(sum('amount')), share: percentText(sum('positive'), total) };
  });
  const matrix = CLASSES.flatMap((a) =>
    XYZ.map((z) => {
      const cell = cells.find((x) => x.abcClass === a && x.xyzClass === z);
      return { abcClass: a, xyzClass: z, count: cell?.count ?? 0, amount: formatMoney(cell?.amount ?? 0) };
    }),
  );
  return {
    classes,
    matrix,
    totals: { count: cells.reduce((s, x) => s + x.count, 0), amount: formatMoney(cells.reduce((s, x) => s + x.amount, 0)) },
  };
}

/** The full movement grid: every pair but none → none, zeros included. */
export function movementMatrix(rows: { fromClass: string | null; toClass: string | null; count: number }[]): AbcMovement['matrix'] {
  const key = (c: string | null) => (c ?? 'none') as (typeof MOVE)[number];
  return MOVE.flatMap((f) =>
    MOVE.filter((t) => !(f === 'none' && t === 'none')).map((t) => ({
      fromClass: f,
      toClass: t,
      count: rows.filter((r) => key(r.fromClass) === f && key(r.toClass) === t).reduce((s, r) => s + r.count, 0),
    })),
  );
}

const HEADERS: Record<Lang, string[]> = {
  ru: ['№', 'Покупатель', 'Ответственный', 'Сумма', 'Доля', 'Доля нарастающим итогом', 'Класс ABC', 'Класс XYZ', 'Коэффициент вариации'],
  en: ['#', 'Customer', 'Responsible', 'Amount', 'Share', 'Cumulative share', 'ABC class', 'XYZ class', 'Coefficient of variation'],
};
const TOTAL: Record<Lang, string> = { ru: 'Итого', en: 'Total' };

/** "12.34" (percent) -> 0.1234, a share as the workbook's percent format wants it. */
const fraction = (p: string | null) => (p === null ? null : Number(p) / 100);

export function abcReportTable(r: AbcReport, lang: Lang, timeZone: string): Table<Cell[][]> {
  const rows: Cell[][] = r.customers.map((c, i) => [
    num(i + 1),
    text(c.name),
    text(c.responsibleUserName),
    num(Number(c.amount), { format: 'money' }),
    num(fraction(c.share), { format: 'percent' }),
    num(fraction(c.cumulativeShare), { format: 'percent' }),
    text(c.abcClass),
    text(c.xyzClass),
    num(fraction(c.variation), { format: 'percent' }),
  ]);
  const b = { bold: true };
  rows.push([null, text(TOTAL[lang], b), null, num(Number(r.totals.amount), { format: 'money', ...b }), null, null, null, null, null]);
  const head = r.classification;
  return { title: `${ABC_REPORT_TITLE[lang]} №${head.number}`, headers: HEADERS[lang], rows, lang, timeZone };
}
