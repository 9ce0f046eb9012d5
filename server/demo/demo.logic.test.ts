import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { isValidInn, isValidKpp } from '../features/counterparties/counterparties.logic.js';
import { phoneToE164 } from '../features/contact-info/contact-info.logic.js';
import {
  birthdayInDays,
  e164Of,
  feminineSurname,
  formatPhone,
  kppOf,
  legalInn,
  patronymic,
  personInn,
  seededRandom,
  translit,
  writePhone,
} from './demo.logic.js';
import { planActivity } from './demo.activity.js';

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

describe('demo activity plan', () => {
  const input = {
    today: '2026-12-21',
    timeZone: 'Europe/Moscow',
    counterparties: [
      { id: 'c1', responsibleUserId: 'u1', customer: true, supplier: false, personIds: ['p1', 'p2'] },
      { id: 'c2', responsibleUserId: 'u2', customer: false, supplier: true, personIds: [] },
    ],
    individuals: [{ id: 'i1', responsibleUserId: 'u1' }],
    prospects: [{ id: 'n1', personId: 'np1', responsibleUserId: 'u2', source: 'Сайт', converted: true }],
  };
  const now = new Date('2026-12-21T07:00:00Z');
  const plan = () => planActivity(input, seededRandom(7), now);

  it('is the same for the same seed and day, oldest first', () => {
    const a = plan();
    expect(a).toEqual(plan());
    expect(a.map((e) => e.startAt)).toEqual(a.map((e) => e.startAt).sort());
    expect(a.length).toBeGreaterThan(360);
  });

  it('puts work on weekdays between 9:00 and 18:00 in the company zone, a year back and a month ahead', () => {
    for (const e of plan()) {
      const local = DateTime.fromISO(e.startAt, { zone: 'Europe/Moscow' });
      expect(local.weekday).toBeLessThanOrEqual(5);
      expect(local.hour).toBeGreaterThanOrEqual(9);
      expect(local.hour).toBeLessThanOrEqual(17);
      expect(e.startAt >= '2025-12-19').toBe(true);
      expect(e.startAt <= '2027-01-22').toBe(true);
    }
  });

  it('decides state, outcome and reminders by time', () => {
    for (const e of plan()) {
      if (e.startAt > now.toISOString()) expect(e.state).toBe('planned');
      if (e.outcome) expect(e.state).toBe('completed');
      if (e.reminder) expect(e.reminder.remindAt <= e.reminder.dueAt).toBe(true);
      if (e.reminder?.done) expect(e.state).toBe('completed');
      if (e.endAt) expect(e.endAt > e.startAt).toBe(true);
    }
    const requests = plan().filter((e) => e.infoSource);
    expect(requests).toEqual([expect.objectContaining({ direction: 'incoming', counterpartyId: 'n1', infoSource: 'Сайт' })]);
  });

  it('writes every demo phone in one form', () => {
    expect(formatPhone('495', '1234567')).toBe('+7 (495) 123-45-67');
  });
});
