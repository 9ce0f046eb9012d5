// The demo's ABC classifications: one made half a year ago and one for the last twelve full months,
// both applied, so the counterparties carry classes, the history has two entries and the movement
// report has customers who went up and down (those who left class A got their task).
import { DateTime } from 'luxon';
import { fixedClock } from '../lib/clock.js';
import * as abc from '../features/abc/abc.service.js';
import { apply, fill, previousTwelveMonths } from '../features/abc/abc-fill.service.js';
import type { DemoContext } from './demo.js';

async function classify(ctx: DemoContext, date: string, comment: string) {
  const period = previousTwelveMonths(date);
  const at = DateTime.fromISO(date, { zone: ctx.admin.timeZone }).set({ hour: 10 }).toUTC().toISO()!;
  const deps = { ...ctx.deps, clock: fixedClock(at) };
  const doc = await abc.create(deps, ctx.admin, { date, periodFrom: period.from, periodTo: period.to, comment });
  await fill(deps, ctx.admin, doc.id);
  await apply(deps, ctx.admin, doc.id);
}

export async function demoAbc(ctx: DemoContext) {
  const halfYearAgo = DateTime.fromISO(ctx.today, { zone: 'utc' }).minus({ months: 6 }).set({ day: 1 }).toISODate()!;
  await classify(ctx, halfYearAgo, 'Классификация по итогам полугодия');
  await classify(ctx, ctx.today, 'Классификация за последние 12 месяцев');
}
