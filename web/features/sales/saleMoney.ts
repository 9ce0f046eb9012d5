// Money and quantities arrive as exact decimal strings ("1234.50", "2.5"); they are shown with the
// UI language's separators by rewriting the string, never through a float.

export type Lang = 'ru' | 'en';

const GROUP: Record<Lang, string> = { ru: '\u00a0', en: ',' };
const POINT: Record<Lang, string> = { ru: ',', en: '.' };

function decimalText(value: string, lang: Lang): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  const [, sign, int, frac] = m;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[lang]);
  return `${sign ? '−' : ''}${grouped}${frac ? POINT[lang] + frac : ''}`;
}

/** "1234.50" -> "1 234,50" (ru) or "1,234.50" (en). */
export const moneyText = (value: string | null | undefined, lang: Lang): string => (value == null ? '' : decimalText(value, lang));

/** "2.5" -> "2,5" (ru). */
export const quantityText = (value: string | null | undefined, lang: Lang): string => (value == null ? '' : decimalText(value, lang));

/** A percent given as a decimal string or a number ("25.5" -> "25,5 %"). */
export function percentText(value: string | number | null | undefined, lang: Lang): string {
  if (value == null || value === '') return '';
  const s = typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
  return `${decimalText(s, lang)}\u00a0%`;
}

/** A calendar date ("2026-11-02") as the language writes it short, with no time-zone shift. */
export function dayText(ymd: string | null | undefined, lang: Lang): string {
  if (!ymd) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  return lang === 'ru' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}
