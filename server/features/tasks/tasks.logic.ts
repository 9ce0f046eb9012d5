/** When the popup of a task is due: its snooze, else its reminder time. */
export const alertAtOf = (remindAt: string | null, snoozedUntil: string | null): string | null => snoozedUntil ?? remindAt;

export const isOverdue = (t: { status: string; dueAt: string | null }, now: Date) =>
  t.status === 'open' && t.dueAt !== null && t.dueAt < now.toISOString();

/** The instant a snooze ends; null when it would not be in the future. */
export function snoozeUntil(body: { until: string } | { minutes: number }, now: Date): string | null {
  const until = 'until' in body ? new Date(body.until) : new Date(now.getTime() + body.minutes * 60_000);
  return until.getTime() > now.getTime() ? until.toISOString() : null;
}
