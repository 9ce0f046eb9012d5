import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { apiPost } from './helpers';
import { firstRun, reminderCard } from './tasks.helpers';

// A user back after a long absence finds 150 reminders due: the panel counts all of them, shows the
// newest hundred and loads the rest on request; completing one lowers the count.

const ADMIN = { name: 'Анна Администратор', email: 'anna@example.ru', password: 'correct horse 1' };
const DUE = 150;
const title = (i: number) => `Перезвонить клиенту ${String(i).padStart(3, '0')}`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU' });
});

afterAll(async () => {
  await h?.close();
});

describe('reminders panel with many due', () => {
  it('counts all, shows the newest page and loads the rest', async () => {
    const { page, database } = h;
    await firstRun(page, ADMIN);
    // Reminder i fell due i minutes after the first: the last one is the newest.
    const start = Date.now() - (DUE + 5) * 60_000;
    for (let i = 1; i <= DUE; i++) {
      await apiPost(page, '/api/tasks', { title: title(i), remindAt: new Date(start + i * 60_000).toISOString() });
    }
    await page.reload();

    const panel = page.getByTestId('reminders-panel');
    await panel.waitFor();
    expect(await page.getByTestId('reminders-count').textContent()).toBe(String(DUE));
    await expect.poll(() => page.getByTestId('reminder-card').count()).toBe(100);
    expect(await page.getByTestId('reminder-title').first().textContent()).toBe(title(DUE));
    expect(await reminderCard(page, title(1)).count()).toBe(0);

    const more = page.getByTestId('reminders-more');
    expect(await more.textContent()).toBe('Показать еще (осталось 50)');
    await more.click();
    await expect.poll(() => page.getByTestId('reminder-card').count()).toBe(DUE);
    await reminderCard(page, title(1)).waitFor();
    expect(await more.count()).toBe(0);

    await reminderCard(page, title(1)).getByTestId('reminder-complete').click();
    await reminderCard(page, title(1)).waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('reminders-count').textContent()).toBe(String(DUE - 1));
    const done = await database.db.selectFrom('tasks').select('status').where('title', '=', title(1)).executeTakeFirstOrThrow();
    expect(done.status).toBe('done');
    expect(h.pageErrors).toEqual([]);
  });
});
