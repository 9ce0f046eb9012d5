import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { create } from '../webhooks/webhooks.service.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  const deps = { ...t.app.deps, config: { ...t.app.deps.config, webhooksAllowPrivateNetworks: true } };
  const admin = {
    id: t.adminId,
    role: 'admin',
    name: 'A',
    email: 'admin@example.com',
    language: 'ru',
    timeZone: 'Europe/Moscow',
    via: 'session',
  } as const;
  await create(deps, admin, { url: 'http://127.0.0.1:9/hook', events: ['counterparty.created', 'counterparty.updated'] });
});
afterEach(async () => t.close());

const upload = (csv: string, query = '') =>
  t.request(t.adminCookie, {
    method: 'POST',
    url: `/api/counterparties/import${query}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
const outbox = () => t.db.selectFrom('webhookDeliveries').select(['eventType', 'payload']).orderBy('eventType').execute();

describe('counterparty import and webhooks', () => {
  it('each created or updated card writes its outbox row like a card saved by hand; a dry run writes none', async () => {
    const alpha = (await t.post(t.adminCookie, '/api/counterparties', { name: 'ООО «Альфа»', inn: '7707083893' })).json();
    await t.db.deleteFrom('webhookDeliveries').execute();
    const csv = 'Наименование;ИНН;Телефон\r\nООО «Альфа»;7707083893;8 (495) 123-45-67\r\nБета;7736207543;\r\n';

    const dry = await upload(csv, '?dryRun=true');
    expect(dry.json()).toMatchObject({ created: 1, updated: 1 });
    expect(await outbox()).toEqual([]);

    expect((await upload(csv)).json()).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    const rows = await outbox();
    expect(rows.map((r) => r.eventType)).toEqual(['counterparty.created', 'counterparty.updated']);
    const [created, updated] = rows.map((r) => JSON.parse(r.payload));
    expect(created.data).toMatchObject({ name: 'Бета', inn: '7736207543', isCustomer: true, contactInfo: [] });
    expect(updated.data).toMatchObject({ id: alpha.id, contactInfo: [{ kind: 'phone', value: expect.any(String) }] });
    expect(updated.data.responsibleUserName).toBeTruthy();

    // The same file again changes nothing and so sends nothing.
    expect((await upload(csv)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await outbox()).toHaveLength(2);
  });
});
