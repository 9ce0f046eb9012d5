import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

const romashka = {
  name: 'Ромашка',
  fullName: 'ООО «Ромашка»',
  kind: 'legalEntity',
  inn: '7707083893',
  kpp: '773601001',
  contactInfo: [
    { kind: 'phone', value: '8 (495) 123-45-67', comment: 'приёмная' },
    { kind: 'email', value: 'Info@Romashka.ru' },
    { kind: 'legalAddress', value: 'Москва, ул. Ленина, 1' },
  ],
};

const count = async (table: 'counterparties' | 'contactInfo' | 'auditLog') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('create and read', () => {
  it('stores the card with typed and normalised contact information and an audit entry', async () => {
    const res = await t.post(t.adminCookie, '/api/counterparties', romashka);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: 'Ромашка',
      inn: '7707083893',
      isCustomer: true,
      isSupplier: false,
      responsibleUserId: t.adminId,
      archivedAt: null,
    });
    expect(body.contactInfo.map((c: any) => [c.kind, c.value, c.normalized])).toEqual([
      ['phone', '8 (495) 123-45-67', '+74951234567'],
      ['email', 'Info@Romashka.ru', 'info@romashka.ru'],
      ['legalAddress', 'Москва, ул. Ленина, 1', null],
    ]);
    const info = await t.db.selectFrom('contactInfo').selectAll().where('counterpartyId', '=', body.id).orderBy('position').execute();
    expect(info.map((i) => i.normalized)).toEqual(['+74951234567', 'info@romashka.ru', null]);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect((await t.get(t.adminCookie, `/api/counterparties/${body.id}`)).json()).toEqual(body);
  });

  it.each([
    ['+74951234567'],
    ['8 (495) 123-45-67'],
    ['+7 495 1234567'],
    ['84951234567'],
    ['123-45-67'],
    ['ромаш'],
    ['РОМАШКА'],
    ['7707083'],
    ['info@romashka.ru'],
    ['INFO@ROMASHKA.RU'],
  ])('finds the card by %s', async (q) => {
    await t.post(t.adminCookie, '/api/counterparties', romashka);
    await t.post(t.adminCookie, '/api/counterparties', { name: 'Василёк', contactInfo: [{ kind: 'phone', value: '+7 812 555-00-11' }] });
    const res = await t.get(t.adminCookie, `/api/counterparties?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: any) => c.name)).toEqual(['Ромашка']);
  });

  it('treats LIKE wildcards in a search as plain text', async () => {
    await t.post(t.adminCookie, '/api/counterparties', romashka);
    expect((await t.get(t.adminCookie, '/api/counterparties?q=%25')).json().items).toEqual([]);
    expect((await t.get(t.adminCookie, '/api/counterparties?q=_')).json().items).toEqual([]);
  });
});

describe('bad input is refused and nothing is written', () => {
  it.each([
    [{ ...romashka, inn: '7707083894' }, 'inn', 'inn_checksum'],
    [{ ...romashka, inn: '12345' }, 'inn', 'inn_length'],
    [{ ...romashka, kpp: '77-36' }, 'kpp', 'kpp_format'],
    [{ ...romashka, contactInfo: [{ kind: 'phone', value: 'позвонить Ивану' }] }, 'contactInfo.0.value', 'phone_invalid'],
    [{ ...romashka, contactInfo: [{ kind: 'email', value: 'nobody' }] }, 'contactInfo.0.value', 'email_invalid'],
    [{ ...romashka, isAdmin: true }, 'isAdmin', 'unknown_field'],
    [{ ...romashka, createdBy: 'x' }, 'createdBy', 'unknown_field'],
    [{ ...romashka, id: '0190e7a0-0000-7000-8000-000000000000' }, 'id', 'unknown_field'],
    [{ ...romashka, name: 'x'.repeat(201) }, 'name', 'too_long'],
    [{ ...romashka, name: '' }, 'name', 'required'],
    [{ ...romashka, isCustomer: 'yes' }, 'isCustomer', 'wrong_type'],
    [{ ...romashka, contactInfo: [{ kind: 'telegram', value: '@x' }] }, 'contactInfo.0.kind', 'enum'],
  ])('%# %s', async (body, field, code) => {
    const res = await t.post(t.adminCookie, '/api/counterparties', body);
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('validation_failed');
    expect(err.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect(await count('counterparties')).toBe(0);
    expect(await count('contactInfo')).toBe(0);
  });

  it('does not pollute prototypes through __proto__', async () => {
    const res = await t.request(t.adminCookie, {
      method: 'POST',
      url: '/api/counterparties',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"X","__proto__":{"isAdmin":true}}',
    });
    expect(res.statusCode).toBe(400);
    expect(({} as any).isAdmin).toBeUndefined();
    expect(await count('counterparties')).toBe(0);
  });

  it('INN is unique among active counterparties: 409 naming the holder; archived ones do not block', async () => {
    const first = (await t.post(t.adminCookie, '/api/counterparties', romashka)).json();
    const dup = await t.post(t.adminCookie, '/api/counterparties', { ...romashka, name: 'Ромашка-2' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0]).toMatchObject({ field: 'inn', code: 'inn_taken' });
    expect(await count('counterparties')).toBe(1);
    await t.post(t.adminCookie, `/api/counterparties/${first.id}/archive`);
    const again = await t.post(t.adminCookie, '/api/counterparties', { ...romashka, name: 'Ромашка-2' });
    expect(again.statusCode).toBe(201);
    // Restoring the archived one would make two active cards with one INN.
    const restore = await t.post(t.adminCookie, `/api/counterparties/${first.id}/restore`);
    expect(restore.statusCode).toBe(409);
    const row = await t.db.selectFrom('counterparties').select('archivedAt').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.archivedAt).not.toBeNull();
  });

  it('a bad entry in a PATCH leaves the card and its contact information as they were', async () => {
    const c = (await t.post(t.adminCookie, '/api/counterparties', romashka)).json();
    const res = await t.patch(t.adminCookie, `/api/counterparties/${c.id}`, {
      name: 'Новое имя',
      contactInfo: [{ kind: 'phone', value: '??' }],
    });
    expect(res.statusCode).toBe(400);
    const row = await t.db.selectFrom('counterparties').select('name').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.name).toBe('Ромашка');
    expect(await count('contactInfo')).toBe(3);
  });
});

describe('update, archive, paging', () => {
  it('PATCH replaces contact information and records the change', async () => {
    const c = (await t.post(t.adminCookie, '/api/counterparties', romashka)).json();
    const res = await t.patch(t.adminCookie, `/api/counterparties/${c.id}`, {
      isSupplier: true,
      contactInfo: [{ kind: 'fax', value: '+7 495 765-43-21' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().contactInfo).toEqual([expect.objectContaining({ kind: 'fax', normalized: '+74957654321' })]);
    expect(await count('contactInfo')).toBe(1);
    const history = (await t.get(t.adminCookie, `/api/counterparties/${c.id}/history`)).json().items;
    expect(history[0].action).toBe('update');
    expect(Object.keys(history[0].changes).sort()).toEqual(['contactInfo', 'isSupplier']);
  });

  it('archive hides the card from the default list; nothing is deleted', async () => {
    const c = (await t.post(t.adminCookie, '/api/counterparties', romashka)).json();
    const res = await t.post(t.adminCookie, `/api/counterparties/${c.id}/archive`);
    expect(res.json().archivedAt).not.toBeNull();
    expect((await t.get(t.adminCookie, '/api/counterparties')).json().items).toEqual([]);
    expect((await t.get(t.adminCookie, '/api/counterparties?archived=archived')).json().items).toHaveLength(1);
    expect(await count('counterparties')).toBe(1);
  });

  it('pages through a sorted list with keyset cursors, no row twice or missed', async () => {
    const names = Array.from({ length: 23 }, (_, i) => `Контрагент ${String(i).padStart(2, '0')}`);
    for (const name of [...names].reverse()) await t.post(t.adminCookie, '/api/counterparties', { name });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/counterparties?limit=10&sort=-name${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.get(t.adminCookie, url)).json();
      seen.push(...page.items.map((c: any) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].reverse());
  });

  it('refuses an unknown sort key and a forged cursor with 400', async () => {
    expect((await t.get(t.adminCookie, '/api/counterparties?sort=name;DROP%20TABLE%20users')).statusCode).toBe(400);
    expect((await t.get(t.adminCookie, '/api/counterparties?sort=passwordHash')).statusCode).toBe(400);
    for (let i = 0; i < 3; i++) await t.post(t.adminCookie, '/api/counterparties', { name: `К${i}` });
    const byName = (await t.get(t.adminCookie, '/api/counterparties?limit=1&sort=name')).json().nextCursor;
    const reused = await t.get(t.adminCookie, `/api/counterparties?limit=1&sort=createdAt&cursor=${byName}`);
    expect(reused.statusCode).toBe(400);
    const forged = await t.get(t.adminCookie, '/api/counterparties?cursor=bm9wZQ');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.details[0].field).toBe('cursor');
  });
});
