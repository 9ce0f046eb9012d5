import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { apiPost } from './helpers';

// The rest of this part of the UI, in English: users, company settings, my settings and API
// tokens, archive/restore, the contact persons list filters, and field errors from the server.

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ locale: 'en-US' });
  const { page } = h;
  await page.goto('/');
  await page.getByRole('heading', { name: 'First run' }).waitFor();
  await page.getByTestId('setup-name').fill('Alice Admin');
  await page.getByTestId('setup-email').fill('alice@example.com');
  await page.getByTestId('setup-password').fill('alice-password');
  await page.getByTestId('setup-submit').click();
  // Signed in: the home page is the first screen.
  await page.getByTestId('home-birthdays').waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('administration and lists', () => {
  it('creates a manager, then blocks them and resets the password', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-name').fill('Max Manager');
    await page.getByTestId('user-email').fill('max@example.com');
    await page.getByTestId('user-password').fill('max-password');
    await page.getByTestId('user-save').click();
    await page.getByTestId('user-row').filter({ hasText: 'Max Manager' }).waitFor();
    const max = await database.db.selectFrom('users').selectAll().where('email', '=', 'max@example.com').executeTakeFirstOrThrow();
    expect(max).toMatchObject({ role: 'manager', blockedAt: null, language: 'en' });

    await page.getByTestId('user-row').filter({ hasText: 'Max Manager' }).click();
    await page.getByTestId('user-blocked').check();
    await page.getByTestId('user-password').fill('new-max-password');
    await page.getByTestId('user-save').click();
    await page.getByTestId('user-row').filter({ hasText: 'blocked' }).waitFor();
    const after = await database.db.selectFrom('users').selectAll().where('id', '=', max.id).executeTakeFirstOrThrow();
    expect(after.blockedAt).not.toBeNull();
    expect(after.passwordHash).not.toBe(max.passwordHash);
  });

  it('saves company settings', async () => {
    const { page } = h;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-companyName').fill('Trading House «North»');
    await page.getByTestId('settings-save').click();
    await page.getByText('Saved').first().waitFor();
    const res = await page.request.get('/api/settings');
    expect((await res.json()).companyName).toBe('Trading House «North»');
  });

  it('creates a personal API token, shows it once, and revokes it', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-me').click();
    await page.getByTestId('token-name').fill('Telephony');
    await page.getByTestId('token-create').click();
    const token = (await page.getByTestId('token-value').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    // The token works as a Bearer credential.
    const health = await page.request.get('/api/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(health.status()).toBe(200);

    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Revoked', { exact: true }).waitFor();
    const row = await database.db.selectFrom('apiTokens').selectAll().executeTakeFirstOrThrow();
    expect(row.revokedAt).not.toBeNull();
  });

  it('shows server field errors beside the contact information row', async () => {
    const { page, database } = h;
    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('counterparty-create').click();
    await page.getByTestId('counterparty-name').fill('Bad Phone LLC');
    await page.getByTestId('tab-contact-info').click();
    await page.getByTestId('ci-add').click();
    await page.getByTestId('ci-value-0').fill('call me maybe');
    await page.getByTestId('counterparty-save').click();
    await page.getByTestId('contact-info-row').getByText('Invalid phone number').waitFor();
    expect(await page.getByTestId('ci-value-0').getAttribute('aria-invalid')).toBe('true');
    expect(await database.db.selectFrom('counterparties').select('id').execute()).toEqual([]);
  });

  it('archives a counterparty with confirmation and restores it', async () => {
    const { page, database } = h;
    const c = await apiPost<{ id: string }>(page, '/api/counterparties', { name: 'Old Partner LLC' });
    await page.goto(`/counterparties/${c.id}`);
    await page.getByTestId('counterparty-archive').click();
    await page.getByTestId('counterparty-archive-confirm').click();
    await page.getByTestId('archived-badge').waitFor();
    const archived = await database.db.selectFrom('counterparties').select('archivedAt').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(archived.archivedAt).not.toBeNull();

    await page.getByRole('link', { name: 'Back to list' }).click();
    await page.getByTestId('counterparty-empty').waitFor();
    await page.getByTestId('counterparty-archived-filter').getByText('Archived').click();
    await page.getByTestId('counterparty-row').filter({ hasText: 'Old Partner LLC' }).click();
    await page.getByTestId('counterparty-restore').click();
    await page.getByTestId('archived-badge').waitFor({ state: 'detached' });
    const restored = await database.db.selectFrom('counterparties').select('archivedAt').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(restored.archivedAt).toBeNull();
  });

  it('filters contact persons: of counterparties / individuals', async () => {
    const { page } = h;
    const c = await apiPost<{ id: string }>(page, '/api/counterparties', { name: 'Acme Trading' });
    await apiPost(page, '/api/contact-persons', { counterpartyId: c.id, lastName: 'Smith', firstName: 'John' });
    await apiPost(page, '/api/contact-persons', { lastName: 'Doe', firstName: 'Jane', birthday: '1990-02-01' });
    await page.getByTestId('nav-contact-persons').click();
    await expect.poll(() => page.getByTestId('contact-person-row').count()).toBe(2);
    const settled = () => page.locator('[data-testid="contact-person-table"]:not([aria-busy])').waitFor();
    await page.getByTestId('contact-person-owner-filter').getByText('Individuals').click();
    await settled();
    await expect.poll(() => page.getByTestId('contact-person-row').count()).toBe(1);
    expect(await page.getByTestId('contact-person-row').textContent()).toContain('Doe Jane');
    await page.getByTestId('contact-person-owner-filter').getByText('Of counterparties').click();
    await page.getByTestId('contact-person-row').filter({ hasText: 'Acme Trading' }).waitFor();
    await settled();
    await expect.poll(() => page.getByTestId('contact-person-row').count()).toBe(1);
    await h.screenshot('contact-person-list.en');
  });

  it('picks the counterparty of a new contact person by searching', async () => {
    const { page, database } = h;
    await page.getByTestId('contact-person-create').click();
    await page.getByTestId('contact-person-card').waitFor();
    await page.getByTestId('contact-person-lastName').fill('Brown');
    await page.getByTestId('contact-person-counterparty').click();
    await page.getByTestId('contact-person-counterparty').fill('Acme');
    await page.getByRole('option', { name: 'Acme Trading' }).click();
    await page.getByTestId('contact-person-save').click();
    await page.waitForURL(/\/contact-persons\/[0-9a-f-]{36}$/);
    const acme = await database.db.selectFrom('counterparties').select('id').where('name', '=', 'Acme Trading').executeTakeFirstOrThrow();
    const brown = await database.db.selectFrom('contactPersons').selectAll().where('lastName', '=', 'Brown').executeTakeFirstOrThrow();
    expect(brown.counterpartyId).toBe(acme.id);
  });

  it('loads the long list page by page while scrolling, rendering only the visible rows', async () => {
    const { page } = h;
    for (let i = 0; i < 260; i++) {
      await apiPost(page, '/api/counterparties', { name: `Customer ${String(i).padStart(3, '0')}` });
    }
    await page.getByTestId('nav-counterparties').click();
    await page.getByTestId('list-count').getByText('100 records loaded').waitFor();
    expect(await page.getByTestId('counterparty-row').count()).toBeLessThan(60);
    for (let i = 0; i < 10; i++) {
      await page.getByTestId('counterparty-table').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(150);
    }
    // 260 customers + Acme Trading + Old Partner LLC.
    await page.getByTestId('list-count').getByText('262 records', { exact: true }).waitFor();
    expect(await page.getByTestId('counterparty-row').count()).toBeLessThan(60);
    expect(await page.getByTestId('counterparty-row').last().textContent()).toContain('Old Partner LLC');
    expect(h.pageErrors).toEqual([]);
  });
});
