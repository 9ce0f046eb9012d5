import { phoneToE164 } from '../contact-info/contact-info.logic.js';

/** How a number is looked up: the exact E.164 form when the number is complete, otherwise its
 * trailing digits (a PBX may pass a local or internal form) as a range of the reversed digits. */
export type PhoneKey = { e164: string } | { e164: null; revFrom: string; revTo: string };

/** Fewer trailing digits than this would match half the book. */
export const MIN_DIGITS = 5;

export function phoneKeyOf(written: string, region: string): PhoneKey | null {
  const text = written.trim();
  if (!/^[\d\s()+\-./]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS || digits.length > 15) return null;
  const e164 = phoneToE164(text, region);
  if (e164) return { e164 };
  const rev = [...digits].reverse().join('');
  // Digits only, so the next code point after the last is ':' and the range is exactly "starts with".
  return { e164: null, revFrom: rev, revTo: rev.slice(0, -1) + String.fromCharCode(rev.charCodeAt(rev.length - 1) + 1) };
}
