import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { resources } from '../../i18n/resources';
import { IMPORT_COLUMNS, IMPORT_EXAMPLE, importErrorRows } from './saleImport';

let ru: TFunction;
let en: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'ru', fallbackLng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
  ru = i18n.getFixedT('ru');
  en = i18n.getFixedT('en');
});

const refusal = (details: { field?: string; line?: number; code?: string; message: string }[]) =>
  new ApiError(422, 'import_invalid', 'the file has errors', details);

describe('importErrorRows', () => {
  it('lists every refused line in the user language, ordered by line, with the column named', () => {
    const err = refusal([
      { line: 7, field: 'quantity', code: 'quantity_invalid', message: 'must be a number greater than zero' },
      { line: 3, field: 'counterparty', code: 'counterparty_not_found', message: 'no such counterparty' },
    ]);
    expect(importErrorRows(err, ru)).toEqual([
      { line: 3, field: 'Контрагент', message: 'Контрагент с таким ИНН или наименованием не найден' },
      { line: 7, field: 'Количество', message: 'Количество должно быть больше нуля, не более трех знаков после запятой' },
    ]);
    expect(importErrorRows(err, en)[0]).toEqual({ line: 3, field: 'Counterparty', message: 'No counterparty with this INN or name' });
  });

  it('reads a nested field path and keeps the server message for a code it does not know', () => {
    const rows = importErrorRows(refusal([{ line: 4, field: 'lines[0].cost', code: 'brand_new_code', message: 'cost is odd' }]), ru);
    expect(rows).toEqual([{ line: 4, field: 'Себестоимость', message: 'cost is odd' }]);
  });

  it('shows an unknown column as the server named it and a refusal of the whole file without a line', () => {
    const rows = importErrorRows(
      refusal([
        { field: 'header', message: 'missing column amount' },
        { field: 'weird', message: 'x' },
      ]),
      en,
    );
    expect(rows).toEqual([
      { line: null, field: 'Header', message: 'missing column amount' },
      { line: null, field: 'weird', message: 'x' },
    ]);
  });

  it('turns a refusal without details or a network failure into one row', () => {
    expect(importErrorRows(new ApiError(415, 'unsupported_media_type', 'nope'), ru)).toEqual([
      { line: null, field: '', message: 'Неверный формат запроса' },
    ]);
    expect(importErrorRows(new Error('offline'), ru)).toEqual([{ line: null, field: '', message: 'offline' }]);
  });
});

describe('the expected columns', () => {
  it('the example starts with the header the server expects and has a line per example row', () => {
    const lines = IMPORT_EXAMPLE.split('\n');
    expect(lines[0]).toBe('date;counterparty;sku;description;quantity;amount;cost');
    for (const l of lines.slice(1)) expect(l.split(';')).toHaveLength(IMPORT_COLUMNS.length);
  });

  it('every column has a hint and a name in both languages', () => {
    for (const c of IMPORT_COLUMNS) {
      for (const t of [ru, en]) {
        expect(t(`sales.import.hints.${c}`, { defaultValue: '' })).not.toBe('');
        expect(t(`sales.import.columns.${c}`, { defaultValue: '' })).not.toBe('');
      }
    }
  });
});
