import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { ContactInfoInput, ContactInfoKind } from '../../../shared/api/contact-info.js';
import type { ErrorDetail } from '../../errors.js';
import { normalizeEmail } from '../../lib/names.js';

const PHONE_KINDS: ContactInfoKind[] = ['phone', 'fax'];
const EMAIL_RE = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/;

export interface NormalizedEntry {
  kind: ContactInfoKind;
  value: string;
  comment: string | null;
  normalized: string | null;
  digits: string | null;
}

/** E.164 form of a phone written any way ("8 (495) 123-45-67", "+7 495 1234567"), or null if it is not a phone. */
export function phoneToE164(value: string, region: string): string | null {
  if (!/\d/.test(value) || /[a-zа-яё]/i.test(value.replace(/(доб|ext|x)\.?\s*\d+\s*$/i, ''))) return null;
  const parsed = parsePhoneNumberFromString(value, region as CountryCode);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

const isEmail = (value: string) => value.length <= 254 && EMAIL_RE.test(value);

/** A web site as it is kept: http(s) only. Browsers drop tabs and line breaks inside a URL and
 * control characters and spaces around it ("java\tscript:" runs as "javascript:"), so the same is
 * stripped here before the scheme is judged. A value without a scheme ("www.example.ru",
 * "shop.example.ru:8080/catalog") is a host and is kept as typed. Null when it is not a web address. */
export function webAddressOf(typed: string): string | null {
  // eslint-disable-next-line no-control-regex -- what browsers strip from URLs
  const v = typed.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (!v) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v);
  const hostWithPort = /^[^:/?#]+:\d+([/?#]|$)/.test(v);
  if (scheme && !hostWithPort) {
    if (!/^https?$/i.test(scheme[1])) return null;
    return parsesAsHost(v) ? v : null;
  }
  return parsesAsHost(`http://${v}`) ? v : null;
}

function parsesAsHost(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0 && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** Validates and normalises typed contact information; returns entries or field errors (nothing half-done). */
export function normalizeEntries(
  entries: ContactInfoInput[],
  region: string,
  fieldPrefix = 'contactInfo',
): { entries: NormalizedEntry[]; errors: ErrorDetail[] } {
  const out: NormalizedEntry[] = [];
  const errors: ErrorDetail[] = [];
  entries.forEach((e, i) => {
    const value = e.value.trim();
    const comment = e.comment?.trim() || null;
    const field = `${fieldPrefix}.${i}.value`;
    if (!value) {
      errors.push({ field, code: 'required', message: 'is required' });
      return;
    }
    if (PHONE_KINDS.includes(e.kind)) {
      const e164 = phoneToE164(value, region);
      if (!e164) {
        errors.push({ field, code: 'phone_invalid', message: `"${value}" is not a phone number` });
        return;
      }
      out.push({ kind: e.kind, value, comment, normalized: e164, digits: e164.slice(1) });
      return;
    }
    if (e.kind === 'email') {
      const email = normalizeEmail(value);
      if (!isEmail(email)) {
        errors.push({ field, code: 'email_invalid', message: `"${value}" is not an e-mail address` });
        return;
      }
      out.push({ kind: e.kind, value, comment, normalized: email, digits: null });
      return;
    }
    if (e.kind === 'website') {
      const site = webAddressOf(value);
      if (!site) {
        errors.push({ field, code: 'website_invalid', message: 'must be a web address (http or https)' });
        return;
      }
      out.push({ kind: e.kind, value: site, comment, normalized: null, digits: null });
      return;
    }
    out.push({ kind: e.kind, value, comment, normalized: null, digits: null });
  });
  return { entries: out, errors };
}

export interface PhoneSearch {
  e164: string | null;
  digits: string;
}

/** How a search text could match a phone: exact E.164 and/or a run of digits. */
export function phoneSearchOf(q: string, region: string): PhoneSearch | null {
  const text = q.trim();
  if (!/^[\d\s()+\-.]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 5) return null;
  return { e164: phoneToE164(text, region), digits };
}
