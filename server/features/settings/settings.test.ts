import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

const GOOD = {
  companyName: 'ООО «Торговый дом»',
  companyInn: '7707083893',
  companyKpp: '773601001',
  companyLegalAddress: 'г. Москва, ул. Вавилова, д. 19',
  companyPhone: '+7 495 500-55-50',
  companyBank: 'ПАО Сбербанк',
  companyBik: '044525225',
  companyAccount: '40702810938000012345',
  companyCorrAccount: '30101810400000000225',
  companyDirector: 'Иванов И. И.',
  companyAccountant: 'Петрова А. А.',
};

const stored = async (key: string) =>
  (await t.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;

describe('company requisites', () => {
  it('stores correct requisites and returns them', async () => {
    const res = await t.patch(t.adminCookie, '/api/settings', GOOD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject(GOOD);
    expect(await stored('companyAccount')).toBe(JSON.stringify(GOOD.companyAccount));
  });

  it('refuses bad check digits, naming every field, and writes nothing', async () => {
    const res = await t.patch(t.adminCookie, '/api/settings', {
      ...GOOD,
      companyInn: '7707083894',
      companyAccount: '40702810038000012345',
      companyCorrAccount: '30101810500000000225',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['companyInn', 'inn_checksum'],
      ['companyAccount', 'account_key'],
      ['companyCorrAccount', 'account_key'],
    ]);
    expect(await stored('companyName')).toBeNull();
    expect(await stored('companyInn')).toBeNull();
  });

  it('checks a stored account again when only the BIK changes', async () => {
    expect((await t.patch(t.adminCookie, '/api/settings', GOOD)).statusCode).toBe(200);
    const res = await t.patch(t.adminCookie, '/api/settings', { companyBik: '044584226' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['companyAccount', 'companyCorrAccount']);
    expect(await stored('companyBik')).toBe(JSON.stringify('044525225'));
  });

  it('rejects wrong lengths through the schema and clears a field with an empty string', async () => {
    const bad = await t.patch(t.adminCookie, '/api/settings', { companyBik: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('companyBik');
    expect((await t.patch(t.adminCookie, '/api/settings', GOOD)).statusCode).toBe(200);
    const cleared = await t.patch(t.adminCookie, '/api/settings', { companyInn: '', companyKpp: '' });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().companyInn).toBe('');
  });

  it('a manager cannot change them', async () => {
    const m = await t.userWithCookie('manager');
    expect((await t.patch(m.cookie, '/api/settings', GOOD)).statusCode).toBe(403);
  });
});
