import { describe, expect, it } from 'vitest';
import { coldCallsTables, eventsReportTable } from './report-tables.logic.js';

const call = (period: string, calls: number, successes: number, failures: number) => ({
  responsibleUserId: '0190a000-0000-7000-8000-000000000001',
  responsibleUserName: 'Волков',
  period,
  calls,
  successes,
  failures,
  successRate: successes + failures > 0 ? successes / (successes + failures) : null,
});

describe('cold-call tables', () => {
  it('periods are dates (months shown as months), calls without an outcome counted, totals summed', () => {
    const [calls, sources] = coldCallsTables(
      {
        unit: 'month',
        calls: [call('2026-10', 4, 1, 2), call('2026-11', 2, 0, 0)],
        sources: [
          { infoSourceId: null, name: null, requests: 1 },
          { infoSourceId: '0190a000-0000-7000-8000-000000000002', name: 'Сайт', requests: 3 },
        ],
      },
      'ru',
      'Europe/Moscow',
    );
    expect(calls.rows).toEqual([
      [
        { kind: 'text', value: 'Волков' },
        { kind: 'date', value: '2026-10-01', format: 'month' },
        { kind: 'number', value: 4 },
        { kind: 'number', value: 1 },
        { kind: 'number', value: 2 },
        { kind: 'number', value: 1 },
        { kind: 'number', value: 1 / 3, format: 'percent' },
      ],
      [
        { kind: 'text', value: 'Волков' },
        { kind: 'date', value: '2026-11-01', format: 'month' },
        { kind: 'number', value: 2 },
        { kind: 'number', value: 0 },
        { kind: 'number', value: 0 },
        { kind: 'number', value: 2 },
        // No outcome at all: no rate, an empty cell rather than 0 %.
        null,
      ],
      [
        { kind: 'text', value: 'Итого', bold: true },
        null,
        { kind: 'number', value: 6, bold: true },
        { kind: 'number', value: 1, bold: true },
        { kind: 'number', value: 2, bold: true },
        { kind: 'number', value: 3, bold: true },
        { kind: 'number', value: 1 / 3, format: 'percent', bold: true },
      ],
    ]);
    expect(sources.rows.map((r) => r.map((c) => c?.value))).toEqual([
      ['<не указан>', 1, 0.25],
      ['Сайт', 3, 0.75],
      ['Итого', 4, 1],
    ]);
  });

  it('an empty report still has its totals, in English', () => {
    const [calls, sources] = coldCallsTables({ unit: 'week', calls: [], sources: [] }, 'en', 'UTC');
    expect(calls.title).toBe('Outgoing calls');
    expect(calls.rows.map((r) => r.map((c) => c?.value ?? null))).toEqual([['Total', null, 0, 0, 0, 0, null]]);
    expect(sources.rows.map((r) => r.map((c) => c?.value ?? null))).toEqual([['Total', 0, null]]);
  });
});

describe('events report table', () => {
  it('keeps count and duration as the third and fourth columns and ends with the total', () => {
    const t = eventsReportTable(
      { groupBy: [], period: 'month', rows: [], totals: { count: 0, durationMinutes: 0 }, truncated: false },
      'ru',
      'UTC',
    );
    expect(t.headers.slice(2, 4)).toEqual(['Количество', 'Длительность, мин']);
    expect(t.headers).toContain('Направление');
    expect(t.headers).toContain('Важность');
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0].length).toBe(t.headers.length);
  });

  it('translates the codes and periods of the JSON into the words of the file', () => {
    const group = (grouping: 'kind' | 'period' | 'counterparty', key: string | null, label: string | null) => ({
      level: 0,
      type: 'group' as const,
      grouping,
      key,
      label,
      count: 1,
      durationMinutes: 5,
      eventId: null,
      number: null,
      startAt: null,
      counterpartyName: null,
      contactPersonName: null,
      kind: null,
      direction: null,
      importance: null,
      state: null,
    });
    const rows = [group('kind', 'meeting', null), group('period', '2026-11', null), group('counterparty', null, null)];
    const report = { groupBy: ['kind'], period: 'month' as const, rows, totals: { count: 3, durationMinutes: 15 }, truncated: false };
    expect(eventsReportTable(report, 'ru', 'UTC').rows.map((r) => r[1]?.value)).toEqual([
      'Встреча',
      'Ноябрь 2026',
      '<не указано>',
      undefined,
    ]);
    expect(eventsReportTable(report, 'en', 'UTC').rows.map((r) => r[1]?.value)).toEqual([
      'Meeting',
      'November 2026',
      '<not set>',
      undefined,
    ]);
  });
});
