// Text rules shared by every feature: how a name is searched, how a person's and a document's
// names are written. One copy each, so a list, a card, a task and a report spell them alike.

/** Empty and blank strings mean "no value". */
export const blankToNull = (s: string | null | undefined): string | null => {
  if (s === undefined || s === null) return null;
  const t = s.trim();
  return t === '' ? null : t;
};

/** E-mails are stored and compared trimmed and lower-cased. */
export const normalizeEmail = (e: string) => e.trim().toLowerCase();

/** The form names are stored and searched in: lower case in Russian, ё as е, single spaces. */
export const searchKey = (s: string) => s.trim().toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ');

export interface PersonName {
  lastName: string;
  firstName: string | null;
  middleName: string | null;
}

/** «Фамилия Имя Отчество», blank parts left out. */
export const fullNameOf = (p: PersonName) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

/** The full name of a left-joined person, or null when the row has none. */
export const fullNameOrNull = (p: { lastName: string | null; firstName: string | null; middleName: string | null }) =>
  p.lastName ? fullNameOf({ lastName: p.lastName, firstName: p.firstName, middleName: p.middleName }) : null;

export const personSearchKey = (p: PersonName) => searchKey(fullNameOf(p));

/** A document as 1C writes it in lists and links: «№12 Звонок по договору». */
export const documentTitle = (number: number, subject: string | null) => `№${number} ${subject ?? ''}`.trim();
