import type { ContactInfoEntry, ContactInfoInput, ContactInfoKind } from '../../../shared/api/contact-info';

/** The 8 kinds of 1C's «Контактная информация», in the order the editor offers them. */
export const CONTACT_INFO_KINDS = [
  'phone',
  'email',
  'legalAddress',
  'actualAddress',
  'postalAddress',
  'fax',
  'website',
  'other',
] as const satisfies readonly ContactInfoKind[];
// Compile-time check that no kind of the API is missing from the list above.
type Missing = Exclude<ContactInfoKind, (typeof CONTACT_INFO_KINDS)[number]>;
const allKindsListed: Missing extends never ? true : never = true;
void allKindsListed;

export interface ContactInfoRow {
  key: string;
  kind: ContactInfoKind;
  value: string;
  comment: string;
  /** Normalised form from the server, shown while the value is unchanged. */
  savedValue?: string;
  normalized?: string | null;
}

let counter = 0;
export const newRowKey = () => `row-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function rowsFromEntries(entries: ContactInfoEntry[]): ContactInfoRow[] {
  return entries.map((e) => ({
    key: e.id,
    kind: e.kind,
    value: e.value,
    comment: e.comment ?? '',
    savedValue: e.value,
    normalized: e.normalized,
  }));
}

/**
 * Rows to send. Entirely empty rows are dropped, so `keys[i]` says which row the server's
 * `contactInfo.i.*` errors belong to. A row with a comment but no value goes as a blank: the
 * server then names the missing value together with every other problem of the card (an empty
 * string would be refused by the request schema alone, before any other check).
 */
export function rowsToPayload(rows: ContactInfoRow[]): { payload: ContactInfoInput[]; keys: string[] } {
  const payload: ContactInfoInput[] = [];
  const keys: string[] = [];
  for (const r of rows) {
    const value = r.value.trim();
    const comment = r.comment.trim();
    if (!value && !comment) continue;
    payload.push({ kind: r.kind, value: value || ' ', comment: comment || null });
    keys.push(r.key);
  }
  return { payload, keys };
}

export function firstValue(entries: ContactInfoEntry[], kind: ContactInfoKind): string {
  return entries.find((e) => e.kind === kind)?.value ?? '';
}
