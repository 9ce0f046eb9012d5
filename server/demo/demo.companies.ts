// Requisites and contact information of the demo's companies, made with a seeded random.
import type { ContactInfoInput } from '../../shared/api/contact-info.js';
import { CITIES, type DemoCompany } from './demo.data.js';
import { kppOf, legalInn, personInn, type Random } from './demo.logic.js';
import { addressIn, companyPhone, mobilePhone } from './demo.people.js';

export function requisites(c: DemoCompany, serial: number) {
  const office = CITIES[c.city].taxOffices[serial % CITIES[c.city].taxOffices.length];
  if (c.kind === 'legalEntity') return { inn: legalInn(office, 10_000 + serial * 137), kpp: kppOf(office) };
  if (c.kind === 'soleTrader') return { inn: personInn(office, 200_000 + serial * 7919), kpp: null };
  // Private persons rarely give their INN; one of them did.
  return { inn: serial % 2 === 0 ? personInn(office, 500_000 + serial * 31) : null, kpp: null };
}

export function counterpartyContactInfo(c: DemoCompany, r: Random, index: number): ContactInfoInput[] {
  const city = CITIES[c.city];
  const out: ContactInfoInput[] = [];
  if (c.kind === 'individual') {
    out.push({ kind: 'postalAddress', value: addressIn(city, r, 'flat') });
    out.push({ kind: 'phone', value: mobilePhone(r), comment: 'мобильный' });
    if (r.chance(0.6)) out.push({ kind: 'email', value: `${c.slug.replace('-', '.')}@${r.pick(['mail.ru', 'yandex.ru', 'gmail.com'])}` });
    return out;
  }
  const office = addressIn(city, r, 'office');
  out.push({ kind: 'legalAddress', value: c.kind === 'soleTrader' ? addressIn(city, r, 'flat') : office });
  out.push({ kind: 'actualAddress', value: r.chance(0.6) || c.kind === 'soleTrader' ? addressIn(city, r, 'warehouse') : office });
  // The first company answers to +7 (495) 123-45-67, the number the user guide searches for (as 8 (495) 123-45-67).
  out.push({
    kind: 'phone',
    value: index === 0 ? '+7 (495) 123-45-67' : companyPhone(city, r),
    comment: c.kind === 'soleTrader' ? null : 'приёмная',
  });
  if (c.kind === 'legalEntity' && r.chance(0.5))
    out.push({ kind: 'phone', value: companyPhone(city, r), comment: r.pick(['отдел закупок', 'бухгалтерия', 'склад']) });
  if (c.kind === 'soleTrader') out.push({ kind: 'phone', value: mobilePhone(r), comment: 'мобильный' });
  if (c.kind === 'legalEntity' && r.chance(0.15)) out.push({ kind: 'fax', value: companyPhone(city, r) });
  out.push({
    kind: 'email',
    value: c.kind === 'soleTrader' ? `${c.slug}@${r.pick(['mail.ru', 'yandex.ru', 'bk.ru'])}` : `info@${c.slug}.ru`,
  });
  if (c.kind === 'legalEntity' && c.customer && r.chance(0.4)) out.push({ kind: 'email', value: `zakaz@${c.slug}.ru`, comment: 'заявки' });
  if (c.website) out.push({ kind: 'website', value: `https://www.${c.slug}.ru` });
  return out;
}
