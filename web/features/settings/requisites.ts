// «Реквизиты организации»: what the form checks before sending (the server also checks the INN's
// check digits and the accounts' control keys against the BIK, and names the field).
import type { Settings } from '../../../shared/api/settings';

export const REQUISITE_FIELDS = [
  'companyInn',
  'companyKpp',
  'companyLegalAddress',
  'companyPhone',
  'companyBank',
  'companyBik',
  'companyAccount',
  'companyCorrAccount',
  'companyDirector',
  'companyAccountant',
] as const;
export type RequisiteField = (typeof REQUISITE_FIELDS)[number];
export type Requisites = Pick<Settings, RequisiteField>;

/** Only digits are kept in the numeric requisites (people paste them with spaces). */
export const DIGIT_FIELDS: RequisiteField[] = ['companyInn', 'companyKpp', 'companyBik', 'companyAccount', 'companyCorrAccount'];

export const digitsOnly = (s: string) => s.replace(/[\s-]/g, '');

/** Field -> error code for the requisites as typed; '' is «not filled» and allowed. */
export function requisitesErrors(r: Requisites): Partial<Record<RequisiteField, string>> {
  const out: Partial<Record<RequisiteField, string>> = {};
  const inn = digitsOnly(r.companyInn);
  if (inn && !/^(\d{10}|\d{12})$/.test(inn)) out.companyInn = 'inn_length';
  const kpp = digitsOnly(r.companyKpp);
  if (kpp && !/^\d{9}$/.test(kpp)) out.companyKpp = 'kpp_format';
  const bik = digitsOnly(r.companyBik);
  if (bik && !/^\d{9}$/.test(bik)) out.companyBik = 'bik_format';
  for (const f of ['companyAccount', 'companyCorrAccount'] as const) {
    const v = digitsOnly(r[f]);
    if (v && !/^\d{20}$/.test(v)) out[f] = 'account_format';
  }
  return out;
}

/** The requisites as sent: trimmed, numbers without spaces. */
export function normalizeRequisites<T extends Requisites>(r: T): T {
  const out = { ...r };
  for (const f of REQUISITE_FIELDS) out[f] = (DIGIT_FIELDS.includes(f) ? digitsOnly(r[f]) : r[f].trim()) as T[typeof f];
  return out;
}
