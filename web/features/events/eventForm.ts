import type { Event, EventCreate, EventPatch } from '../../../shared/api/events';
import type { Direction, EventKind, EventState, Importance, Outcome } from './eventLabels';
import { fromWall, toWall } from '../../lib/zonedTime';

export interface ReminderForm {
  enabled: boolean;
  remindDate: string;
  remindTime: string;
  dueDate: string;
  dueTime: string;
  text: string;
  /** null: the responsible user of the event. */
  assigneeId: string | null;
}

export interface EventForm {
  kind: EventKind;
  direction: Direction | '';
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  counterpartyId: string | null;
  counterpartyName: string | null;
  contactPersonId: string | null;
  contactPersonName: string | null;
  subject: string;
  description: string;
  content: string;
  importance: Importance;
  state: EventState;
  outcome: Outcome | '';
  infoSourceId: string | null;
  responsibleUserId: string | null;
  reminder: ReminderForm;
}

/** What a new event starts with: a link to the counterparty, person or basis it was created from. */
export interface EventPrefill {
  counterpartyId?: string | null;
  counterpartyName?: string | null;
  contactPersonId?: string | null;
  contactPersonName?: string | null;
  kind?: EventKind;
  subject?: string;
}

export function emptyEventForm(
  timeZone: string,
  responsibleUserId: string | null,
  prefill: EventPrefill = {},
  now = new Date(),
): EventForm {
  const start = toWall(now, timeZone);
  return {
    kind: prefill.kind ?? 'phoneCall',
    direction: 'outgoing',
    startDate: start.date,
    startTime: start.time,
    endDate: '',
    endTime: '',
    counterpartyId: prefill.counterpartyId ?? null,
    counterpartyName: prefill.counterpartyName ?? null,
    contactPersonId: prefill.contactPersonId ?? null,
    contactPersonName: prefill.contactPersonName ?? null,
    subject: prefill.subject ?? '',
    description: '',
    content: '',
    importance: 'normal',
    state: 'planned',
    outcome: '',
    infoSourceId: null,
    responsibleUserId,
    reminder: { enabled: false, remindDate: '', remindTime: '', dueDate: '', dueTime: '', text: '', assigneeId: null },
  };
}

export function formFromEvent(e: Event, timeZone: string): EventForm {
  const start = toWall(e.startAt, timeZone);
  const end = e.endAt ? toWall(e.endAt, timeZone) : { date: '', time: '' };
  return {
    kind: e.kind,
    direction: e.direction ?? '',
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    counterpartyId: e.counterpartyId,
    counterpartyName: e.counterpartyName,
    contactPersonId: e.contactPersonId,
    contactPersonName: e.contactPersonName,
    subject: e.subject,
    description: e.description ?? '',
    content: e.content ?? '',
    importance: e.importance,
    state: e.state,
    outcome: e.outcome ?? '',
    infoSourceId: e.infoSourceId,
    responsibleUserId: e.responsibleUserId,
    reminder: { enabled: false, remindDate: '', remindTime: '', dueDate: '', dueTime: '', text: '', assigneeId: null },
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

type Local = Record<string, string>;
type Editable = Required<Omit<EventPatch, 'responsibleUserId'>> & { responsibleUserId?: string };

/** A date+time pair as an instant; a time alone takes the fallback date (the start's day). */
function instantOf(date: string, time: string, timeZone: string, fallbackDate: string): string | null | 'bad' {
  if (!date && !time) return null;
  if (!time) return 'bad';
  return fromWall({ date: date || fallbackDate, time }, timeZone) ?? 'bad';
}

/**
 * The card as API fields, or the fields that cannot be sent (`errors`: field -> error code,
 * shown beside the inputs before asking the server).
 */
function editableOf(f: EventForm, timeZone: string): { body: Editable; errors: Local } {
  const errors: Local = {};
  const startAt = instantOf(f.startDate, f.startTime, timeZone, '');
  if (startAt === null) errors.startAt = 'required';
  else if (startAt === 'bad') errors.startAt = 'format_date-time';
  const endAt = instantOf(f.endDate, f.endTime, timeZone, f.startDate);
  if (endAt === 'bad') errors.endAt = 'format_date-time';
  if (!f.subject.trim()) errors.subject = 'required';
  if (!f.responsibleUserId) errors.responsibleUserId = 'required';
  const body: Editable = {
    kind: f.kind,
    direction: f.direction || null,
    startAt: typeof startAt === 'string' && startAt !== 'bad' ? startAt : '',
    endAt: endAt === 'bad' ? null : endAt,
    counterpartyId: f.counterpartyId,
    contactPersonId: f.contactPersonId,
    subject: f.subject.trim(),
    description: orNull(f.description),
    content: f.content.trim() === '' ? null : f.content,
    importance: f.importance,
    state: f.state,
    // «Результат» belongs to calls only.
    outcome: f.kind === 'phoneCall' && f.outcome ? f.outcome : null,
    infoSourceId: f.infoSourceId,
    ...(f.responsibleUserId ? { responsibleUserId: f.responsibleUserId } : {}),
  };
  return { body, errors };
}

export function createPayload(f: EventForm, timeZone: string, basisId: string | null): { body: EventCreate; errors: Local } {
  const { body, errors } = editableOf(f, timeZone);
  const out: EventCreate = { ...body, basis: basisId ? { type: 'event', id: basisId } : null };
  const r = f.reminder;
  if (r.enabled) {
    const remindAt = instantOf(r.remindDate, r.remindTime, timeZone, '');
    const dueAt = instantOf(r.dueDate, r.dueTime, timeZone, r.remindDate);
    if (remindAt === null) errors['reminder.remindAt'] = 'required';
    if (remindAt === 'bad') errors['reminder.remindAt'] = 'format_date-time';
    if (dueAt === 'bad') errors['reminder.dueAt'] = 'format_date-time';
    if (typeof remindAt === 'string' && remindAt !== 'bad') {
      out.reminder = {
        remindAt,
        dueAt: dueAt === 'bad' ? null : dueAt,
        text: orNull(r.text),
        ...(r.assigneeId ? { assigneeId: r.assigneeId } : {}),
      };
    }
  }
  return { body: out, errors };
}

/** Only the fields that differ from the saved event, so a save never overwrites what it did not touch. */
export function patchPayload(f: EventForm, saved: EventForm, timeZone: string): { body: EventPatch; errors: Local } {
  const now = editableOf(f, timeZone);
  const before = editableOf(saved, timeZone).body as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(now.body)) {
    if (JSON.stringify(v) !== JSON.stringify(before[k])) body[k] = v;
  }
  return { body: body as EventPatch, errors: now.errors };
}

/** Server field paths -> the inputs of the card (the task service names its own fields). */
export function cardField(field: string): string {
  if (field === 'remindAt' || field === 'dueAt' || field === 'assigneeId' || field === 'text') return `reminder.${field}`;
  if (field.startsWith('basis')) return 'basis';
  return field;
}
