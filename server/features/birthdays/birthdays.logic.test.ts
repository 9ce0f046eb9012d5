import { describe, expect, it } from 'vitest';
import {
  assigneesOf,
  byYear,
  datesFrom,
  daysBetween,
  monthDaysOf,
  nextOccurrence,
  reminderKey,
  reminderTitle,
  reminderWindow,
} from './birthdays.logic.js';

describe('reminderWindow', () => {
  it('opens n days before the birthday and closes on the day', () => {
    expect(reminderWindow('1985-03-14', 3, '2026-03-10')).toMatchObject({
      occurrence: '2026-03-14',
      remindOn: '2026-03-11',
      due: false,
      age: 41,
    });
    expect(reminderWindow('1985-03-14', 3, '2026-03-11')).toMatchObject({ remindOn: '2026-03-11', due: true });
    expect(reminderWindow('1985-03-14', 3, '2026-03-14')).toMatchObject({ occurrence: '2026-03-14', due: true });
  });

  it('n = 0 reminds on the day itself only', () => {
    expect(reminderWindow('1985-03-14', 0, '2026-03-13').due).toBe(false);
    expect(reminderWindow('1985-03-14', 0, '2026-03-14')).toMatchObject({ occurrence: '2026-03-14', remindOn: '2026-03-14', due: true });
  });

  it('after an outage the window is still open until the birthday', () => {
    // Reminder day was 11 March; the server came back on 13 March.
    expect(reminderWindow('1985-03-14', 3, '2026-03-13')).toMatchObject({ remindOn: '2026-03-11', due: true });
  });

  it('a passed birthday is next year’s, not due', () => {
    expect(reminderWindow('1985-03-14', 3, '2026-03-15')).toMatchObject({
      occurrence: '2027-03-14',
      remindOn: '2027-03-11',
      due: false,
      age: 42,
    });
  });

  it('crosses the new year: 2 January with n = 5 is reminded on 28 December', () => {
    expect(reminderWindow('1990-01-02', 5, '2026-12-27').due).toBe(false);
    expect(reminderWindow('1990-01-02', 5, '2026-12-28')).toMatchObject({
      occurrence: '2027-01-02',
      remindOn: '2026-12-28',
      due: true,
      age: 37,
    });
    expect(reminderWindow('1990-01-02', 5, '2027-01-01')).toMatchObject({ occurrence: '2027-01-02', due: true });
  });

  it('29 February is celebrated on 28 February in other years and on 29 February in leap years', () => {
    expect(reminderWindow('1992-02-29', 0, '2027-02-28')).toMatchObject({ occurrence: '2027-02-28', due: true, age: 35 });
    expect(reminderWindow('1992-02-29', 0, '2027-03-01')).toMatchObject({ occurrence: '2028-02-29', due: false });
    expect(reminderWindow('1992-02-29', 0, '2028-02-28').due).toBe(false);
    expect(reminderWindow('1992-02-29', 0, '2028-02-29')).toMatchObject({ occurrence: '2028-02-29', due: true, age: 36 });
    expect(reminderWindow('1992-02-29', 2, '2027-02-26')).toMatchObject({ remindOn: '2027-02-26', due: true });
  });

  it('a long lead time never picks next year while this year’s is still ahead', () => {
    expect(reminderWindow('1985-03-14', 365, '2026-03-14')).toMatchObject({ occurrence: '2026-03-14', due: true });
    expect(reminderWindow('1985-03-14', 365, '2026-03-15')).toMatchObject({ occurrence: '2027-03-14', remindOn: '2026-03-14', due: true });
  });

  it('the day of birth is not a birthday', () => {
    expect(nextOccurrence('2026-03-14', '2026-03-14')).toBe('2027-03-14');
    expect(nextOccurrence('2026-01-10', '2026-03-01')).toBe('2027-01-10');
  });
});

describe('window helpers', () => {
  it('lists month-days including 29 February on 28 February of a non-leap year', () => {
    expect(monthDaysOf(datesFrom('2027-02-27', 2))).toEqual(['02-27', '02-28', '02-29', '03-01']);
    expect(monthDaysOf(datesFrom('2028-02-28', 1))).toEqual(['02-28', '02-29']);
  });

  it('splits a window at the new year', () => {
    expect(byYear(datesFrom('2026-12-30', 3))).toEqual([
      ['2026-12-30', '2026-12-31'],
      ['2027-01-01', '2027-01-02'],
    ]);
  });

  it('counts days', () => {
    expect(daysBetween('2026-12-28', '2027-01-02')).toBe(5);
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1); // no DST drift: UTC calendar days
  });
});

describe('the task', () => {
  it('titles as 1C users expect', () => {
    expect(reminderTitle('Петрова Мария Ивановна', 'Ромашка', '2026-03-14')).toBe('День рождения: Петрова Мария Ивановна (Ромашка), 14.03');
    expect(reminderTitle('Сидоров Пётр', null, '2027-01-02')).toBe('День рождения: Сидоров Пётр, 02.01');
  });

  it('keys by person, year of the occurrence and assignee', () => {
    expect(reminderKey('p1', '2027-01-02', 'u1')).toBe('birthday:p1:2027:u1');
  });

  it('assigns the jobs user and the responsible manager once each', () => {
    expect(assigneesOf('u1', 'u2', true)).toEqual(['u1', 'u2']);
    expect(assigneesOf('u1', 'u1', true)).toEqual(['u1']);
    expect(assigneesOf('u1', 'u2', false)).toEqual(['u1']);
    expect(assigneesOf(null, 'u2', true)).toEqual(['u2']);
    expect(assigneesOf(null, null, true)).toEqual([]);
  });
});

describe('reminder title', () => {
  it('speaks the assignee language', () => {
    expect(reminderTitle('Петрова Мария', 'Ромашка', '2026-03-14')).toBe('День рождения: Петрова Мария (Ромашка), 14.03');
    expect(reminderTitle('Петрова Мария', null, '2026-03-14', 'en')).toBe('Birthday: Петрова Мария, 14.03');
  });
});
