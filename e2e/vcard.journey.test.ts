import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'vcard4';
import { startHarness, type Harness } from './harness';
import { apiPost, download, submitSetup } from './helpers';

// A manager takes a contact person to the phone's address book: «Скачать vCard» on the card gives a
// file any vCard reader takes (parsed here with the vcard4 library, not with the server's own
// reader), and the same file brought back (the web app has no import screen: through the API, as an
// address book sync would) becomes a second person of the same counterparty. Then the card is
// archived and restored and edited: the save still carries the card's version, so a change someone
// else made meanwhile is refused instead of being overwritten.
// Screenshot: docs/screenshots/vcard-card.ru.png

let h: Harness;
let counterpartyId = '';
let personId = '';

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU', viewport: { width: 1366, height: 768 } });
  await submitSetup(h.page, { name: 'Анна Админова', email: 'admin@example.com', password: 'admin-password' });
  await h.page.getByTestId('nav-home').waitFor();
  await h.page.request.patch('/api/me/settings', { data: { showTasksAtStartup: false } });
  counterpartyId = (await apiPost<{ id: string }>(h.page, '/api/counterparties', { name: 'ООО «Ромашка»' })).id;
  personId = (
    await apiPost<{ id: string }>(h.page, '/api/contact-persons', {
      counterpartyId,
      lastName: 'Иванова',
      firstName: 'Мария',
      middleName: 'Петровна',
      position: 'Главный бухгалтер; закупки',
      birthday: '1985-03-14',
      contactInfo: [
        { kind: 'phone', value: '8 (495) 123-45-67' },
        { kind: 'email', value: 'Maria@Romashka.ru' },
      ],
    })
  ).id;
});

afterAll(async () => {
  await h?.close();
});

const persons = () =>
  h.database.db
    .selectFrom('contactPersons')
    .select(['id', 'lastName', 'firstName', 'middleName', 'position', 'birthday', 'counterpartyId'])
    .where('lastName', '=', 'Иванова')
    .orderBy('createdAt')
    .execute();

let vcf: Buffer;

/** Every toast gone (they cover the card's header buttons); a toast under the pointer would stay. */
async function noToasts() {
  await h.page.mouse.move(300, 600);
  await expect.poll(() => h.page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

describe('vCard journey', () => {
  it('«Скачать vCard» gives a vCard 4.0 file with the name, organisation, phone and e-mail', async () => {
    const { page } = h;
    await page.goto(`/contact-persons/${personId}`);
    await page.getByTestId('contact-person-card').waitFor();
    await expect(page.getByTestId('contact-person-lastName').inputValue()).resolves.toBe('Иванова');
    await h.screenshot('vcard-card.ru');
    const file = await download(page, page.getByTestId('contact-person-vcard'));
    expect(file.name).toMatch(/\.vcf$/);
    expect(file.name).toContain('Иванова');
    vcf = file.bytes;
    const text = vcf.toString('utf8');
    expect(text.startsWith('BEGIN:VCARD\r\n')).toBe(true);
    const parsed = parse(text);
    expect(Array.isArray(parsed), 'one card').toBe(false);
    const card = (parsed as Exclude<typeof parsed, unknown[]>).parsedVcard as { property: string; value: unknown }[];
    const prop = (name: string) => card.filter((p) => p.property === name).map((p) => p.value);
    expect(prop('FN')).toEqual(['Иванова Мария Петровна']);
    expect(prop('N')).toEqual([
      { familyNames: 'Иванова', givenNames: 'Мария', additionalNames: 'Петровна', honorificPrefixes: '', honorificSuffixes: '' },
    ]);
    expect(prop('ORG')).toEqual(['ООО «Ромашка»']);
    expect(prop('TEL')).toEqual(['tel:+74951234567']);
    expect(prop('EMAIL')).toEqual(['Maria@Romashka.ru']);
    expect(prop('BDAY')).toEqual(['19850314']);
    // The ";" in the position is escaped, so it stays one value.
    expect(text).toContain('TITLE:Главный бухгалтер\\; закупки');
  });

  it('the downloaded file imported back becomes a second person of the same counterparty', async () => {
    const { page } = h;
    const res = await page.request.post('/api/contact-persons/import', { headers: { 'Content-Type': 'text/vcard' }, data: vcf });
    expect(res.status(), await res.text()).toBe(201);
    expect(await res.json()).toMatchObject({ created: 1 });
    const rows = await persons();
    expect(rows).toHaveLength(2);
    const [, imported] = rows;
    expect(imported).toMatchObject({
      lastName: 'Иванова',
      firstName: 'Мария',
      middleName: 'Петровна',
      position: 'Главный бухгалтер; закупки',
      birthday: '1985-03-14',
      counterpartyId,
    });
    const info = await h.database.db
      .selectFrom('contactInfo')
      .select(['kind', 'normalized'])
      .where('contactPersonId', '=', imported.id)
      .orderBy('position')
      .execute();
    expect(info).toEqual([
      { kind: 'phone', normalized: '+74951234567' },
      { kind: 'email', normalized: 'maria@romashka.ru' },
    ]);
    // The manager sees both on the counterparty's contact persons list.
    await page.goto('/contact-persons?q=' + encodeURIComponent('иванова'));
    await expect
      .poll(async () => page.getByTestId('contact-person-table').getByText('Иванова Мария Петровна').count(), { timeout: 10_000 })
      .toBe(2);
  });

  it('after «В архив» and «Восстановить» a save still carries the version: a change made meanwhile is not overwritten', async () => {
    const { page } = h;
    await page.goto(`/contact-persons/${personId}`);
    await page.getByTestId('contact-person-card').waitFor();
    const answered = (verb: string) =>
      page.waitForResponse((r) => r.url().endsWith(`/api/contact-persons/${personId}/${verb}`) && r.request().method() === 'POST');
    const archived = answered('archive');
    await page.getByTestId('contact-person-archive').click();
    await page.getByTestId('contact-person-archive-confirm').click();
    expect((await archived).headers().etag).toBeTruthy();
    await page.getByTestId('archived-badge').waitFor();
    await noToasts();
    const restored = answered('restore');
    await page.getByTestId('contact-person-restore').click();
    const version = (await restored).headers().etag;
    expect(version).toMatch(/^".+"$/);
    await page.getByTestId('archived-badge').waitFor({ state: 'detached' });
    await noToasts();

    // Saving sends the version the restore answered and goes through.
    const position = page.getByTestId('contact-person-position');
    await position.fill('Главный бухгалтер');
    const patched = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/api/contact-persons/${personId}`));
    await page.getByTestId('contact-person-save').click();
    expect((await patched).headers()['if-match']).toBe(version);
    await expect
      .poll(async () => (await persons()).find((p) => p.id === personId)?.position, { timeout: 10_000 })
      .toBe('Главный бухгалтер');
    await noToasts();

    // Archive and restore again, then a colleague changes the position; the card's save is refused.
    await page.getByTestId('contact-person-archive').click();
    await page.getByTestId('contact-person-archive-confirm').click();
    await page.getByTestId('archived-badge').waitFor();
    await page.getByTestId('contact-person-restore').click();
    await page.getByTestId('archived-badge').waitFor({ state: 'detached' });
    await noToasts();
    const other = await h.context.request.patch(`/api/contact-persons/${personId}`, { data: { position: 'Финансовый директор' } });
    expect(other.status()).toBe(200);
    await position.fill('Бухгалтер');
    await position.press('Control+s');
    await page.getByText('Карточку изменил другой пользователь').first().waitFor();
    expect((await persons()).find((p) => p.id === personId)?.position).toBe('Финансовый директор');
    expect(h.pageErrors).toEqual([]);
  });
});
