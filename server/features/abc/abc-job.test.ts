// The monthly automatic classification: once per calendar month of the company's zone, whatever
// the number of runs or instances.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { createDb, type Database } from '../../db/database.js';
import { runMonthly } from './abc-fill.service.js';
import { classOf, counterparty, sale } from './abc.test-support.js';

let t: TestApp;
const extra: Database[] = [];
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-30T21:30:00Z' });
});
afterEach(async () => {
  for (const d of extra.splice(0)) await d.close();
  await t.close();
});

const docs = () => t.db.selectFrom('abcClassifications').selectAll().orderBy('number').execute();

describe('monthly ABC job', () => {
  it('does nothing while the setting is off or without a scheduled-jobs user', async () => {
    expect(await runMonthly(t.app.deps)).toBe('off');
    await t.patch(t.adminCookie, '/api/settings', { abcMonthlyAuto: true });
    expect(await runMonthly(t.app.deps)).toBe('no scheduled-jobs user');
    expect(await docs()).toEqual([]);
  });

  it('two concurrent runs make, fill and apply one classification of the previous 12 months, then one a month', async () => {
    const robot = await t.userWithCookie('admin', 'Робот');
    await t.patch(t.adminCookie, '/api/settings', { abcMonthlyAuto: true, scheduledJobsUserId: robot.id, timeZone: 'Europe/Moscow' });
    const a = await counterparty(t, 'Альфа');
    const b = await counterparty(t, 'Бета');
    await sale(t, a, '2025-12-01', 900_00); // the first day of the period (December 2025 … November 2026)
    await sale(t, b, '2026-11-30', 100_00); // the last day
    await sale(t, b, '2025-11-30', 5000_00); // before it
    // 21:30 UTC on 30 November is already 1 December in Moscow.
    const runners = [0, 1].map(() => {
      if (t.database.dialect === 'sqlite') return t.app.deps;
      const d = createDb(t.database.url, { pgSchema: t.database.schema, poolSize: 2 });
      extra.push(d);
      return { ...t.app.deps, db: d.db };
    });
    const results = await Promise.all(runners.map((deps) => runMonthly(deps)));
    expect(results.filter((r) => r.includes('done before'))).toHaveLength(1);
    const [doc] = await docs();
    expect(await docs()).toHaveLength(1);
    expect(doc).toMatchObject({
      autoMonth: '2026-12',
      date: '2026-12-01',
      periodFrom: '2025-12-01',
      periodTo: '2026-11-30',
      state: 'applied',
      responsibleUserId: robot.id,
      customerCount: 2,
    });
    expect(Number(doc.total)).toBe(1000_00);
    expect([await classOf(t, a), await classOf(t, b)]).toEqual(['A', 'C']);
    // Later the same month: nothing new.
    t.clock.set('2026-12-20T10:00:00Z');
    expect(await runMonthly(t.app.deps)).toBe('2026-12: done before');
    // The next month: one more, with the previous classes.
    t.clock.set('2027-01-01T06:00:00Z');
    await sale(t, b, '2026-12-05', 10000_00);
    await runMonthly(t.app.deps);
    const all = await docs();
    expect(all.map((d) => [d.autoMonth, d.periodFrom, d.periodTo, d.state])).toEqual([
      ['2026-12', '2025-12-01', '2026-11-30', 'applied'],
      ['2027-01', '2026-01-01', '2026-12-31', 'applied'],
    ]);
    expect([await classOf(t, a), await classOf(t, b)]).toEqual(['C', 'A']);
    const tasks = await t.db.selectFrom('tasks').select(['title', 'source']).execute();
    expect(tasks).toEqual([{ title: 'Покупатель перешел из класса A в C: Альфа', source: 'abc' }]);
  });
});
