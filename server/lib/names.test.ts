import { describe, expect, it } from 'vitest';
import { blankToNull, documentTitle, fullNameOf, fullNameOrNull, personSearchKey, searchKey } from './names.js';

describe('names', () => {
  it('search key folds case, ё and spaces', () => {
    expect(searchKey('  ООО «Ёлка»   Трейд ')).toBe('ооо «елка» трейд');
  });

  it('full name keeps every part that is there, middle name included', () => {
    expect(fullNameOf({ lastName: 'Иванов', firstName: 'Пётр', middleName: 'Сергеевич' })).toBe('Иванов Пётр Сергеевич');
    expect(fullNameOf({ lastName: 'Иванов', firstName: null, middleName: 'Сергеевич' })).toBe('Иванов Сергеевич');
    expect(fullNameOrNull({ lastName: null, firstName: 'Пётр', middleName: null })).toBeNull();
    expect(personSearchKey({ lastName: 'Ёжиков', firstName: 'Артём', middleName: null })).toBe('ежиков артем');
  });

  it('blank means no value', () => {
    expect(blankToNull('  ')).toBeNull();
    expect(blankToNull(undefined)).toBeNull();
    expect(blankToNull(' x ')).toBe('x');
  });

  it('document title', () => {
    expect(documentTitle(12, 'Звонок')).toBe('№12 Звонок');
    expect(documentTitle(3, null)).toBe('№3');
  });
});
