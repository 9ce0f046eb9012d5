import { describe, expect, it } from 'vitest';
import { isValidInn, isValidKpp } from '../features/counterparties/counterparties.logic.js';
import { phoneToE164 } from '../features/contact-info/contact-info.logic.js';
import {
  birthdayInDays,
  e164Of,
  feminineSurname,
  kppOf,
  legalInn,
  patronymic,
  personInn,
  seededRandom,
  translit,
  writePhone,
} from './demo.logic.js';

describe('demo requisites', () => {
  it('makes INNs with correct check digits', () => {
    for (let serial = 0; serial < 2000; serial += 7) {
      const l = legalInn('7736', serial);
      const p = personInn('5406', serial * 13);
      expect(l).toMatch(/^7736\d{6}$/);
      expect(p).toMatch(/^5406\d{8}$/);
      expect(isValidInn(l)).toBe(true);
      expect(isValidInn(p)).toBe(true);
    }
    // The published INN of ПАО «Сбербанк» checks the formula against a real number.
    expect(legalInn('7707', 8389)).toBe('7707083893');
    expect(isValidKpp(kppOf('7736'))).toBe(true);
    expect(kppOf('7736')).toBe('773601001');
  });
});

describe('demo phones', () => {
  it('writes one number eight ways that all normalise to the same E.164', () => {
    for (let style = 0; style < 8; style++) {
      expect(phoneToE164(writePhone('495', '1234567', style), 'RU')).toBe('+74951234567');
      expect(phoneToE164(writePhone('916', '2345678', style), 'RU')).toBe('+79162345678');
    }
    expect(writePhone('495', '1234567', 0)).toBe('8 (495) 123-45-67');
    expect(writePhone('812', '5551234', 1)).toBe('+7 812 555-12-34');
    expect(e164Of('812', '5551234')).toBe('+78125551234');
  });
});

describe('demo people and dates', () => {
  it('places a birthday N days ahead, across the new year and on 29 February', () => {
    expect(birthdayInDays('2026-12-21', 0, 1980)).toBe('1980-12-21');
    expect(birthdayInDays('2026-12-21', 27, 1980)).toBe('1980-01-17');
    expect(birthdayInDays('2028-02-27', 2, 1981)).toBe('1980-02-29');
  });
  it('agrees surnames and patronymics with gender', () => {
    expect(feminineSurname('Иванов')).toBe('Иванова');
    expect(feminineSurname('Вишневский')).toBe('Вишневская');
    expect(feminineSurname('Шевченко')).toBe('Шевченко');
    expect(patronymic('Иван', false)).toBe('Иванович');
    expect(patronymic('Сергей', true)).toBe('Сергеевна');
    expect(patronymic('Геннадий', true)).toBe('Геннадьевна');
    expect(translit('Ёлочка Щукина')).toBe('elochka-shchukina');
  });
  it('is repeatable for a seed', () => {
    const a = seededRandom(42),
      b = seededRandom(42);
    expect([a.int(0, 1000), a.int(0, 1000)]).toEqual([b.int(0, 1000), b.int(0, 1000)]);
  });
});
