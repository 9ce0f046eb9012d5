/**
 * The app's own check of required fields (forms are `noValidate`: no browser bubbles in the
 * browser's language): field -> "required" for each blank one.
 */
export function missingFields<K extends string>(values: Record<K, string>): Partial<Record<K, 'required'>> {
  const out: Partial<Record<K, 'required'>> = {};
  for (const [k, v] of Object.entries(values) as [K, string][]) if (!v.trim()) out[k] = 'required';
  return out;
}

/**
 * A required text as a card sends it: an empty one goes as a blank, which the server refuses as
 * "required" together with every other problem of the card (the request schema would refuse ""
 * on its own, before any other check).
 */
export const requiredText = (s: string) => s.trim() || ' ';
