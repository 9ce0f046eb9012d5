import ical, { ICalAlarmType } from 'ical-generator';

export interface FeedTask {
  id: string;
  title: string;
  description: string | null;
  dueAt: string | null;
  remindAt: string | null;
}

export interface FeedEvent {
  id: string;
  subject: string;
  description: string | null;
  counterpartyName: string | null;
  startAt: string;
  endAt: string | null;
  reminders: string[];
}

const TASK_MINUTES = 30;
const EVENT_MINUTES = 60;
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

/**
 * The calendar as VEVENTs only: Google Calendar and Outlook show no VTODO of a subscribed feed, so a
 * task is an event at its due time (or its reminder time when it has no due time). Alarms are
 * absolute (TRIGGER;VALUE=DATE-TIME), exactly the reminder times the app itself uses.
 */
export function buildCalendar(name: string, tasks: FeedTask[], events: FeedEvent[]): string {
  const cal = ical({ name, prodId: { company: 'crm', product: 'calendar-feed', language: 'RU' }, ttl: 15 * 60 });
  for (const t of tasks) {
    const start = t.dueAt ?? t.remindAt!;
    const e = cal.createEvent({
      id: `task-${t.id}`,
      start: new Date(start),
      end: plus(start, TASK_MINUTES),
      summary: t.title,
      description: t.description,
    });
    if (t.remindAt) e.createAlarm({ type: ICalAlarmType.display, trigger: new Date(t.remindAt), description: t.title });
  }
  for (const ev of events) {
    const e = cal.createEvent({
      id: `event-${ev.id}`,
      start: new Date(ev.startAt),
      end: ev.endAt ? new Date(ev.endAt) : plus(ev.startAt, EVENT_MINUTES),
      summary: ev.counterpartyName ? `${ev.subject} — ${ev.counterpartyName}` : ev.subject,
      description: ev.description,
    });
    for (const at of ev.reminders) e.createAlarm({ type: ICalAlarmType.display, trigger: new Date(at), description: ev.subject });
  }
  return cal.toString();
}
