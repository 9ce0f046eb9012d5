import { getCountries, type CountryCode } from 'libphonenumber-js';
import { invalid, type ErrorDetail } from '../../errors.js';
import type { Settings } from '../../../shared/api/settings.js';
// The one home of the INN/KPP check digits: the company is checked exactly like a counterparty.
import { isValidInn, isValidKpp } from '../counterparties/counterparties.logic.js';

const DEFAULT_SETTINGS: Settings = {
  companyName: '',
  abcBasis: 'revenue',
  scheduledJobsUserId: null,
  schedulerIntervalSeconds: 60,
  defaultPhoneRegion: 'RU',
  timeZone: 'Europe/Moscow',
  managersSeeAllCounterparties: true,
  birthdayRemindResponsible: true,
  companyInn: '',
  companyKpp: '',
  companyLegalAddress: '',
  companyPhone: '',
  companyBank: '',
  companyBik: '',
  companyAccount: '',
  companyCorrAccount: '',
  companyDirector: '',
  companyAccountant: '',
  abcClassAPercent: 70,
  abcClassBPercent: 20,
  abcClassCPercent: 10,
  xyzXPercent: 10,
  xyzYPercent: 25,
  abcMonthlyAuto: false,
};

export function assertPhoneRegion(field: string, region: string): void {
  if (!getCountries().includes(region as CountryCode)) throw invalid(field, `unknown country code "${region}"`, 'phone_region');
}

/** Merges stored key/value rows over the defaults, ignoring keys this version does not know. */
export function mergeSettings(rows: { key: string; value: string }[]): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) out[r.key] = JSON.parse(r.value);
  return out as Settings;
}

type Requisites = Pick<Settings, 'companyInn' | 'companyKpp' | 'companyBik' | 'companyAccount' | 'companyCorrAccount'>;

const ACCOUNT_WEIGHTS = [7, 1, 3];

/** The control key of a Russian bank account (ЦБ РФ, положение 579-П): the BIK's tail before the
 * 20 digits of the account, weighted 7-1-3; the sum of the products' last digits ends in 0.
 * A settlement account follows the BIK's last three digits, a correspondent account "0" and the
 * BIK's 5th and 6th digits (the settlement centre). */
export function accountKeyValid(bik: string, account: string, kind: 'settlement' | 'correspondent'): boolean {
  const prefix = kind === 'settlement' ? bik.slice(6, 9) : `0${bik.slice(4, 6)}`;
  const digits = [...(prefix + account)].map(Number);
  return digits.reduce((s, d, i) => s + ((d * ACCOUNT_WEIGHTS[i % 3]) % 10), 0) % 10 === 0;
}

/** Every problem of the company's requisites as they will be after a change, by field; '' is "not filled". */
export function requisitesErrors(r: Requisites): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (r.companyInn) {
    if (!/^(\d{10}|\d{12})$/.test(r.companyInn))
      out.push({ field: 'companyInn', code: 'inn_length', message: 'must be 10 digits (an organisation) or 12 (a sole trader)' });
    else if (!isValidInn(r.companyInn))
      out.push({ field: 'companyInn', code: 'inn_checksum', message: 'check digits do not match: the INN is mistyped' });
  }
  if (r.companyKpp && !isValidKpp(r.companyKpp))
    out.push({ field: 'companyKpp', code: 'kpp_format', message: 'must be 9 characters: 4 digits, 2 digits or letters, 3 digits' });
  const bikOk = /^\d{9}$/.test(r.companyBik);
  if (r.companyBik && !bikOk) out.push({ field: 'companyBik', code: 'bik_format', message: 'must be 9 digits' });
  for (const [field, kind] of [
    ['companyAccount', 'settlement'],
    ['companyCorrAccount', 'correspondent'],
  ] as const) {
    const value = r[field];
    if (!value) continue;
    if (!/^\d{20}$/.test(value)) out.push({ field, code: 'account_format', message: 'must be 20 digits' });
    else if (bikOk && !accountKeyValid(r.companyBik, value, kind))
      out.push({ field, code: 'account_key', message: 'the control key does not match the BIK: the account or the BIK is mistyped' });
  }
  return out;
}
