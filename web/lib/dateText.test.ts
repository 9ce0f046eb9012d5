import { describe, expect, it } from 'vitest';
import { parseDateText, parseDateTimeText, parseTimeText } from './dateText';

describe('parseDateText', () => {
  it.each([
    ['15.05.1980', '1980-05-15'],
    ['15/05/1980', '1980-05-15'],
    ['5.5.1980', '1980-05-05'],
    [' 29.02.2024 ', '2024-02-29'],
    ['1980-05-15', '1980-05-15'],
  ])('reads %s', (text, date) => expect(parseDateText(text)).toBe(date));

  it.each(['', '31.02.2024', '29.02.2023', '15.13.1980', '05/15/1980', '15.05.80', '15.05.0999', 'вчера', '1980-5-32'])(
    'refuses %s',
    (text) => expect(parseDateText(text)).toBeNull(),
  );
});

describe('parseTimeText', () => {
  it.each([
    ['14:30', '14:30'],
    ['9:05', '09:05'],
    ['09.05', '09:05'],
    ['23:59:59', '23:59'],
  ])('reads %s', (text, time) => expect(parseTimeText(text)).toBe(time));

  it.each(['24:00', '2:02 PM', '12:60', ''])('refuses %s', (text) => expect(parseTimeText(text)).toBeNull());
});

describe('parseDateTimeText', () => {
  it.each([
    ['27.11.2026 14:30', '2026-11-27T14:30'],
    ['27/11/2026, 09:00', '2026-11-27T09:00'],
    ['2026-11-27T18:00', '2026-11-27T18:00'],
    ['2026-11-27 18:00:00', '2026-11-27T18:00'],
  ])('reads %s', (text, value) => expect(parseDateTimeText(text)).toBe(value));

  it.each(['27.11.2026', '14:30', '31.11.2026 10:00', '27.11.2026 2:02 PM'])('refuses %s', (text) =>
    expect(parseDateTimeText(text)).toBeNull(),
  );
});
