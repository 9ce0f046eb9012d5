// Pure helpers for made-up but valid Russian data: seeded randomness, INN/KPP with correct check
// digits, phones written the way people write them, birthdays relative to "today".
// Shared by the demo loader and the benchmark generator.

/** A small seeded PRNG (mulberry32): the same seed gives the same data set. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof seededRandom>;

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const check = (digits: number[], weights: number[]) => (weights.reduce((s, w, i) => s + w * digits[i], 0) % 11) % 10;

/** A 10-digit organisation INN: tax office code (4 digits) + serial (5 digits) + check digit. */
export function legalInn(taxOffice: string, serial: number): string {
  const body = taxOffice + String(serial % 100_000).padStart(5, '0');
  const d = [...body].map(Number);
  return body + check(d, W10);
}

/** A 12-digit INN of a person or sole trader: tax office (4) + serial (6) + two check digits. */
export function personInn(taxOffice: string, serial: number): string {
  const body = taxOffice + String(serial % 1_000_000).padStart(6, '0');
  const d = [...body].map(Number);
  const c11 = check(d, W11);
  const c12 = check([...d, c11], W12);
  return body + c11 + c12;
}

/** КПП of a head office: tax office + reason code 01 + serial 001 (e.g. 773601001). */
export const kppOf = (taxOffice: string) => `${taxOffice}01001`;

/** Seven subscriber digits that do not start with 0 or 1, as real ones don't. */
export const subscriberDigits = (r: Random) => String(r.int(2_000_000, 9_999_999));

/** The ways people write one number; E.164 of all of them is +7<area><number>. */
export function writePhone(area: string, number: string, style: number): string {
  const [a, b, c] = [number.slice(0, 3), number.slice(3, 5), number.slice(5, 7)];
  switch (style % 8) {
    case 0:
      return `8 (${area}) ${a}-${b}-${c}`;
    case 1:
      return `+7 ${area} ${a}-${b}-${c}`;
    case 2:
      return `+7 (${area}) ${a}-${b}-${c}`;
    case 3:
      return `8${area}${number}`;
    case 4:
      return `+7${area}${number}`;
    case 5:
      return `8-${area}-${a}-${b}-${c}`;
    case 6:
      return `(${area}) ${a} ${b} ${c}`;
    default:
      return `8 ${area} ${a} ${b} ${c}`;
  }
}

export const e164Of = (area: string, number: string) => `+7${area}${number}`;

/** The one form the demo writes every number in: "+7 (495) 123-45-67" (people type all the forms
 * of writePhone, and search finds them all; a demo shows how a tidy base looks). */
export const formatPhone = (area: string, number: string) => writePhone(area, number, 2);

const pad = (n: number) => String(n).padStart(2, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A birthday whose next anniversary is `daysAhead` days after `today` (YYYY-MM-DD), born in `year`
 * (moved to a leap year when the day is 29 February). */
export function birthdayInDays(today: string, daysAhead: number, year: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + daysAhead);
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const y = m === 2 && day === 29 && !isLeap(year) ? year - (year % 4) : year;
  return `${y}-${pad(m)}-${pad(day)}`;
}

/** A birthday at least `minDaysAhead` days away from today, so it is not "coming up soon". */
export function birthdayLater(today: string, r: Random, minDaysAhead: number, year: number): string {
  return birthdayInDays(today, r.int(minDaysAhead, 365 - 5), year);
}

/** Latin slug for e-mail and web addresses. */
export function translit(s: string): string {
  const map: Record<string, string> = {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    е: 'e',
    ё: 'e',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'y',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  };
  return [...s.toLowerCase()]
    .map((ch) => map[ch] ?? (/[a-z0-9]/.test(ch) ? ch : ch === ' ' || ch === '-' ? '-' : ''))
    .join('')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Feminine form of a Russian surname: Иванов -> Иванова, Вишневский -> Вишневская; others unchanged. */
export function feminineSurname(last: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(last)) return last + 'а';
  if (/ский$/.test(last)) return last.replace(/ский$/, 'ская');
  if (/цкий$/.test(last)) return last.replace(/цкий$/, 'цкая');
  return last;
}

/** Patronymic from a father's first name. */
export function patronymic(father: string, female: boolean): string {
  const irregular: Record<string, [string, string]> = {
    Илья: ['Ильич', 'Ильинична'],
    Никита: ['Никитич', 'Никитична'],
    Лев: ['Львович', 'Львовна'],
    Павел: ['Павлович', 'Павловна'],
    Пётр: ['Петрович', 'Петровна'],
    Михаил: ['Михайлович', 'Михайловна'],
    Сергей: ['Сергеевич', 'Сергеевна'],
    Алексей: ['Алексеевич', 'Алексеевна'],
    Андрей: ['Андреевич', 'Андреевна'],
    Николай: ['Николаевич', 'Николаевна'],
    Дмитрий: ['Дмитриевич', 'Дмитриевна'],
    Юрий: ['Юрьевич', 'Юрьевна'],
    Василий: ['Васильевич', 'Васильевна'],
    Анатолий: ['Анатольевич', 'Анатольевна'],
    Григорий: ['Григорьевич', 'Григорьевна'],
    Евгений: ['Евгеньевич', 'Евгеньевна'],
    Валерий: ['Валерьевич', 'Валерьевна'],
    Виталий: ['Витальевич', 'Витальевна'],
    Геннадий: ['Геннадьевич', 'Геннадьевна'],
  };
  if (irregular[father]) return irregular[father][female ? 1 : 0];
  return father + (female ? 'овна' : 'ович');
}
