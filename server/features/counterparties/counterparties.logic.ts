import type { ErrorDetail } from '../../errors.js';
import type { CounterpartyKind } from '../../../shared/api/counterparties.js';
import { normalizeEmail, searchKey } from '../../lib/names.js';

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const checkDigit = (digits: number[], weights: number[]) => (weights.reduce((s, w, i) => s + w * digits[i], 0) % 11) % 10;

/** Russian taxpayer number (ИНН): 10 digits for organisations, 12 for individuals, with check digits. */
export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return false;
  const d = [...inn].map(Number);
  if (d.length === 10) return checkDigit(d, W10) === d[9];
  return checkDigit(d, W11) === d[10] && checkDigit(d, W12) === d[11];
}

/** КПП: 4 digits (tax office), 2 digits or capital Latin letters (reason), 3 digits. */
export const isValidKpp = (kpp: string) => /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp);

export function checkRequisites(kind: CounterpartyKind, inn: string | null, kpp: string | null): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (inn !== null) {
    const expected = kind === 'legalEntity' ? 10 : 12;
    if (!/^\d+$/.test(inn) || inn.length !== expected) {
      errors.push({ field: 'inn', code: 'inn_length', message: `must be ${expected} digits for this kind of counterparty` });
    } else if (!isValidInn(inn)) {
      errors.push({ field: 'inn', code: 'inn_checksum', message: 'check digits do not match: the INN is mistyped' });
    }
  }
  if (kpp !== null) {
    if (kind !== 'legalEntity') errors.push({ field: 'kpp', code: 'kpp_not_allowed', message: 'only organisations have a KPP' });
    else if (!isValidKpp(kpp))
      errors.push({ field: 'kpp', code: 'kpp_format', message: 'must be 9 characters: 4 digits, 2 digits or letters, 3 digits' });
  }
  return errors;
}

/** What a search text can match, decided once so each branch can use its own index:
 * e-mail → exact address; phone-shaped → E.164 and the number's ending; digits → INN prefix;
 * anything with letters → the name. */
export interface SearchPlan {
  name?: string;
  innPrefix?: string;
  phoneE164?: string;
  /** Reversed digits: a number ending with these digits. */
  phoneSuffixRev?: string;
  email?: string;
}

export function searchPlan(text: string, phone: { e164: string | null; digits: string } | null): SearchPlan {
  const t = text.trim();
  if (t.includes('@')) return { email: normalizeEmail(t) };
  const plan: SearchPlan = {};
  if (/^\d{3,12}$/.test(t)) plan.innPrefix = t;
  if (phone) {
    if (phone.e164) plan.phoneE164 = phone.e164;
    plan.phoneSuffixRev = [...phone.digits].reverse().join('');
    return plan;
  }
  plan.name = searchKey(t);
  return plan;
}

/** The smallest string greater than every string starting with p (p is digits): the end of a prefix range. */
export const prefixEnd = (p: string) => p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);
