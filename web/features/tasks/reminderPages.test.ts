import { describe, expect, it } from 'vitest';
import type { ReminderPage, Task } from '../../../shared/api/tasks';
import { joinReminderPages, withoutReminder } from './reminderPages';

const task = (id: string) => ({ id, title: id }) as Task;
const page = (ids: string[], total: number, nextCursor: string | null = null): ReminderPage => ({
  items: ids.map(task),
  total,
  nextCursor,
});

describe('joinReminderPages', () => {
  it('joins the pages, counts all due and what is left to load', () => {
    const joined = joinReminderPages([page(['a', 'b'], 5, 'c1'), page(['c', 'd'], 5, 'c2')]);
    expect(joined.items.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(joined).toMatchObject({ total: 5, left: 1 });
  });

  it('shows a popup that moved between pages once', () => {
    const joined = joinReminderPages([page(['a', 'b'], 3, 'c1'), page(['b', 'c'], 3)]);
    expect(joined.items.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(joined).toMatchObject({ total: 3, left: 0 });
  });

  it('nothing left on the last page; an empty answer is empty', () => {
    expect(joinReminderPages([page(['a'], 1)])).toMatchObject({ total: 1, left: 0 });
    expect(joinReminderPages([])).toEqual({ items: [], total: 0, left: 0 });
  });

  it('still offers more when the count lags behind the pages', () => {
    expect(joinReminderPages([page(['a', 'b'], 2, 'c1')])).toMatchObject({ total: 2, left: 1 });
  });
});

describe('withoutReminder', () => {
  it('drops the popup from its page and lowers the count on every page', () => {
    const pages = withoutReminder([page(['a', 'b'], 3, 'c1'), page(['c'], 3)], 'b');
    expect(pages.map((p) => [p.items.map((x) => x.id), p.total])).toEqual([
      [['a'], 2],
      [['c'], 2],
    ]);
  });

  it('leaves the pages alone when the popup is not loaded', () => {
    const pages = [page(['a'], 3, 'c1')];
    expect(withoutReminder(pages, 'z')).toBe(pages);
  });
});
