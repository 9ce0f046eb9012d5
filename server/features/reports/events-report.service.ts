import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import {
  EVENT_GROUPINGS,
  type ColdCallsQuery,
  type ColdCallsReport,
  type EventsReport,
  type EventsReportQuery,
} from '../../../shared/api/reports.js';
import * as events from '../events/events.service.js';
import { DateTime } from 'luxon';
import { visibilityFor } from '../access/access.service.js';
import { fullNameOrNull } from '../../lib/names.js';
import { coldCalls, groupAggregates, groupEvents } from './events-report.logic.js';
import * as repo from './events-report.repo.js';
import { parseList } from './reports.logic.js';

const EVENTS_CAP = 50_000;

/** May the database group by period in this zone? Its buckets are UTC hours: right for every zone
 * whose offset over the period is a whole number of hours (all but a few, such as India's +05:30). */
function wholeHourZone(timeZone: string, dates: (string | undefined)[]): boolean {
  return dates.every((d) => d === undefined || DateTime.fromISO(d, { zone: timeZone }).offset % 60 === 0);
}

export async function eventsReport(deps: Deps, actor: Actor, q: EventsReportQuery): Promise<EventsReport & { lang: 'ru' | 'en' }> {
  const groupBy = q.groupBy === '' ? [] : parseList(q.groupBy, EVENT_GROUPINGS, ['counterparty']);
  const lang = q.lang ?? actor.language;
  const period = q.period ?? 'month';
  const details = q.details ?? true;
  if (!details && (!groupBy.includes('period') || wholeHourZone(actor.timeZone, [q.from, q.to, deps.clock.now().toISOString()]))) {
    // Groups only: the database groups every matching event (no cap), the rows never leave it.
    const aggregates = await repo.aggregate(deps.db, events.filterOf(actor, await visibilityFor(deps, actor), q), groupBy);
    const rows = groupAggregates(
      aggregates.map((a) => ({
        ...a,
        responsibleUserId: a.responsibleUserId ?? '',
        contactPersonName: fullNameOrNull({ lastName: a.personLastName, firstName: a.personFirstName, middleName: a.personMiddleName }),
      })),
      groupBy,
      { period, timeZone: actor.timeZone },
    );
    const totals = aggregates.reduce((t, a) => ({ count: t.count + a.count, durationMinutes: t.durationMinutes + a.minutes }), {
      count: 0,
      durationMinutes: 0,
    });
    return { groupBy, period, rows, totals, truncated: false, lang };
  }
  const { events: list, truncated } = await events.forReport(deps, actor, q, EVENTS_CAP);
  const rows = groupEvents(list, groupBy, { period, timeZone: actor.timeZone, details });
  const totals = { count: list.length, durationMinutes: list.reduce((s, e) => s + (e.durationMinutes ?? 0), 0) };
  return { groupBy, period, rows, totals, truncated, lang };
}

export async function coldCallsReport(deps: Deps, actor: Actor, q: ColdCallsQuery): Promise<ColdCallsReport & { lang: 'ru' | 'en' }> {
  const { events: list } = await events.forReport(deps, actor, q, EVENTS_CAP);
  const [unit, lang] = [q.period ?? 'month', q.lang ?? actor.language];
  return { ...coldCalls(list, unit, actor.timeZone), lang, unit };
}
