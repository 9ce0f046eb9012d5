// The A/B/C percentages of a classification: whole numbers 0..100 that together make 100. The card
// checks them before sending, so the user sees the sum and the refused fields at once.

export type ClassPercentField = 'classAPercent' | 'classBPercent' | 'classCPercent';
export const CLASS_PERCENT_FIELDS: ClassPercentField[] = ['classAPercent', 'classBPercent', 'classCPercent'];

/** A percent as typed ('70', ' 20 ', 70) -> the whole number, or null when it is not one within 0..100. */
export function percentValue(v: string | number | null | undefined): number | null {
  const s = typeof v === 'number' ? String(v) : (v ?? '').trim();
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n <= 100 ? n : null;
}

/** The sum of the readable percentages (an unreadable one counts as 0). */
export function percentSum(p: Record<ClassPercentField, string | number>): number {
  return CLASS_PERCENT_FIELDS.reduce((s, f) => s + (percentValue(p[f]) ?? 0), 0);
}

/**
 * What the card refuses: field -> error code. Each percent must be a whole number 0..100; when all
 * are, their sum must be 100, and then every field is marked (any of them may be the wrong one).
 */
export function percentErrors(p: Record<ClassPercentField, string | number>): Partial<Record<ClassPercentField, string>> {
  const out: Partial<Record<ClassPercentField, string>> = {};
  for (const f of CLASS_PERCENT_FIELDS) if (percentValue(p[f]) === null) out[f] = 'abc_percent_range';
  if (Object.keys(out).length) return out;
  if (percentSum(p) !== 100) for (const f of CLASS_PERCENT_FIELDS) out[f] = 'abc_percent_sum';
  return out;
}
