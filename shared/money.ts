// Exact money arithmetic shared by the server and the web form: integer kopecks, integer
// thousandths of a unit, integer hundredths of a percent. Intermediate products use BigInt, so a
// line's amount never passes through a binary fraction.

export const VAT_RATES = ['none', '0', '10', '20', '22'] as const;
export type VatRate = (typeof VAT_RATES)[number];

/** Scale of each kind of decimal: money in kopecks, quantity in thousandths, percent in hundredths. */
export const MONEY_SCALE = 2;
export const QUANTITY_SCALE = 3;
export const PERCENT_SCALE = 2;

/** Largest amount a line or a document may reach: 999 999 999 999.99 ₽ (fits a JS number exactly). */
export const MAX_KOPECKS = 99_999_999_999_999;
/** Largest quantity: 999 999 999.999 units. */
export const MAX_QUANTITY = 999_999_999_999;

/** Integer division rounded half away from zero. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d < 0n) return divRound(-n, -d);
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/**
 * A decimal string or JSON number as a scaled integer ("100.1" at scale 2 -> 10010), or null when
 * it is not a plain decimal, has more fraction digits than the scale, or does not fit a safe integer.
 */
export function parseDecimal(input: string | number, scale: number, opts: { negative?: boolean } = {}): number | null {
  let s: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    s = String(input);
    if (/e/i.test(s)) return null;
  } else {
    s = input.trim().replace(',', '.');
  }
  const m = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const [, sign, int, frac = ''] = m;
  if (sign && !opts.negative) return null;
  const fracTrim = frac.replace(/0+$/, '');
  if (fracTrim.length > scale) return null;
  const v = BigInt(int + fracTrim.padEnd(scale, '0'));
  const signed = sign ? -v : v;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(signed === 0n ? 0n : signed);
}

/** A scaled integer as a decimal string: 123450 at scale 2 -> "1234.50"; `trim` drops trailing zeros ("3", "2.5"). */
export function formatDecimal(value: number, scale: number, trim = false): string {
  const neg = value < 0;
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  let frac = digits.slice(digits.length - scale);
  if (trim) frac = frac.replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

export const parseMoney = (x: string | number, negative = false) => parseDecimal(x, MONEY_SCALE, { negative });
export const parseQuantity = (x: string | number) => parseDecimal(x, QUANTITY_SCALE);
export const parsePercent = (x: string | number) => parseDecimal(x, PERCENT_SCALE);
/** "1234.50" */
export const formatMoney = (kopecks: number) => formatDecimal(kopecks, MONEY_SCALE);
/** "3", "2.5", "0.125" */
export const formatQuantity = (thousandths: number) => formatDecimal(thousandths, QUANTITY_SCALE, true);
/** "5", "12.5" */
export const formatPercent = (hundredths: number) => formatDecimal(hundredths, PERCENT_SCALE, true);

/** VAT included in an amount: amount × rate / (100 + rate), rounded half away from zero. */
export function vatIncluded(amountKopecks: number, rate: VatRate): number {
  if (rate === 'none' || rate === '0') return 0;
  const r = BigInt(rate);
  return Number(divRound(BigInt(amountKopecks) * r, 100n + r));
}

/** quantity × price, rounded to the kopeck (thousandths × kopecks / 1000). */
export function quantityTimesPrice(quantity: number, price: number): number {
  return Number(divRound(BigInt(quantity) * BigInt(price), 1000n));
}

/**
 * A line's amount and VAT: quantity × price × (1 − discount/100), then VAT included at the rate,
 * each rounded half away from zero to the kopeck. 3 × 100.10 with 5 % at 22 % -> 285.29 and 51.45.
 */
export function lineAmounts(line: { quantity: number; price: number; discount: number; vatRate: VatRate }): {
  amount: number;
  vatAmount: number;
} {
  const amount = Number(divRound(BigInt(line.quantity) * BigInt(line.price) * (10000n - BigInt(line.discount)), 1000n * 10000n));
  return { amount, vatAmount: vatIncluded(amount, line.vatRate) };
}

/** Sum of integers that stays exact (throws past the safe range rather than drifting). */
export function sumExact(values: number[]): number {
  const s = values.reduce((a, v) => a + BigInt(v), 0n);
  if (s > BigInt(Number.MAX_SAFE_INTEGER) || s < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('sum out of range');
  return Number(s);
}
