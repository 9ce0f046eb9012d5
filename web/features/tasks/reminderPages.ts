import type { ReminderPage, Task } from '../../../shared/api/tasks';

export interface DueReminders {
  /** The popups loaded so far, newest first. */
  items: Task[];
  /** Every popup due now, loaded or not (the panel's count). */
  total: number;
  /** How many the server still has beyond the loaded pages. */
  left: number;
}

/** The loaded pages as one list. A popup that moved between pages while they were fetched (snoozed,
 * say) is shown once; the total comes from the first page, the freshest answer. */
export function joinReminderPages(pages: ReminderPage[]): DueReminders {
  const seen = new Set<string>();
  const items: Task[] = [];
  for (const page of pages) {
    for (const task of page.items) {
      if (seen.has(task.id)) continue;
      seen.add(task.id);
      items.push(task);
    }
  }
  const total = Math.max(pages[0]?.total ?? 0, items.length);
  const more = !!pages[pages.length - 1]?.nextCursor;
  return { items, total, left: more ? Math.max(total - items.length, 1) : 0 };
}

/** The pages without a popup done or snoozed here: it goes at once, the refetch confirms it. */
export function withoutReminder(pages: ReminderPage[], taskId: string): ReminderPage[] {
  const found = pages.some((p) => p.items.some((x) => x.id === taskId));
  if (!found) return pages;
  return pages.map((p) => ({ ...p, items: p.items.filter((x) => x.id !== taskId), total: Math.max(p.total - 1, 0) }));
}
