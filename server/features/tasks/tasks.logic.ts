import type { ErrorDetail } from '../../errors.js';

/** When the popup of a task is due: its snooze, else its reminder time. */
export const alertAtOf = (remindAt: string | null, snoozedUntil: string | null): string | null => snoozedUntil ?? remindAt;

/** A new reminder time, or a new assignee, starts the popup over: shown afresh at the reminder time
 * (a snooze of the old time or by the old assignee no longer applies). Nothing to change otherwise. */
export function restartedAlert(
  before: { remindAt: string | null; assigneeId: string },
  after: { remindAt: string | null; assigneeId: string },
): { snoozedUntil: null; alertAt: string | null; alertedAt: null } | Record<string, never> {
  if (before.remindAt === after.remindAt && before.assigneeId === after.assigneeId) return {};
  return { snoozedUntil: null, alertAt: alertAtOf(after.remindAt, null), alertedAt: null };
}

export const isOverdue = (t: { status: string; dueAt: string | null }, now: Date) =>
  t.status === 'open' && t.dueAt !== null && t.dueAt < now.toISOString();

/** The instant a snooze ends; null when it would not be in the future. */
export function snoozeUntil(body: { until: string } | { minutes: number }, now: Date): string | null {
  const until = 'until' in body ? new Date(body.until) : new Date(now.getTime() + body.minutes * 60_000);
  return until.getTime() > now.getTime() ? until.toISOString() : null;
}

/** A reminder must not come after the task is due. `prefix` names the fields as the caller's
 * request has them ("reminder." on an event). */
export function reminderTimeErrors(remindAt: string | null | undefined, dueAt: string | null | undefined, prefix = ''): ErrorDetail[] {
  if (remindAt && dueAt && new Date(remindAt) > new Date(dueAt)) {
    return [{ field: `${prefix}remindAt`, code: 'remind_after_due', message: 'must not be after the due time' }];
  }
  return [];
}
