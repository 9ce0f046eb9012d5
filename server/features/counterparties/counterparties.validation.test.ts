import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

// A card with several mistakes is answered once, with every mistake: the user fixes them in one go
// instead of discovering the phone after the INN. Nothing is written while any of them remains.

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

const codes = (res: { json(): { error: { details: { field?: string; code?: string }[] } } }) =>
  res.json().error.details.map((d) => [d.field, d.code]);

const count = async (table: 'counterparties' | 'contactInfo' | 'auditLog') => (await t.db.selectFrom(table).select('id').execute()).length;

const badCard = {
  name: '   ',
  kind: 'legalEntity',
  inn: '7707083890',
  kpp: '77360100',
  responsibleUserId: '0190e7a0-0000-7000-8000-000000000000',
  contactInfo: [
    { kind: 'phone', value: '12' },
    { kind: 'email', value: 'info@' },
    { kind: 'website', value: 'javascript:alert(1)' },
    { kind: 'other', value: ' ', comment: 'no value' },
    { kind: 'phone', value: '+7 495 123-45-67' },
  ],
};

const EVERY_PROBLEM = [
  ['name', 'required'],
  ['inn', 'inn_checksum'],
  ['kpp', 'kpp_format'],
  ['contactInfo.0.value', 'phone_invalid'],
  ['contactInfo.1.value', 'email_invalid'],
  ['contactInfo.2.value', 'website_invalid'],
  ['contactInfo.3.value', 'required'],
  ['responsibleUserId', 'user_not_found'],
];

describe('one answer lists every problem of a counterparty', () => {
  it('on create: name, requisites, each bad contact information row and the responsible user', async () => {
    const res = await t.post(t.adminCookie, '/api/counterparties', badCard);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(codes(res)).toEqual(EVERY_PROBLEM);
    expect(await count('counterparties')).toBe(0);
    expect(await count('contactInfo')).toBe(0);
    expect(await count('auditLog')).toBe(0);
  });

  it('on update: the same problems at once, and the stored card stays as it was', async () => {
    const created = await t.post(t.adminCookie, '/api/counterparties', {
      name: 'Ромашка',
      inn: '7707083893',
      contactInfo: [{ kind: 'phone', value: '8 (495) 123-45-67' }],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const res = await t.patch(t.adminCookie, `/api/counterparties/${id}`, badCard);
    expect(res.statusCode).toBe(400);
    expect(codes(res)).toEqual(EVERY_PROBLEM);
    const row = await t.db.selectFrom('counterparties').select(['name', 'inn', 'kpp']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Ромашка', inn: '7707083893', kpp: null });
    const info = await t.db.selectFrom('contactInfo').select('value').where('counterpartyId', '=', id).execute();
    expect(info).toEqual([{ value: '8 (495) 123-45-67' }]);
  });

  it('an INN another card has is listed with the other problems; alone it stays a 409 conflict', async () => {
    await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка', inn: '7707083893' });
    const both = await t.post(t.adminCookie, '/api/counterparties', {
      name: 'Василёк',
      inn: '7707083893',
      kpp: 'x',
      contactInfo: [{ kind: 'email', value: 'nope' }],
    });
    expect(both.statusCode).toBe(400);
    expect(codes(both)).toEqual([
      ['kpp', 'kpp_format'],
      ['contactInfo.0.value', 'email_invalid'],
      ['inn', 'inn_taken'],
    ]);
    const alone = await t.post(t.adminCookie, '/api/counterparties', { name: 'Василёк', inn: '7707083893' });
    expect(alone.statusCode).toBe(409);
    expect(codes(alone)).toEqual([['inn', 'inn_taken']]);
    expect(await count('counterparties')).toBe(1);
  });
});
