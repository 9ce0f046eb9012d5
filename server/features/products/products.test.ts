// Products («Номенклатура») through the API on both databases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

const count = async () =>
  Number(
    (
      await t.db
        .selectFrom('products')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('products', () => {
  it('creates with defaults (шт, cost 0, VAT 22) and stores kopecks; the card has an ETag', async () => {
    const res = await t.post(t.adminCookie, '/api/products', { sku: ' ab-1 ', name: ' Гвозди  строительные ', price: '1234,5' });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      sku: 'ab-1',
      name: 'Гвозди  строительные',
      unit: 'шт',
      price: '1234.50',
      costPrice: '0.00',
      vatRate: '22',
      archivedAt: null,
    });
    const row = await t.db.selectFrom('products').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect([row.skuKey, row.nameSearch, Number(row.price), Number(row.costPrice), row.createdBy]).toEqual([
      'AB-1',
      'гвозди строительные',
      123450,
      0,
      t.adminId,
    ]);
    const card = await t.get(t.adminCookie, `/api/products/${p.id}`);
    expect(card.json()).toEqual(p);
    expect(card.headers.etag).toMatch(/^".+"$/);
    const audit = await t.db.selectFrom('auditLog').select(['entityType', 'action']).where('entityId', '=', p.id).execute();
    expect(audit).toEqual([{ entityType: 'product', action: 'create' }]);
  });

  it('the SKU is unique whatever its case, among archived products too: 409 sku_taken naming sku', async () => {
    const first = (await t.post(t.adminCookie, '/api/products', { sku: 'AB-1', name: 'Первый', price: 1 })).json();
    await t.patch(t.adminCookie, `/api/products/${first.id}`, { archived: true });
    const dup = await t.post(t.adminCookie, '/api/products', { sku: 'ab-1 ', name: 'Второй', price: 1 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0]).toMatchObject({ field: 'sku', code: 'sku_taken' });
    const second = (await t.post(t.adminCookie, '/api/products', { sku: 'AB-2', name: 'Второй', price: 1 })).json();
    const rename = await t.patch(t.adminCookie, `/api/products/${second.id}`, { sku: 'Ab-1' });
    expect([rename.statusCode, rename.json().error.details[0].code]).toEqual([409, 'sku_taken']);
    expect(await count()).toBe(2);
    // Its own SKU in another case is fine.
    expect((await t.patch(t.adminCookie, `/api/products/${second.id}`, { sku: 'ab-2' })).json().sku).toBe('ab-2');
  });

  it('bad prices are refused by field and nothing is written', async () => {
    for (const [body, field] of [
      [{ price: '1.001' }, 'price'],
      [{ price: -1 }, 'price'],
      [{ price: '1000000000000' }, 'price'],
      [{ price: 1, costPrice: 'abc' }, 'costPrice'],
    ] as const) {
      const res = await t.post(t.adminCookie, '/api/products', { sku: 'X', name: 'Товар', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field, code: 'invalid_amount' })]);
    }
    const blank = await t.post(t.adminCookie, '/api/products', { sku: '  ', name: ' ', price: 1 });
    expect(blank.json().error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['sku', 'required'],
      ['name', 'required'],
    ]);
    expect(await count()).toBe(0);
    expect(await t.db.selectFrom('auditLog').select('id').where('entityType', '=', 'product').execute()).toEqual([]);
  });

  it('q searches the SKU or the name; archived ones are left out unless asked; keyset pages by name', async () => {
    const make = (sku: string, name: string) => t.post(t.adminCookie, '/api/products', { sku, name, price: 1 });
    const ids: Record<string, string> = {};
    for (const [sku, name] of [
      ['GV-100', 'Гвозди 100'],
      ['SH-5', 'Шурупы'],
      ['KR-1', 'Краска ёлочная'],
      ['AB-GV', 'Анкер'],
    ])
      ids[sku] = (await make(sku, name)).json().id;
    await t.patch(t.adminCookie, `/api/products/${ids['SH-5']}`, { archived: true });
    const names = async (q: string) => (await t.get(t.adminCookie, `/api/products?${q}`)).json().items.map((p: any) => p.name);
    expect(await names('')).toEqual(['Анкер', 'Гвозди 100', 'Краска ёлочная']);
    expect(await names('q=gv')).toEqual(['Анкер', 'Гвозди 100']);
    expect(await names('q=ЕЛОЧ')).toEqual(['Краска ёлочная']);
    expect(await names('q=%25')).toEqual([]);
    expect(await names('archived=archived')).toEqual(['Шурупы']);
    expect(await names('archived=all&q=sh')).toEqual(['Шурупы']);
    const p1 = (await t.get(t.adminCookie, '/api/products?limit=2&archived=all')).json();
    const p2 = (await t.get(t.adminCookie, `/api/products?limit=2&archived=all&cursor=${p1.nextCursor}`)).json();
    expect([...p1.items, ...p2.items].map((p: any) => p.name)).toEqual(['Анкер', 'Гвозди 100', 'Краска ёлочная', 'Шурупы']);
    expect(p2.nextCursor).toBeNull();
  });

  it('a manager manages products too; archive and restore by PATCH are audited; If-Match 412 when stale', async () => {
    const m = await t.userWithCookie('manager');
    const p = (
      await t.post(m.cookie, '/api/products', {
        sku: 'M-1',
        name: 'Товар менеджера',
        price: '5',
        costPrice: '3.5',
        vatRate: 'none',
        unit: 'кг',
      })
    ).json();
    expect(p).toMatchObject({ unit: 'кг', costPrice: '3.50', vatRate: 'none' });
    const etag = (await t.get(m.cookie, `/api/products/${p.id}`)).headers.etag as string;
    const archived = await t.request(m.cookie, {
      method: 'PATCH',
      url: `/api/products/${p.id}`,
      payload: { archived: true },
      headers: { 'if-match': etag },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archivedAt).toBe('2026-11-27T09:00:00.000Z');
    const stale = await t.request(m.cookie, {
      method: 'PATCH',
      url: `/api/products/${p.id}`,
      payload: { price: '6' },
      headers: { 'if-match': etag },
    });
    expect(stale.statusCode).toBe(412);
    expect(Number((await t.db.selectFrom('products').select('price').where('id', '=', p.id).executeTakeFirstOrThrow()).price)).toBe(500);
    expect((await t.patch(m.cookie, `/api/products/${p.id}`, { archived: false })).json().archivedAt).toBeNull();
    const audit = await t.db.selectFrom('auditLog').select(['action', 'userId']).where('entityId', '=', p.id).orderBy('at').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['archive', 'create', 'restore']);
    expect(new Set(audit.map((a) => a.userId))).toEqual(new Set([m.id]));
    expect((await t.get(m.cookie, '/api/products/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});
