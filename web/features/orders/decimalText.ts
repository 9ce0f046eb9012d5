import { formatMoney } from '../../../shared/money';

// Money and dates of the trade documents as a manager reads them. Amounts are kopecks (integers)
// formatted from their digits, never through a float, so 999 999 999 999.99 prints exactly.

type Lang = 'ru' | 'en';

const groupSep: Record<Lang, string> = { ru: '\u00a0', en: ',' };
const pointSep: Record<Lang, string> = { ru: ',', en: '.' };

/** A decimal string of the API ("1234.50", "-3", "2.5") with the language's separators: "1 234,50". */
export function decimalText(s: string, lang: Lang): string {
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep[lang]);
  return `${neg ? '−' : ''}${grouped}${frac !== undefined ? pointSep[lang] + frac : ''}`;
}

/** Kopecks as money text: 123450 -> "1 234,50" (ru) or "1,234.50" (en). */
export function moneyText(kopecks: number, lang: Lang): string {
  return decimalText(formatMoney(kopecks), lang);
}

/** A decimal for an input: the point becomes a comma in Russian (both are accepted back). */
export function inputDecimal(s: string, lang: Lang): string {
  return lang === 'ru' ? s.replace('.', ',') : s;
}

/** A calendar date ("YYYY-MM-DD") as DD.MM.YYYY / DD/MM/YYYY, with no time-zone shift. */
export function plainDate(ymd: string | null | undefined, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd ?? '');
  if (!m) return '';
  return lang === 'ru' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

export const langOf = (language: string): Lang => (language === 'ru' ? 'ru' : 'en');
