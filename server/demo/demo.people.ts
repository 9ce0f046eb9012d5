// People, addresses and phones of the demo, made from the reference lists with a seeded random.
import type { ContactInfoInput } from '../../shared/api/contact-info.js';
import { CITIES, FATHERS, FEMALE_FIRST, MALE_FIRST, MOBILE_CODES, POSITIONS, SURNAMES, type City, type DemoCompany } from './demo.data.js';
import { feminineSurname, formatPhone, patronymic, subscriberDigits, translit, type Random } from './demo.logic.js';

export interface DemoPerson {
  lastName: string;
  firstName: string;
  middleName: string;
  position: string | null;
  role: string | null;
  birthYear: number;
  contactInfo: ContactInfoInput[];
  comment: string | null;
}

/** "344010, г. Ростов-на-Дону, ул. Большая Садовая, д. 17, офис 305" */
export function addressIn(city: City, r: Random, place: 'office' | 'warehouse' | 'flat'): string {
  const postcode = r.int(city.postcode[0], city.postcode[1]);
  const house = `д. ${r.int(1, 180)}${r.chance(0.2) ? `, стр. ${r.int(1, 5)}` : ''}`;
  const tail =
    place === 'office'
      ? `, офис ${r.int(1, 12)}${String(r.int(1, 30)).padStart(2, '0')}`
      : place === 'flat'
        ? `, кв. ${r.int(1, 240)}`
        : r.chance(0.5)
          ? ', склад 2'
          : '';
  return `${postcode}, ${city.name}, ${r.pick(city.streets)}, ${house}${tail}`;
}

export const companyPhone = (city: City, r: Random) => formatPhone(r.pick(city.phoneCodes), subscriberDigits(r));

export const mobilePhone = (r: Random) => formatPhone(r.pick(MOBILE_CODES), subscriberDigits(r));

/** A person of a counterparty (company given) or an individual (null). `k` is their number in the company. */
export function makePerson(r: Random, company: DemoCompany | null, k: number): DemoPerson {
  const female = r.chance(0.5);
  const lastName = female ? feminineSurname(r.pick(SURNAMES)) : r.pick(SURNAMES);
  const firstName = female ? r.pick(FEMALE_FIRST) : r.pick(MALE_FIRST);
  const middleName = patronymic(r.pick(FATHERS), female);
  // The first person of an organisation is its head; then the people a sales manager talks to.
  const job =
    company === null
      ? null
      : company.kind === 'soleTrader'
        ? { position: 'Администратор магазина', role: 'Контактное лицо по заказам' }
        : k === 0
          ? POSITIONS[0]
          : r.pick(POSITIONS.slice(1));
  const contactInfo: ContactInfoInput[] = [{ kind: 'phone', value: mobilePhone(r), comment: 'мобильный' }];
  if (company && company.kind === 'legalEntity' && r.chance(0.5)) {
    contactInfo.push({ kind: 'phone', value: companyPhone(CITIES[company.city], r), comment: `рабочий, доб. ${r.int(100, 399)}` });
  }
  const mailbox = `${translit(firstName)[0]}.${translit(lastName)}`;
  if (company && company.kind === 'legalEntity') contactInfo.push({ kind: 'email', value: `${mailbox}@${company.slug}.ru` });
  else if (r.chance(0.6))
    contactInfo.push({ kind: 'email', value: `${mailbox}${r.int(70, 99)}@${r.pick(['mail.ru', 'yandex.ru', 'gmail.com'])}` });
  return {
    lastName,
    firstName,
    middleName,
    position: job?.position ?? null,
    role: job?.role ?? null,
    birthYear: r.int(1962, 1998),
    contactInfo,
    comment:
      job && r.chance(0.15)
        ? r.pick(['Звонить после 11:00', 'Предпочитает общаться по e-mail', 'В отпуске каждый август', 'Решения согласует с директором'])
        : null,
  };
}
