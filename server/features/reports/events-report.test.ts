import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка' })).json();
  const p = (await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: cp.id, lastName: 'Петрова' })).json();
  const base = { kind: 'phoneCall', direction: 'outgoing', state: 'completed', counterpartyId: cp.id };
  await t.post(t.adminCookie, '/api/events', {
    ...base,
    contactPersonId: p.id,
    subject: 'Звонок 1',
    startAt: '2026-11-02T10:00:00Z',
    endAt: '2026-11-02T10:12:00Z',
    outcome: 'success',
  });
  await t.post(t.adminCookie, '/api/events', {
    ...base,
    contactPersonId: p.id,
    subject: 'Звонок 2',
    startAt: '2026-11-03T10:00:00Z',
    endAt: '2026-11-03T10:03:00Z',
    outcome: 'failure',
  });
  const plus = (await t.post(t.adminCookie, '/api/counterparties', { name: '+Плюс' })).json();
  await t.post(t.adminCookie, '/api/events', {
    ...base,
    counterpartyId: plus.id,
    subject: 'Прочее',
    startAt: '2026-10-01T10:00:00Z',
    state: 'cancelled',
  });
  await t.post(t.adminCookie, '/api/events', {
    ...base,
    subject: '=cmd|calc',
    startAt: '2026-11-04T10:00:00Z',
    endAt: '2026-11-04T10:30:00Z',
    kind: 'meeting',
    direction: null,
  });
});
afterEach(async () => t.close());

describe('events report', () => {
  it('groups by counterparty and contact person with totals', async () => {
    const r = (await t.get(t.adminCookie, '/api/reports/events?groupBy=counterparty,contactPerson&details=false&from=2026-11-01')).json();
    expect(r.groupBy).toEqual(['counterparty', 'contactPerson']);
    expect(r.rows.map((x: any) => [x.level, x.label, x.count, x.durationMinutes])).toEqual([
      [0, 'Ромашка', 3, 45],
      [1, 'Петрова', 2, 15],
      [1, '<не указано>', 1, 30],
    ]);
    expect(r.totals).toEqual({ count: 3, durationMinutes: 45 });
  });

  it('filters by kind and period and drills down to the events', async () => {
    const r = (await t.get(t.adminCookie, '/api/reports/events?groupBy=kind&kind=phoneCall&from=2026-11-03&to=2026-11-30')).json();
    expect(r.rows.map((x: any) => [x.type, x.label])).toEqual([
      ['group', 'Телефонный звонок'],
      ['event', '№2 Звонок 2'],
    ]);
    expect(r.rows[1].eventId).toBeTruthy();
  });

  it('an empty grouping gives a flat list of events', async () => {
    const r = (await t.get(t.adminCookie, '/api/reports/events?groupBy=&from=2026-11-01')).json();
    expect(r.groupBy).toEqual([]);
    expect(r.rows.map((x: any) => x.type)).toEqual(['event', 'event', 'event']);
  });

  it('refuses injected groupings and periods', async () => {
    for (const qs of ['groupBy=counterparty;drop', 'groupBy=passwordHash', 'period=year', 'groupBy=period&period=day%27--']) {
      expect((await t.get(t.adminCookie, `/api/reports/events?${qs}`)).statusCode, qs).toBe(400);
    }
  });

  it('exports CSV and XLSX with totals and neutralised text', async () => {
    const csv = await t.get(t.adminCookie, '/api/reports/events?groupBy=counterparty&format=csv&lang=en');
    expect(csv.headers['content-disposition']).toContain('Events%20report');
    expect(csv.body).toContain('Counterparty,Ромашка,3,45');
    expect(csv.body).toContain(`Counterparty,'+Плюс,1,0`);
    expect(csv.body).toContain('Total,,4,45');
    const xlsx = await t.get(t.adminCookie, '/api/reports/events?groupBy=counterparty,contactPerson&format=xlsx&lang=ru');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = wb.worksheets[0].getColumn(2).values as unknown[];
    expect(values).toContain('Ромашка');
    expect(values).toContain('  Петрова');
  });

  it('cold calls: success rate per responsible and month', async () => {
    const r = (await t.get(t.adminCookie, '/api/reports/cold-calls?period=month')).json();
    expect(r.calls).toEqual([expect.objectContaining({ period: '2026-11', calls: 2, successes: 1, failures: 1, successRate: 0.5 })]);
  });
});
