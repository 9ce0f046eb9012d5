import { describe, expect, it } from 'vitest';
import type { Event } from '../../../shared/api/events.js';
import { coldCalls, groupEvents, periodKey, periodKeyer, periodOf } from './events-report.logic.js';

let n = 0;
const ev = (o: Partial<Event>): Event => ({
  id: `0190e7a0-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  number: n,
  kind: 'phoneCall',
  direction: 'outgoing',
  startAt: '2026-11-10T10:00:00.000Z',
  endAt: null,
  durationMinutes: 10,
  counterpartyId: 'c1',
  counterpartyName: 'Ромашка',
  contactPersonId: null,
  contactPersonName: null,
  subject: 's',
  description: null,
  content: null,
  importance: 'normal',
  state: 'completed',
  outcome: null,
  basis: null,
  infoSourceId: null,
  infoSourceName: null,
  responsibleUserId: 'u1',
  responsibleUserName: 'Анна',
  authorId: null,
  authorName: null,
  createdAt: '',
  updatedAt: '',
  archivedAt: null,
  ...o,
});

describe('periodOf', () => {
  it('puts an instant in the local day, ISO week and month', () => {
    // 2026-11-30T22:30Z is already 1 December in Moscow.
    expect(periodOf('2026-11-30T22:30:00Z', 'day', 'Europe/Moscow', 'ru')).toEqual({ key: '2026-12-01', label: '01.12.2026' });
    expect(periodOf('2026-11-30T22:30:00Z', 'month', 'Europe/Moscow', 'ru')).toEqual({ key: '2026-12', label: 'Декабрь 2026' });
    expect(periodOf('2026-11-30T22:30:00Z', 'month', 'UTC', 'en')).toEqual({ key: '2026-11', label: 'November 2026' });
    expect(periodOf('2026-11-29T10:00:00Z', 'week', 'UTC', 'ru')).toEqual({ key: '2026-11-23', label: 'Неделя с 23.11.2026' });
  });
});

describe('periodKeyer', () => {
  it('gives the same periods as periodOf, across daylight-saving switches and year ends', () => {
    for (const zone of ['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      for (const unit of ['day', 'week', 'month'] as const) {
        const keyer = periodKeyer(unit, zone);
        for (let ms = Date.UTC(2025, 11, 20); ms < Date.UTC(2026, 11, 31); ms += 3_600_000 * 7 + 60_000 * 13) {
          const iso = new Date(ms).toISOString();
          expect(keyer(iso), `${zone} ${unit} ${iso}`).toBe(periodKey(iso, unit, zone));
        }
      }
    }
  });
});

describe('groupEvents', () => {
  const events = [
    ev({ counterpartyId: 'c2', counterpartyName: 'Василёк', contactPersonId: 'p3', contactPersonName: 'Сидоров', durationMinutes: 5 }),
    ev({ contactPersonId: 'p1', contactPersonName: 'Петрова', durationMinutes: 15 }),
    ev({ contactPersonId: 'p1', contactPersonName: 'Петрова', durationMinutes: 20 }),
    ev({ contactPersonId: null, durationMinutes: 7 }),
    ev({ counterpartyId: null, counterpartyName: null, durationMinutes: 1 }),
  ];

  it('nests groups in the given order with exact totals; empty values last', () => {
    const rows = groupEvents(events, ['counterparty', 'contactPerson'], { period: 'month', timeZone: 'UTC', details: false });
    expect(rows.map((r) => [r.level, r.key, r.label, r.count, r.durationMinutes])).toEqual([
      [0, 'c2', 'Василёк', 1, 5],
      [1, 'p3', 'Сидоров', 1, 5],
      [0, 'c1', 'Ромашка', 3, 42],
      [1, 'p1', 'Петрова', 2, 35],
      [1, null, null, 1, 7],
      [0, null, null, 1, 1],
      [1, null, null, 1, 1],
    ]);
  });

  it('lists the events under the innermost group when details are on', () => {
    const rows = groupEvents(events.slice(1, 3), ['kind'], { period: 'month', timeZone: 'UTC', details: true });
    expect(rows.map((r) => [r.type, r.level, r.key, r.label, r.kind])).toEqual([
      ['group', 0, 'phoneCall', null, null],
      ['event', 1, null, `№${events[1].number} s`, 'phoneCall'],
      ['event', 1, null, `№${events[2].number} s`, 'phoneCall'],
    ]);
  });

  it('groups by importance under its code, most important first', () => {
    const list = [ev({ importance: 'low' }), ev({ importance: 'high' }), ev({ importance: 'normal' })];
    const rows = groupEvents(list, ['importance'], { period: 'month', timeZone: 'UTC', details: false });
    expect(rows.map((r) => [r.grouping, r.key, r.label])).toEqual([
      ['importance', 'high', null],
      ['importance', 'normal', null],
      ['importance', 'low', null],
    ]);
  });
});

describe('coldCalls', () => {
  it('counts outgoing calls, success rate per responsible and month, and requests by source', () => {
    const list = [
      ev({ outcome: 'success' }),
      ev({ outcome: 'failure' }),
      ev({ outcome: 'failure' }),
      ev({ outcome: null }),
      ev({ outcome: 'success', state: 'cancelled' }),
      ev({ outcome: 'success', startAt: '2026-12-02T10:00:00Z' }),
      ev({ direction: 'incoming', infoSourceId: 's1', infoSourceName: 'Сайт' }),
      ev({ direction: 'incoming', kind: 'email', infoSourceId: 's1', infoSourceName: 'Сайт' }),
      ev({ direction: 'incoming', kind: 'meeting' }),
    ];
    const r = coldCalls(list, 'month', 'UTC');
    expect(r.calls.map((c) => [c.period, c.calls, c.successes, c.failures, c.successRate])).toEqual([
      ['2026-11', 4, 1, 2, 1 / 3],
      ['2026-12', 1, 1, 0, 1],
    ]);
    expect(r.sources).toEqual([
      { infoSourceId: 's1', name: 'Сайт', requests: 2 },
      { infoSourceId: null, name: null, requests: 1 },
    ]);
  });
});
