import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { startHarness, type Harness } from './harness';
import { apiPost, submitSetup, waitToastsGone } from './helpers';

// An administrator connects an external system: «Веб-хуки» subscribes a URL (a real HTTP receiver
// started here on 127.0.0.1, which the server may call because the journey allows private networks)
// to «Контрагент создан», the signing secret is shown once, a counterparty typed in on its card is
// delivered by the scheduled job with a Standard Webhooks signature the receiver verifies, the
// delivery log shows it, and a deleted webhook gets nothing more.
// Screenshots: docs/screenshots/webhooks-created.ru.png, webhooks-log.ru.png, webhooks-log.phone.ru.png

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let h: Harness;
let receiver: Server;
let hookUrl = '';
const received: Received[] = [];
let secret = '';

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm-hook`;

  h = await startHarness({
    locale: 'ru-RU',
    viewport: { width: 1366, height: 768 },
    env: { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' },
  });
  await submitSetup(h.page, { name: 'Анна Админова', email: 'admin@example.com', password: 'admin-password' });
  await h.page.getByTestId('nav-home').waitFor();
  await h.page.request.patch('/api/me/settings', { data: { showTasksAtStartup: false } });
});

afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

const hooks = () => h.database.db.selectFrom('webhooks').select(['id', 'url', 'events', 'secret', 'archivedAt']).execute();
const deliveries = () => h.database.db.selectFrom('webhookDeliveries').select(['eventType', 'status', 'lastStatusCode']).execute();
const runJob = () => apiPost<{ lastResult?: string }>(h.page, '/api/scheduler/jobs/webhooks/run', {});

/** Creates a counterparty on its card, as a manager would. */
async function typeCounterparty(name: string) {
  const { page } = h;
  await page.goto('/counterparties/new');
  await page.getByTestId('counterparty-name').fill(name);
  await page.keyboard.press('Control+s');
  await page.waitForURL(/\/counterparties\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}

describe('webhooks journey', () => {
  it('«Веб-хуки»: a webhook to a local receiver is created and its secret shown once', async () => {
    const { page } = h;
    await page.getByTestId('nav-webhooks').click();
    await page.getByRole('heading', { name: 'Веб-хуки', level: 1 }).waitFor();
    await page.getByText('Веб-хуков пока нет').waitFor();
    await page.getByTestId('webhook-url').fill(hookUrl);
    await expect(page.getByTestId('webhook-create').isDisabled()).resolves.toBe(true);
    await page.getByLabel('Контрагент создан (counterparty.created)').check();
    await page.getByTestId('webhook-create').click();
    await page.getByTestId('webhook-created').waitFor();
    secret = (await page.getByTestId('webhook-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
    await expect(page.getByTestId('webhook-row').textContent()).resolves.toContain(hookUrl);
    await h.screenshot('webhooks-created.ru');

    const rows = await hooks();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ url: hookUrl, events: 'counterparty.created', archivedAt: null });

    // Shown once: neither the list nor the page after a reload has it.
    const list = await page.request.get('/api/webhooks');
    expect(await list.text()).not.toContain(secret);
    await page.reload();
    await page.getByTestId('webhook-row').waitFor();
    expect(await page.getByTestId('webhook-created').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
  });

  it('a counterparty typed in is delivered, signed, and the delivery log shows it', async () => {
    const { page } = h;
    const id = await typeCounterparty('ООО «Вебхук-Трейд»');
    await expect.poll(deliveries).toEqual([{ eventType: 'counterparty.created', status: 'pending', lastStatusCode: null }]);
    expect(received).toEqual([]);

    await runJob();
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    const [req] = received;
    expect(req.path).toBe('/crm-hook');
    expect(req.headers['content-type']).toContain('application/json');
    const signed = {
      'webhook-id': req.headers['webhook-id'] as string,
      'webhook-timestamp': req.headers['webhook-timestamp'] as string,
      'webhook-signature': req.headers['webhook-signature'] as string,
    };
    const payload = new Webhook(secret).verify(req.body, signed) as { type: string; data: { id: string; name: string } };
    expect(payload).toMatchObject({ type: 'counterparty.created', data: { id, name: 'ООО «Вебхук-Трейд»' } });
    // A body changed on the way, or another secret, does not verify.
    expect(() => new Webhook(secret).verify(req.body.replace('Вебхук', 'Подмена'), signed)).toThrow();
    expect(() =>
      new Webhook(`whsec_${Buffer.from('another secret 32 bytes long....').toString('base64')}`).verify(req.body, signed),
    ).toThrow();
    expect(await deliveries()).toEqual([{ eventType: 'counterparty.created', status: 'delivered', lastStatusCode: 204 }]);

    await page.getByTestId('nav-webhooks').click();
    await page.getByRole('button', { name: 'Журнал доставки' }).click();
    const log = page.getByTestId('webhook-deliveries');
    await log.waitFor();
    await expect(log.textContent()).resolves.toContain('counterparty.created');
    await expect(log.textContent()).resolves.toContain('Доставлено');
    await expect(log.textContent()).resolves.toMatch(/204\s+·\s+\d+ мс/);
    await waitToastsGone(page);
    await h.screenshot('webhooks-log.ru');
    await page.setViewportSize({ width: 390, height: 844 });
    await log.scrollIntoViewIfNeeded();
    await h.screenshot('webhooks-log.phone.ru');
    // On the phone the state of the delivery and the webhook's buttons are on screen, not past a scroll.
    for (const el of [log.getByText('Доставлено'), page.getByRole('button', { name: 'Удалить', exact: true })]) {
      const box = (await el.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    // Nothing on the phone screen is wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('a deleted webhook is asked for first, keeps its log in the database, and gets nothing more', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Удалить', exact: true }).click();
    await page.getByText(`Удалить веб-хук ${hookUrl}?`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
    await page.getByText('Веб-хуков пока нет').waitFor();
    expect(await page.getByTestId('webhook-deliveries').count()).toBe(0);
    const [row] = await hooks();
    expect(row.archivedAt).not.toBeNull();
    expect(await deliveries()).toHaveLength(1);

    await typeCounterparty('ООО «После удаления»');
    await runJob();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received).toHaveLength(1);
    expect(await deliveries()).toHaveLength(1);
    expect(h.pageErrors).toEqual([]);
  });
});
