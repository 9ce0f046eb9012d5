// The column titles the counterparty import recognises, in Russian and English (the app's own
// contact information report export included). One table for the server, which reads the file, and
// the web page, which previews how each column will be read.

export const IMPORT_HEADERS = {
  name: ['наименование', 'name'],
  fullName: ['полное наименование', 'full name'],
  kind: ['вид', 'kind'],
  inn: ['инн', 'inn'],
  kpp: ['кпп', 'kpp'],
  isCustomer: ['покупатель', 'customer'],
  isSupplier: ['поставщик', 'supplier'],
  responsible: ['ответственный', 'responsible'],
  comment: ['комментарий', 'comment'],
  objectType: ['объект', 'object'],
  phone: ['телефон', 'phone'],
  fax: ['факс', 'fax'],
  email: ['эл. почта', 'электронная почта', 'e-mail', 'email'],
  website: ['веб-сайт', 'сайт', 'website'],
  legalAddress: ['юридический адрес', 'legal address'],
  actualAddress: ['фактический адрес', 'actual address'],
  postalAddress: ['почтовый адрес', 'postal address'],
  other: ['другое', 'other'],
} as const;

/** Columns of the report export that the import reads past. */
export const IMPORT_IGNORED_HEADERS = ['контрагент', 'counterparty', 'должность', 'position'] as const;

/** A header cell as compared: case, «ё» and spacing do not matter. */
export const normalizeHeader = (s: string) => s.trim().toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ');
