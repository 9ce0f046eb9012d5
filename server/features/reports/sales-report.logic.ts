// «Продажи»: the sales of a period folded by one or two groupings, with gross profit, margin and
// each group's share of the revenue. Sums stay in integer kopecks and thousandths until formatted.
import { DateTime } from 'luxon';
import { formatMoney, formatQuantity } from '../../../shared/money.js';
import type { SalesGrouping, SalesReport, SalesReportRow } from '../../../shared/api/reports.js';
import type { SalesAggregate } from './sales-report.repo.js';
import { date, num, text, type Cell, type Table } from '../../lib/export.js';

type Lang = 'ru' | 'en';

export const NO_PRODUCT: Record<Lang, string> = { ru: 'Без номенклатуры', en: 'No product' };
export const NO_RESPONSIBLE: Record<Lang, string> = { ru: '<не указан>', en: '<not set>' };

interface Sums {
  quantity: number;
  revenue: number;
  cost: number;
}
interface Group extends Sums {
  key: string | null;
  label: string | null;
  children: Map<string, Group>;
}

/** The first and last day of the month that holds `today` (a date in the company's zone). */
export function currentMonth(today: string): { from: string; to: string } {
  const d = DateTime.fromISO(today, { zone: 'UTC' });
  return { from: d.startOf('month').toISODate()!, to: d.endOf('month').toISODate()! };
}

export function monthLabel(month: string, lang: Lang): string {
  const s = DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).setLocale(lang).toFormat('LLLL yyyy');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The JSON carries ids and names that are data; «Без номенклатуры», «<не указан>» and month names
 * are the screen's and the file's words (null label). */
function keyOf(a: SalesAggregate, g: SalesGrouping): { key: string | null; label: string | null } {
  switch (g) {
    case 'customer':
      return { key: a.counterpartyId, label: a.counterpartyName ?? '' };
    case 'product':
      return a.productId ? { key: a.productId, label: `${a.productSku} ${a.productName}` } : { key: null, label: null };
    case 'responsible':
      return a.responsibleUserId ? { key: a.responsibleUserId, label: a.responsibleName ?? '' } : { key: null, label: null };
    case 'month':
      return { key: (a.date ?? '').slice(0, 7), label: null };
  }
}

/** A row's value in a language, for the file. */
export function rowLabel(row: Pick<SalesReportRow, 'grouping' | 'key' | 'label'>, lang: Lang): string {
  if (row.label !== null) return row.label;
  if (row.grouping === 'month' && row.key) return monthLabel(row.key, lang);
  return row.grouping === 'product' ? NO_PRODUCT[lang] : NO_RESPONSIBLE[lang];
}

function add(into: Map<string, Group>, k: { key: string | null; label: string | null }, a: SalesAggregate): Group {
  const id = k.key ?? '';
  let g = into.get(id);
  if (!g) into.set(id, (g = { ...k, quantity: 0, revenue: 0, cost: 0, children: new Map() }));
  g.quantity += a.quantity;
  g.revenue += a.revenue;
  g.cost += a.cost;
  return g;
}

/** Months in calendar order; everything else by revenue, largest first, then by name. */
function ordered(groups: Map<string, Group>, g: SalesGrouping, lang: Lang): Group[] {
  const list = [...groups.values()];
  if (g === 'month') return list.sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  const collator = new Intl.Collator(lang);
  return list.sort((a, b) => b.revenue - a.revenue || collator.compare(a.label ?? '', b.label ?? ''));
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

export function buildSalesReport(
  aggregates: SalesAggregate[],
  opts: { groupBy: SalesGrouping; thenBy: SalesGrouping | null; lang: Lang },
): Pick<SalesReport, 'rows' | 'totals'> {
  const { groupBy, thenBy, lang } = opts;
  const top = new Map<string, Group>();
  const total: Sums = { quantity: 0, revenue: 0, cost: 0 };
  for (const a of aggregates) {
    const g = add(top, keyOf(a, groupBy), a);
    if (thenBy) add(g.children, keyOf(a, thenBy), a);
    total.revenue += a.revenue;
    total.cost += a.cost;
  }
  const row = (g: Group, level: number, grouping: SalesGrouping, withQuantity: boolean): SalesReportRow => ({
    level,
    grouping,
    key: g.key,
    label: g.label,
    // Quantities of different products (and units) do not add up: only a product row, or a row under one, has one.
    quantity: withQuantity ? formatQuantity(g.quantity) : null,
    revenue: formatMoney(g.revenue),
    cost: formatMoney(g.cost),
    grossProfit: formatMoney(g.revenue - g.cost),
    margin: ratio(g.revenue - g.cost, g.revenue),
    share: ratio(g.revenue, total.revenue),
  });
  const rows: SalesReportRow[] = [];
  for (const g of ordered(top, groupBy, lang)) {
    rows.push(row(g, 0, groupBy, groupBy === 'product'));
    if (!thenBy) continue;
    for (const c of ordered(g.children, thenBy, lang)) rows.push(row(c, 1, thenBy, groupBy === 'product' || thenBy === 'product'));
  }
  return {
    rows,
    totals: {
      revenue: formatMoney(total.revenue),
      cost: formatMoney(total.cost),
      grossProfit: formatMoney(total.revenue - total.cost),
      margin: ratio(total.revenue - total.cost, total.revenue),
      sales: 0,
    },
  };
}

// --- The file (CSV/XLSX): money and quantities are number cells, months are date cells --------

export const SALES_REPORT_TITLE: Record<Lang, string> = { ru: 'Продажи', en: 'Sales' };

const GROUP_LABELS: Record<SalesGrouping, Record<Lang, string>> = {
  customer: { ru: 'Покупатель', en: 'Customer' },
  product: { ru: 'Номенклатура', en: 'Product' },
  responsible: { ru: 'Ответственный', en: 'Responsible' },
  month: { ru: 'Месяц', en: 'Month' },
};
const HEADERS: Record<Lang, string[]> = {
  ru: ['Группировка', 'Значение', 'Количество', 'Выручка', 'Себестоимость', 'Валовая прибыль', 'Рентабельность', 'Доля выручки'],
  en: ['Grouping', 'Value', 'Quantity', 'Revenue', 'Cost', 'Gross profit', 'Margin', 'Share of revenue'],
};
const TOTAL: Record<Lang, string> = { ru: 'Итого', en: 'Total' };

/** "1234.50" -> 1234.5 for a number cell (exact enough: a spreadsheet holds doubles anyway). */
const decimal = (s: string | null) => (s === null ? null : Number(s));

export function salesReportTable(r: SalesReport, lang: Lang, timeZone: string): Table<Cell[][]> {
  const rows: Cell[][] = r.rows.map((row) => {
    const bold = row.level === 0 && r.thenBy !== null;
    const value =
      row.grouping === 'month' && row.key
        ? date(`${row.key}-01`, { format: 'month', bold })
        : text(rowLabel(row, lang), { indent: row.level, bold });
    return [
      text(GROUP_LABELS[row.grouping as SalesGrouping][lang], { bold }),
      value,
      num(decimal(row.quantity), { bold }),
      num(decimal(row.revenue), { format: 'money', bold }),
      num(decimal(row.cost), { format: 'money', bold }),
      num(decimal(row.grossProfit), { format: 'money', bold }),
      num(row.margin, { format: 'percent', bold }),
      num(row.share, { format: 'percent', bold }),
    ];
  });
  const b = { bold: true };
  rows.push([
    text(TOTAL[lang], b),
    null,
    null,
    num(decimal(r.totals.revenue), { format: 'money', ...b }),
    num(decimal(r.totals.cost), { format: 'money', ...b }),
    num(decimal(r.totals.grossProfit), { format: 'money', ...b }),
    num(r.totals.margin, { format: 'percent', ...b }),
    num(r.totals.revenue === '0.00' ? null : 1, { format: 'percent', ...b }),
  ]);
  return { title: SALES_REPORT_TITLE[lang], headers: HEADERS[lang], rows, lang, timeZone };
}
