import type { ContactInfoKind } from '../../../shared/api/contact-info.js';

type Lang = 'ru' | 'en';

const KIND_LABELS: Record<ContactInfoKind, Record<Lang, string>> = {
  legalAddress: { ru: 'Юридический адрес', en: 'Legal address' },
  actualAddress: { ru: 'Фактический адрес', en: 'Actual address' },
  postalAddress: { ru: 'Почтовый адрес', en: 'Postal address' },
  phone: { ru: 'Телефон', en: 'Phone' },
  fax: { ru: 'Факс', en: 'Fax' },
  email: { ru: 'Электронная почта', en: 'E-mail' },
  website: { ru: 'Веб-сайт', en: 'Website' },
  other: { ru: 'Другое', en: 'Other' },
};

const FIXED: Record<string, Record<Lang, string>> = {
  objectType: { ru: 'Объект', en: 'Object' },
  name: { ru: 'Наименование', en: 'Name' },
  counterpartyName: { ru: 'Контрагент', en: 'Counterparty' },
  position: { ru: 'Должность', en: 'Position' },
};

const OBJECT_LABELS: Record<string, Record<Lang, string>> = {
  counterparty: { ru: 'Контрагент', en: 'Counterparty' },
  contactPerson: { ru: 'Контактное лицо контрагента', en: 'Contact person' },
  individual: { ru: 'Физическое лицо', en: 'Individual' },
};

export const REPORT_TITLE: Record<Lang, string> = { ru: 'Отчет о контактной информации', en: 'Contact information report' };

export const kindLabel = (k: ContactInfoKind, lang: Lang) => KIND_LABELS[k][lang];
export const fixedLabel = (k: string, lang: Lang) => FIXED[k][lang];
export const objectLabel = (k: string, lang: Lang) => OBJECT_LABELS[k][lang];

/** Splits a comma list from a query string in the user's order, dropping unknown values and repeats. */
export function parseList<T extends string>(raw: string | undefined, allowed: readonly T[], fallback: readonly T[]): T[] {
  if (!raw) return [...fallback];
  return [...new Set(raw.split(','))].filter((v): v is T => (allowed as readonly string[]).includes(v));
}
