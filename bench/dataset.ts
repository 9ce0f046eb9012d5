// Rows of the benchmark data set, shaped exactly as the services write them (searchKey for
// name_search, E.164 in `normalized`, its digits without '+' in `digits`, lower-cased e-mails).
import { v7 } from 'uuid';
import type { Insertable } from 'kysely';
import type { ContactInfoTable, ContactPersonsTable, CounterpartiesTable } from '../server/db/schema.js';
import { personSearchKey, searchKey } from '../server/lib/names.js';
import { CITIES, FATHERS, FEMALE_FIRST, MALE_FIRST, MOBILE_CODES, POSITIONS, SURNAMES } from '../server/demo/demo.data.js';
import {
  e164Of,
  feminineSurname,
  kppOf,
  legalInn,
  patronymic,
  personInn,
  subscriberDigits,
  translit,
  writePhone,
  type Random,
} from '../server/demo/demo.logic.js';

const ROOTS = [
  'Ромашка',
  'Вектор',
  'Альфа',
  'Омега',
  'Гермес',
  'Меридиан',
  'Горизонт',
  'Орион',
  'Сфера',
  'Импульс',
  'Прогресс',
  'Стандарт',
  'Атлант',
  'Берёзка',
  'Ёлочка',
  'Родник',
  'Исток',
  'Восток',
  'Запад',
  'Север',
  'Континент',
  'Регион',
  'Профиль',
  'Партнёр',
  'Союз',
  'Династия',
  'СтройМаркет',
  'СтройКомплект',
  'ТехноСервис',
  'ТехноСфера',
  'ПромСнаб',
  'АгроТорг',
  'ПродТорг',
  'ХимПром',
  'ЭлектроМир',
  'МеталлИнвест',
  'ЛесТорг',
  'ТрансЛогистик',
  'ТеплоСнаб',
  'ВодоКанал Сервис',
  'ОфисКомплект',
  'Канцлер',
  'Мебельщик',
  'Пекарь',
  'Молочник',
  'Фермер',
  'Гастроном',
  'Бакалея',
  'Кондитер',
  'Чайный дом',
  'Кофейня',
  'Рыбный двор',
  'Мясной ряд',
  'Овощебаза',
  'Упаковка',
  'Тара',
  'Стекло',
  'Пластик',
  'Бумага',
  'Полимер',
  'Кровля',
  'Фасад',
  'Окна',
  'Двери',
  'Паркет',
  'Плитка',
  'Сантехника',
  'Электрика',
  'Инструмент',
  'Автодеталь',
  'Шинный центр',
  'Запчасть',
  'Спецтехника',
  'Агрегат',
  'Компрессор',
  'Насос',
  'Кабель',
  'Светотехника',
  'Климат',
  'Аптека',
  'Медтехника',
  'Оптика',
  'Зоомир',
  'Детский мир',
  'Игрушка',
  'Одежда',
  'Обувь',
  'Текстиль',
  'Трикотаж',
  'Швейник',
  'Книжный дом',
  'Типография',
  'Реклама',
  'Медиа',
  'Софт',
  'Сеть',
  'Связь',
  'Энергия',
  'Ресурс',
  'Капитал',
  'Инвест',
  'Финанс',
  'Вымпел',
  'Факел',
  'Маяк',
  'Парус',
  'Якорь',
  'Сокол',
  'Беркут',
  'Кедр',
  'Дубрава',
  'Сосновый бор',
  'Волга',
  'Кама',
  'Дон',
  'Нева',
  'Урал',
  'Сибирь',
  'Алтай',
  'Байкал',
  'Амур',
  'Кубань',
  'Таврида',
  'Балтика',
  'Арктика',
  'Полюс',
  'Тайга',
  'Степь',
];
const SUFFIXES = [
  '',
  '',
  '',
  '',
  '-М',
  '-Юг',
  '-Север',
  ' Плюс',
  ' Трейд',
  ' Групп',
  '-Центр',
  '-Снаб',
  '-Опт',
  ' и К',
  '-2000',
  ' НН',
  ' СПб',
  ' 24',
];
const CITY_LIST = Object.values(CITIES);
const OFFICES = CITY_LIST.flatMap((c) => c.taxOffices);
const EMAIL_BOXES = ['info', 'zakaz', 'sales', 'office', 'buh', 'opt', 'snab'];

/** Rows planted at fixed places so the search benchmarks find something. */
export const PLANTED = { phone: '8 (495) 123-45-67', phoneE164: '+74951234567', email: 'zakaz@romashka-opt.ru' };

export interface Batch {
  counterparties: Insertable<CounterpartiesTable>[];
  contactInfo: Insertable<ContactInfoTable>[];
  persons: Insertable<ContactPersonsTable>[];
}

function phoneRow(
  r: Random,
  owner: { counterpartyId?: string; contactPersonId?: string },
  position: number,
  mobile: boolean,
  planted?: string,
) {
  const city = r.pick(CITY_LIST);
  const area = mobile ? r.pick(MOBILE_CODES) : r.pick(city.phoneCodes);
  const number = subscriberDigits(r);
  const e164 = planted ? PLANTED.phoneE164 : e164Of(area, number);
  return {
    id: v7(),
    counterpartyId: owner.counterpartyId ?? null,
    contactPersonId: owner.contactPersonId ?? null,
    kind: 'phone',
    value: planted ?? writePhone(area, number, r.int(0, 7)),
    comment: mobile ? 'мобильный' : null,
    normalized: e164,
    digits: e164.slice(1),
    digitsRev: [...e164.slice(1)].reverse().join(''),
    position,
  } satisfies Insertable<ContactInfoTable>;
}

function emailRow(owner: { counterpartyId?: string; contactPersonId?: string }, position: number, email: string) {
  return {
    id: v7(),
    counterpartyId: owner.counterpartyId ?? null,
    contactPersonId: owner.contactPersonId ?? null,
    kind: 'email',
    value: email,
    comment: null,
    normalized: email.toLowerCase(),
    digits: null,
    digitsRev: null,
    position,
  } satisfies Insertable<ContactInfoTable>;
}

export interface GenContext {
  r: Random;
  users: string[];
  adminId: string;
  total: number;
  /** First created_at: the data set spans five years up to now. */
  startMs: number;
  spanMs: number;
  counters: { legal: number; sole: number };
  /** Average contact persons per counterparty (0-2× spread); the default mix (about 0.5) when unset. */
  personsPerCounterparty?: number;
  /** The responsible user of counterparty `i` (an index into users); uniform when unset. */
  pickOwner?: (r: Random) => number;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Any day of the year, 29 February included (for leap years). */
function birthdayOf(r: Random) {
  const year = r.int(1960, 2000);
  const month = r.int(1, 12);
  return `${year}-${String(month).padStart(2, '0')}-${String(r.int(1, daysIn(year, month))).padStart(2, '0')}`;
}

function person(
  ctx: GenContext,
  counterpartyId: string | null,
  createdAt: string,
  msecs: number,
  slug: string,
  batch: Batch,
  head: boolean,
) {
  const { r } = ctx;
  const female = r.chance(0.5);
  const lastName = female ? feminineSurname(r.pick(SURNAMES)) : r.pick(SURNAMES);
  const firstName = female ? r.pick(FEMALE_FIRST) : r.pick(MALE_FIRST);
  const middleName = patronymic(r.pick(FATHERS), female);
  const job = head ? POSITIONS[0] : r.pick(POSITIONS);
  const id = v7({ msecs });
  const hasBirthday = r.chance(0.4);
  batch.persons.push({
    id,
    counterpartyId,
    lastName,
    firstName,
    middleName,
    nameSearch: personSearchKey({ lastName, firstName, middleName }),
    position: job.position,
    role: job.role,
    birthday: hasBirthday ? birthdayOf(r) : null,
    birthdayReminderDays: hasBirthday && r.chance(0.5) ? r.int(0, 7) : null,
    comment: null,
    createdAt,
    createdBy: ctx.adminId,
    updatedAt: createdAt,
    updatedBy: ctx.adminId,
    archivedAt: null,
  });
  if (r.chance(0.7)) batch.contactInfo.push(phoneRow(r, { contactPersonId: id }, 0, true));
  if (r.chance(0.4))
    batch.contactInfo.push(emailRow({ contactPersonId: id }, 1, `${translit(firstName)[0]}.${translit(lastName)}@${slug}.ru`));
}

/** Counterparty number `i` (0-based) with its contact information and contact persons. */
export function addCounterparty(ctx: GenContext, i: number, batch: Batch) {
  const { r } = ctx;
  const msecs = Math.floor(ctx.startMs + (i / ctx.total) * ctx.spanMs);
  const createdAt = new Date(msecs).toISOString();
  const id = v7({ msecs });
  const roll = r.next();
  const kind = roll < 0.75 ? 'legalEntity' : roll < 0.95 ? 'soleTrader' : 'individual';
  let name: string,
    fullName: string | null,
    inn: string | null = null,
    kpp: string | null = null,
    slug: string;
  if (kind === 'legalEntity') {
    const root = r.pick(ROOTS) + r.pick(SUFFIXES);
    const form = r.chance(0.9) ? ['ООО', 'Общество с ограниченной ответственностью'] : ['АО', 'Акционерное общество'];
    name = `${form[0]} «${root}»`;
    fullName = `${form[1]} «${root}»`;
    const n = ctx.counters.legal++;
    const office = OFFICES[n % OFFICES.length];
    inn = legalInn(office, Math.floor(n / OFFICES.length));
    kpp = kppOf(office);
    slug = `${translit(root)}-${i.toString(36)}`;
  } else {
    const female = r.chance(0.45);
    const last = female ? feminineSurname(r.pick(SURNAMES)) : r.pick(SURNAMES);
    const first = female ? r.pick(FEMALE_FIRST) : r.pick(MALE_FIRST);
    const middle = patronymic(r.pick(FATHERS), female);
    name = kind === 'soleTrader' ? `ИП ${last} ${first[0]}.${middle[0]}.` : `${last} ${first} ${middle}`;
    fullName = kind === 'soleTrader' ? `Индивидуальный предприниматель ${last} ${first} ${middle}` : name;
    if (kind === 'soleTrader') {
      const n = ctx.counters.sole++;
      inn = personInn(OFFICES[n % OFFICES.length], Math.floor(n / OFFICES.length));
    }
    slug = `${translit(last)}-${i.toString(36)}`;
  }
  batch.counterparties.push({
    id,
    name,
    nameSearch: searchKey(name),
    fullName,
    kind,
    inn,
    kpp,
    isCustomer: r.chance(0.85) ? 1 : 0,
    isSupplier: r.chance(0.2) ? 1 : 0,
    responsibleUserId: ctx.pickOwner ? ctx.users[ctx.pickOwner(r)] : r.pick(ctx.users),
    comment: r.chance(0.1) ? 'Работаем по предоплате' : null,
    abcClass: null,
    createdAt,
    createdBy: ctx.adminId,
    updatedAt: createdAt,
    updatedBy: ctx.adminId,
    archivedAt: null,
  });
  // 1-3 rows: a phone, then usually an e-mail, sometimes a mobile.
  const plantPhone = i === Math.floor(ctx.total * 0.37) || i === Math.floor(ctx.total * 0.83);
  batch.contactInfo.push(phoneRow(r, { counterpartyId: id }, 0, kind === 'individual', plantPhone ? PLANTED.phone : undefined));
  const plantEmail = i === Math.floor(ctx.total * 0.61);
  const extra = plantEmail ? 1 : r.int(0, 2);
  const domain = kind === 'legalEntity' ? `${slug}.ru` : r.pick(['mail.ru', 'yandex.ru', 'gmail.com']);
  const email = plantEmail ? PLANTED.email : kind === 'legalEntity' ? `${r.pick(EMAIL_BOXES)}@${domain}` : `${slug}@${domain}`;
  if (extra >= 1) batch.contactInfo.push(emailRow({ counterpartyId: id }, 1, email));
  if (extra >= 2) batch.contactInfo.push(phoneRow(r, { counterpartyId: id }, 2, true));
  // About 0.5 contact persons per counterparty.
  const persons =
    ctx.personsPerCounterparty !== undefined
      ? r.int(0, Math.round(2 * ctx.personsPerCounterparty))
      : kind === 'legalEntity'
        ? r.chance(0.5)
          ? r.chance(0.2)
            ? 2
            : 1
          : 0
        : r.chance(0.15)
          ? 1
          : 0;
  for (let k = 0; k < persons; k++) person(ctx, id, createdAt, msecs, slug, batch, k === 0);
  // One individual (a person without a counterparty) per thousand.
  if (i % 1000 === 999) person(ctx, null, createdAt, msecs, slug, batch, false);
}
