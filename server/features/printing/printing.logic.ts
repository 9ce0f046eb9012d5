// The printed forms, pure part: Russian words for amounts, dates as «30 ноября 2026 г.», numbers as
// Russians print them, and one layout model that both the PDF and the HTML page draw.
import { toCardinal } from 'n2words/ru-RU';
import { parseMoney } from '../../../shared/money.js';
import type { Order } from '../../../shared/api/orders.js';
import type { Sale } from '../../../shared/api/sales.js';
import type { Settings } from '../../../shared/api/settings.js';
import type { Counterparty } from '../../../shared/api/counterparties.js';

/** The form of a noun after a number: 1 рубль, 2 рубля, 5 рублей; 11–14 take the third. */
export function plural(n: number | bigint, forms: readonly [one: string, few: string, many: string]): string {
  const v = BigInt(n) < 0n ? -BigInt(n) : BigInt(n);
  const [n10, n100] = [v % 10n, v % 100n];
  if (n100 >= 11n && n100 <= 14n) return forms[2];
  if (n10 === 1n) return forms[0];
  if (n10 >= 2n && n10 <= 4n) return forms[1];
  return forms[2];
}

const RUBLE = ['рубль', 'рубля', 'рублей'] as const;
const KOPECK = ['копейка', 'копейки', 'копеек'] as const;

/** «Двести восемьдесят пять рублей 29 копеек»: rubles in words (n2words minds the gender of тысяча),
 * kopecks in figures, as accountants write it. */
export function rublesInWords(kopecks: number): string {
  const whole = BigInt(Math.trunc(kopecks / 100));
  const kop = Math.abs(kopecks % 100);
  const words = `${toCardinal(whole)} ${plural(whole, RUBLE)} ${String(kop).padStart(2, '0')} ${plural(kop, KOPECK)}`;
  return (kopecks < 0 ? 'минус ' : '') + words.charAt(0).toUpperCase() + words.slice(1);
}

const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** '2026-11-30' -> «30 ноября 2026 г.» */
export function dateInWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS_GENITIVE[m - 1]} ${y} г.`;
}

/** "1234.50" -> «1 234,50» (a no-break space between thousands, a decimal comma). */
export function printNumber(decimal: string): string {
  const [int, frac] = decimal.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return frac === undefined ? grouped : `${grouped},${frac}`;
}

export interface PrintLine {
  n: number;
  product: string;
  quantity: string;
  unit: string;
  price: string;
  discount: string | null;
  amount: string;
}

export interface PrintModel {
  title: string;
  /** ASCII name for old clients and the UTF-8 one for the rest. */
  fileName: { ascii: string; utf8: string };
  supplier: string;
  supplierBank: string | null;
  buyer: string;
  /** The order's table has a discount column; the sale's does not. */
  withDiscount: boolean;
  lines: PrintLine[];
  total: string;
  /** «В том числе НДС» amount, or null: «Без налога (НДС)». */
  vatTotal: string | null;
  summary: string;
  words: string;
  director: string;
  accountant: string;
}

const joined = (parts: (string | null | undefined | false)[]) => parts.filter((p): p is string => !!p && p.trim() !== '').join(', ');

export function supplierOf(s: Settings): { supplier: string; bank: string | null } {
  const supplier = joined([
    s.companyName || '—',
    s.companyInn && `ИНН ${s.companyInn}`,
    s.companyKpp && `КПП ${s.companyKpp}`,
    s.companyLegalAddress,
    s.companyPhone && `тел.: ${s.companyPhone}`,
  ]);
  const bank = joined([
    s.companyAccount && `р/с ${s.companyAccount}`,
    s.companyBank && `в ${s.companyBank}`,
    s.companyBik && `БИК ${s.companyBik}`,
    s.companyCorrAccount && `к/с ${s.companyCorrAccount}`,
  ]);
  return { supplier, bank: bank || null };
}

/** The customer as the form names them: the full name when there is one, the INN/KPP, the first legal address and phone. */
export function buyerOf(cp: Pick<Counterparty, 'name' | 'fullName' | 'inn' | 'kpp' | 'contactInfo'>): string {
  const first = (kind: string) => cp.contactInfo.find((c) => c.kind === kind)?.value;
  const phone = first('phone');
  return joined([
    cp.fullName || cp.name,
    cp.inn && (cp.kpp ? `ИНН/КПП ${cp.inn}/${cp.kpp}` : `ИНН ${cp.inn}`),
    first('legalAddress'),
    phone && `тел.: ${phone}`,
  ]);
}

const kopecksOf = (money: string) => parseMoney(money, true) ?? 0;

function common(s: Settings, cp: Parameters<typeof buyerOf>[0], total: string, vatTotal: string, count: number) {
  const { supplier, bank } = supplierOf(s);
  return {
    supplier,
    supplierBank: bank,
    buyer: buyerOf(cp),
    total: printNumber(total),
    vatTotal: kopecksOf(vatTotal) === 0 ? null : printNumber(vatTotal),
    summary: `Всего наименований ${count}, на сумму ${printNumber(total)} руб.`,
    words: rublesInWords(kopecksOf(total)),
    director: s.companyDirector,
    accountant: s.companyAccountant,
  };
}

export function orderModel(o: Order, s: Settings, cp: Parameters<typeof buyerOf>[0]): PrintModel {
  const title = `Заказ покупателя № ${o.number} от ${dateInWords(o.date)}`;
  return {
    title,
    fileName: { ascii: `zakaz-${o.number}.pdf`, utf8: `Заказ покупателя № ${o.number}.pdf` },
    withDiscount: true,
    lines: o.lines.map((l, i) => ({
      n: i + 1,
      product: `${l.productSku} ${l.productName}`,
      quantity: printNumber(l.quantity),
      unit: l.unit,
      price: printNumber(l.price),
      discount: l.discountPercent === '0' ? '' : printNumber(l.discountPercent),
      amount: printNumber(l.amount),
    })),
    ...common(s, cp, o.total, o.vatTotal, o.lines.length),
  };
}

export function saleModel(sale: Sale, s: Settings, cp: Parameters<typeof buyerOf>[0]): PrintModel {
  const title = `Расходная накладная № ${sale.number} от ${dateInWords(sale.date)}`;
  return {
    title,
    fileName: { ascii: `nakladnaya-${sale.number}.pdf`, utf8: `Расходная накладная № ${sale.number}.pdf` },
    withDiscount: false,
    lines: sale.lines.map((l, i) => ({
      n: i + 1,
      product: l.productId ? joined([`${l.productSku ?? ''} ${l.productName ?? ''}`.trim(), l.description]) : (l.description ?? ''),
      quantity: printNumber(l.quantity),
      unit: l.unit ?? '',
      price: printNumber(l.price),
      discount: null,
      amount: printNumber(l.amount),
    })),
    ...common(s, cp, sale.revenue, sale.vatTotal, sale.lines.length),
  };
}

/** RFC 6266 inline disposition: an ASCII fallback and the Cyrillic name in filename*. */
export const inlineDisposition = (f: PrintModel['fileName']) =>
  `inline; filename="${f.ascii}"; filename*=UTF-8''${encodeURIComponent(f.utf8)}`;
