import { describe, expect, it } from 'vitest';
import { fromDateTimeLocal, fromWall, inOneHour, nextFullHour, resolveTimeZone, toDateTimeLocal, toWall, tomorrowAt } from './zonedTime';

const MOSCOW = 'Europe/Moscow';
const BERLIN = 'Europe/Berlin';
const KATHMANDU = 'Asia/Kathmandu';

describe('Moscow (+03:00 all year)', () => {
  it('reads an instant on the Moscow clock and back', () => {
    expect(toWall('2026-11-27T07:00:00.000Z', MOSCOW)).toEqual({ date: '2026-11-27', time: '10:00' });
    expect(fromWall({ date: '2026-11-27', time: '10:00' }, MOSCOW)).toBe('2026-11-27T07:00:00.000Z');
  });

  it('shows the minute the clock shows, seconds cut off', () => {
    expect(toWall(new Date('2026-06-01T08:59:59.999Z'), MOSCOW)).toEqual({ date: '2026-06-01', time: '11:59' });
  });

  it('accepts seconds in the time and ignores them', () => {
    expect(fromWall({ date: '2026-06-01', time: '11:59:30' }, MOSCOW)).toBe('2026-06-01T08:59:00.000Z');
  });
});

describe('Berlin on its daylight-saving change days', () => {
  it('spring (29 March 2026): 02:00 CET becomes 03:00 CEST', () => {
    expect(fromWall({ date: '2026-03-29', time: '01:59' }, BERLIN)).toBe('2026-03-29T00:59:00.000Z');
    expect(fromWall({ date: '2026-03-29', time: '03:00' }, BERLIN)).toBe('2026-03-29T01:00:00.000Z');
    expect(toWall('2026-03-29T00:59:00Z', BERLIN)).toEqual({ date: '2026-03-29', time: '01:59' });
    expect(toWall('2026-03-29T01:00:00Z', BERLIN)).toEqual({ date: '2026-03-29', time: '03:00' });
  });

  it('spring: a skipped time moves forward by the jump', () => {
    expect(fromWall({ date: '2026-03-29', time: '02:30' }, BERLIN)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('autumn (25 October 2026): 03:00 CEST becomes 02:00 CET, 02:30 happens twice', () => {
    expect(toWall('2026-10-25T00:30:00Z', BERLIN)).toEqual({ date: '2026-10-25', time: '02:30' });
    expect(toWall('2026-10-25T01:30:00Z', BERLIN)).toEqual({ date: '2026-10-25', time: '02:30' });
    expect(fromWall({ date: '2026-10-25', time: '01:59' }, BERLIN)).toBe('2026-10-24T23:59:00.000Z');
    expect(fromWall({ date: '2026-10-25', time: '03:00' }, BERLIN)).toBe('2026-10-25T02:00:00.000Z');
  });

  it('autumn: the repeated 02:30 is read as the second one (winter time)', () => {
    expect(fromWall({ date: '2026-10-25', time: '02:30' }, BERLIN)).toBe('2026-10-25T01:30:00.000Z');
  });

  it('"tomorrow at 9:00" across the change is 9:00 on the new offset', () => {
    expect(tomorrowAt(9, BERLIN, new Date('2026-03-28T12:00:00Z'))).toEqual({ date: '2026-03-29', time: '09:00' });
    expect(fromWall(tomorrowAt(9, BERLIN, new Date('2026-03-28T12:00:00Z')), BERLIN)).toBe('2026-03-29T07:00:00.000Z');
    expect(fromWall(tomorrowAt(9, BERLIN, new Date('2026-10-24T12:00:00Z')), BERLIN)).toBe('2026-10-25T08:00:00.000Z');
  });
});

describe('Kathmandu (+05:45)', () => {
  it('keeps the 45 minutes of the offset both ways', () => {
    expect(fromWall({ date: '2026-01-15', time: '10:00' }, KATHMANDU)).toBe('2026-01-15T04:15:00.000Z');
    expect(toWall('2026-01-15T04:15:00Z', KATHMANDU)).toEqual({ date: '2026-01-15', time: '10:00' });
  });

  it('"next full hour" is a full hour on the Kathmandu clock', () => {
    // 10:05 local: 11:10 is 65 minutes on, so 11:00.
    expect(nextFullHour(KATHMANDU, new Date('2026-01-15T04:20:00Z'))).toEqual({ date: '2026-01-15', time: '11:00' });
    // 09:45 local: 10:00 is still 15 minutes away.
    expect(nextFullHour(KATHMANDU, new Date('2026-01-15T04:00:00Z'))).toEqual({ date: '2026-01-15', time: '10:00' });
  });

  it('an evening in UTC is already the next day there', () => {
    expect(toWall('2026-01-15T18:15:00Z', KATHMANDU)).toEqual({ date: '2026-01-16', time: '00:00' });
  });
});

describe('date rollover', () => {
  const newYearsEveUtc = new Date('2026-12-31T21:30:00Z'); // 00:30 on 1 January in Moscow

  it('"tomorrow" follows the zone\'s calendar, not UTC\'s', () => {
    expect(toWall(newYearsEveUtc, MOSCOW)).toEqual({ date: '2027-01-01', time: '00:30' });
    expect(tomorrowAt(9, MOSCOW, newYearsEveUtc)).toEqual({ date: '2027-01-02', time: '09:00' });
    expect(tomorrowAt(9, 'UTC', newYearsEveUtc)).toEqual({ date: '2027-01-01', time: '09:00' });
  });

  it('"in an hour" crosses midnight and the year', () => {
    expect(inOneHour(MOSCOW, new Date('2026-12-31T20:30:00Z'))).toEqual({ date: '2027-01-01', time: '00:30' });
  });

  it('"next full hour" crosses midnight', () => {
    expect(nextFullHour(MOSCOW, new Date('2026-12-31T20:50:00Z'))).toEqual({ date: '2027-01-01', time: '00:00' });
  });

  it('the last day of February depends on the year', () => {
    expect(tomorrowAt(9, 'UTC', new Date('2028-02-28T12:00:00Z'))).toEqual({ date: '2028-02-29', time: '09:00' });
    expect(tomorrowAt(9, 'UTC', new Date('2027-02-28T12:00:00Z'))).toEqual({ date: '2027-03-01', time: '09:00' });
  });
});

describe('malformed input', () => {
  it.each([
    { date: '', time: '10:00' },
    { date: '2026-01-15', time: '' },
    { date: '2026-02-30', time: '10:00' },
    { date: '2026-13-01', time: '10:00' },
    { date: '2026-1-5', time: '10:00' },
    { date: '2026-01-15', time: '24:00' },
    { date: '2026-01-15', time: '10:60' },
    { date: '2026-01-15', time: '9:00' },
    { date: 'tomorrow', time: 'noon' },
  ])('fromWall(%o) is null', (wall) => {
    expect(fromWall(wall, MOSCOW)).toBeNull();
  });

  it('an unreadable instant gives empty inputs', () => {
    expect(toWall('not a date', MOSCOW)).toEqual({ date: '', time: '' });
  });

  it('a datetime-local value that is not one gives null', () => {
    expect(fromWall(fromDateTimeLocal('garbage'), MOSCOW)).toBeNull();
    expect(fromWall(fromDateTimeLocal(''), MOSCOW)).toBeNull();
  });
});

describe('datetime-local inputs', () => {
  it('reads and writes "YYYY-MM-DDTHH:mm"', () => {
    expect(fromDateTimeLocal('2026-11-27T10:00')).toEqual({ date: '2026-11-27', time: '10:00' });
    expect(toDateTimeLocal({ date: '2026-11-27', time: '10:00' })).toBe('2026-11-27T10:00');
    expect(toDateTimeLocal({ date: '', time: '' })).toBe('');
    expect(fromWall(fromDateTimeLocal('2026-11-27T10:00'), MOSCOW)).toBe('2026-11-27T07:00:00.000Z');
  });
});

describe('resolveTimeZone', () => {
  it('keeps a zone the browser knows', () => {
    expect(resolveTimeZone(BERLIN)).toBe(BERLIN);
    expect(resolveTimeZone(KATHMANDU)).toBe(KATHMANDU);
  });

  it("falls back to the browser's zone (UTC in these tests) for a missing or unknown one", () => {
    expect(resolveTimeZone(undefined)).toBe('UTC');
    expect(resolveTimeZone(null)).toBe('UTC');
    expect(resolveTimeZone('')).toBe('UTC');
    expect(resolveTimeZone('Fantasia/Castle')).toBe('UTC');
  });

  it('every conversion uses the same fallback', () => {
    expect(toWall('2026-11-27T07:00:00Z', 'Fantasia/Castle')).toEqual({ date: '2026-11-27', time: '07:00' });
    expect(fromWall({ date: '2026-11-27', time: '10:00' }, 'Fantasia/Castle')).toBe('2026-11-27T10:00:00.000Z');
  });
});
