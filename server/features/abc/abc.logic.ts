// The rules of «ABC-классификация покупателей», pure. Amounts are integer kopecks; every comparison
// of shares is done on integers (BigInt), never on floating point.
import type { ErrorDetail } from '../../errors.js';

export type AbcClassCode = 'A' | 'B' | 'C';
export type XyzClassCode = 'X' | 'Y' | 'Z';

export interface Percents {
  a: number;
  b: number;
  c: number;
}

/** The class percents must each be whole 0..100 and sum to 100; every field involved is named. */
export function classPercentErrors(p: Percents, fields: [string, string, string]): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const values = [p.a, p.b, p.c];
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v > 100)
      out.push({ field: fields[i], code: 'abc_percent_range', message: 'must be a whole number from 0 to 100' });
  });
  if (out.length === 0 && p.a + p.b + p.c !== 100) {
    for (const field of fields) out.push({ field, code: 'abc_percent_sum', message: 'the A, B and C percents must sum to 100' });
  }
  return out;
}

/** The X bound cannot be above the Y bound. */
export function xyzBoundErrors(x: number, y: number): ErrorDetail[] {
  return x <= y ? [] : [{ field: 'xyzXPercent', code: 'xyz_bounds', message: 'the X bound must not exceed the Y bound' }];
}

export interface Candidate {
  counterpartyId: string;
  name: string;
  amount: number;
}

export interface Ranked extends Candidate {
  position: number;
  /** The positive amounts of this customer and every one before it. */
  cumulativeAmount: number;
  abcClass: AbcClassCode;
}

const collator = new Intl.Collator('ru', { sensitivity: 'variant' });

/** Amount descending; ties by name, then id, so the same data always gives the same order. */
export function compareCandidates(x: Candidate, y: Candidate): number {
  if (x.amount !== y.amount) return y.amount > x.amount ? 1 : -1;
  const byName = collator.compare(x.name, y.name);
  if (byName !== 0) return byName;
  if (x.name !== y.name) return x.name < y.name ? -1 : 1;
  return x.counterpartyId < y.counterpartyId ? -1 : x.counterpartyId > y.counterpartyId ? 1 : 0;
}

/** The ids of the candidates whose amount another candidate also has: only their names can change
 * the order (compareCandidates reads a name only between equal amounts). */
export function tiedIds(candidates: Pick<Candidate, 'counterpartyId' | 'amount'>[]): string[] {
  const seen = new Map<number, number>();
  for (const c of candidates) seen.set(c.amount, (seen.get(c.amount) ?? 0) + 1);
  return candidates.filter((c) => (seen.get(c.amount) ?? 0) > 1).map((c) => c.counterpartyId);
}

/**
 * Ranks the customers and gives each its class. T is the sum of the positive amounts. A customer with
 * a positive amount is A when the share of T held by those ranked before it is below A %, B when it
 * is below A % + B %, else C (so the customer crossing a boundary stays in the upper class). Zero or
 * negative amounts, and everybody when T = 0, are C.
 */
export function classify(candidates: Candidate[], percents: Pick<Percents, 'a' | 'b'>): { total: number; lines: Ranked[] } {
  const sorted = [...candidates].sort(compareCandidates);
  let total = 0n;
  for (const c of sorted) if (c.amount > 0) total += BigInt(c.amount);
  const aBound = BigInt(percents.a) * total;
  const abBound = BigInt(percents.a + percents.b) * total;
  let before = 0n;
  const lines = sorted.map((c, i): Ranked => {
    let abcClass: AbcClassCode = 'C';
    if (c.amount > 0 && total > 0n) {
      const held = before * 100n;
      abcClass = held < aBound ? 'A' : held < abBound ? 'B' : 'C';
      before += BigInt(c.amount);
    }
    // Spelled out: an object spread here took a second over 300,000 customers.
    return {
      counterpartyId: c.counterpartyId,
      name: c.name,
      amount: c.amount,
      position: i + 1,
      cumulativeAmount: Number(before),
      abcClass,
    };
  });
  return { total: Number(total), lines };
}

/** part / total as a percent with two places, rounded half up: "45.45". Not positive -> "0.00". */
export function percentOf(part: number, total: number): string {
  if (part <= 0 || total <= 0) return '0.00';
  const hundredths = (BigInt(part) * 20000n + BigInt(total)) / (2n * BigInt(total));
  const s = hundredths.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Hundredths of a percent as "12.34". */
export function formatHundredths(v: number): string {
  const s = Math.abs(v).toString().padStart(3, '0');
  return `${v < 0 ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** The calendar months a period touches, 'YYYY-MM', in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The first and last day of a month ('YYYY-MM'), clipped to the period. */
export function monthBounds(month: string, from: string, to: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const first = `${month}-01`;
  return { first: first < from ? from : first, last: last > to ? to : last };
}

/**
 * Coefficient of variation of monthly amounts in hundredths of a percent (population standard
 * deviation / mean), months without sales counted as 0. With S = Σx, Q = Σx², n months:
 * CV = √(nQ − S²) / S, evaluated on integers and rounded half up. null when the mean is not positive.
 */
export function variationOf(monthly: number[]): number | null {
  const n = BigInt(monthly.length);
  let s = 0n;
  let q = 0n;
  for (const x of monthly) {
    s += BigInt(x);
    q += BigInt(x) * BigInt(x);
  }
  if (n === 0n || s <= 0n) return null;
  // v = round(10⁴·√(nQ − S²)/S) = the largest v with (2Sv − S)² ≤ 4·10⁸·(nQ − S²).
  const d = 400_000_000n * (n * q - s * s);
  const fits = (v: bigint) => {
    const lhs = 2n * s * v - s;
    return lhs <= 0n || lhs * lhs <= d;
  };
  let v = BigInt(Math.max(0, Math.round((10000 * Math.sqrt(Number(n * q - s * s))) / Number(s))));
  while (v > 0n && !fits(v)) v--;
  while (fits(v + 1n)) v++;
  return Number(v);
}

/** X when the variation is at most X %, Y when at most Y %, else Z (also when it cannot be computed). */
export function xyzClassOf(variation: number | null, xPercent: number, yPercent: number): XyzClassCode {
  if (variation === null) return 'Z';
  if (variation <= xPercent * 100) return 'X';
  if (variation <= yPercent * 100) return 'Y';
  return 'Z';
}

/** A class fell out of A: the customer's manager gets a task. */
export const fellFromA = (previous: AbcClassCode | null, current: AbcClassCode) => previous === 'A' && current !== 'A';
