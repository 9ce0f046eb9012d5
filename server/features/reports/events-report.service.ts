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
import { coldCalls, groupEvents } from './events-report.logic.js';
import { parseList } from './reports.logic.js';

const EVENTS_CAP = 50_000;

export async function eventsReport(deps: Deps, actor: Actor, q: EventsReportQuery): Promise<EventsReport & { lang: 'ru' | 'en' }> {
  const groupBy = q.groupBy === '' ? [] : parseList(q.groupBy, EVENT_GROUPINGS, ['counterparty']);
  const lang = q.lang ?? actor.language;
  const { events: list, truncated } = await events.forReport(deps, actor, q, EVENTS_CAP);
  const period = q.period ?? 'month';
  const rows = groupEvents(list, groupBy, { period, timeZone: actor.timeZone, details: q.details ?? true });
  const totals = { count: list.length, durationMinutes: list.reduce((s, e) => s + (e.durationMinutes ?? 0), 0) };
  return { groupBy, period, rows, totals, truncated, lang };
}

export async function coldCallsReport(deps: Deps, actor: Actor, q: ColdCallsQuery): Promise<ColdCallsReport & { lang: 'ru' | 'en' }> {
  const { events: list } = await events.forReport(deps, actor, q, EVENTS_CAP);
  const [unit, lang] = [q.period ?? 'month', q.lang ?? actor.language];
  return { ...coldCalls(list, unit, actor.timeZone), lang, unit };
}
