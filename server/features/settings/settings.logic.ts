import { getCountries, type CountryCode } from 'libphonenumber-js';
import { invalid } from '../../errors.js';
import type { Settings } from '../../../shared/api/settings.js';

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
