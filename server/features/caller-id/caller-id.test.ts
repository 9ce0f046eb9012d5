import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompiledQuery, sql } from 'kysely';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { SEES_ALL } from '../access/access.logic.js';
import { phoneKeyOf } from './caller-id.logic.js';
import * as repo from './caller-id.repo.js';

let t: TestApp;
let manager: { id: string; cookie: string };
let other: { id: string; cookie: string };
let romashka: any;
let lilia: any;
let person: any;

const lookup = (cookie: string, phone: string) => t.get(cookie, `/api/caller-id?phone=${encodeURIComponent(phone)}`);

beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  manager = await t.userWithCookie('manager', 'Иван Менеджеров');
  other = await t.userWithCookie('manager', 'Пётр Другой');
  romashka = (
    await t.post(t.adminCookie, '/api/counterparties', {
      name: 'Ромашка',
      responsibleUserId: manager.id,
      contactInfo: [{ kind: 'phone', value: '+7 495 123-45-67' }],
    })
  ).json();
  lilia = (
    await t.post(t.adminCookie, '/api/counterparties', {
      name: 'Лилия',
      responsibleUserId: other.id,
      contactInfo: [{ kind: 'phone', value: '8 (812) 765-43-21' }],
    })
  ).json();
  person = (
    await t.post(t.adminCookie, '/api/contact-persons', {
      counterpartyId: lilia.id,
      lastName: 'Петрова',
      firstName: 'Мария',
      contactInfo: [{ kind: 'phone', value: '+7 916 123-45-67' }],
    })
  ).json();
});
afterEach(async () => t.close());

describe('caller id', () => {
  it.each(['+74951234567', '8 (495) 123-45-67', '84951234567', '495 123 45 67', '7-495-123-45-67'])(
    'finds the counterparty and its manager by %s',
    async (phone) => {
      const res = await lookup(t.adminCookie, phone);
      expect(res.statusCode).toBe(200);
      expect(res.json().matches).toEqual([
        {
          type: 'counterparty',
          id: romashka.id,
          name: 'Ромашка',
          counterpartyId: romashka.id,
          counterpartyName: 'Ромашка',
          responsibleUserId: manager.id,
          responsibleUserName: 'Иван Менеджеров',
        },
      ]);
    },
  );

  it("finds a contact person by their own phone, with their counterparty's manager", async () => {
    const res = await lookup(t.adminCookie, '8-916-123-45-67');
    expect(res.json().matches).toEqual([
      {
        type: 'contactPerson',
        id: person.id,
        name: 'Петрова Мария',
        counterpartyId: lilia.id,
        counterpartyName: 'Лилия',
        responsibleUserId: other.id,
        responsibleUserName: 'Пётр Другой',
      },
    ]);
  });

  it('matches the trailing digits of a partial number across both kinds of owner', async () => {
    const res = await lookup(t.adminCookie, '123-45-67');
    expect(
      res
        .json()
        .matches.map((m: any) => [m.type, m.id])
        .sort(),
    ).toEqual(
      [
        ['contactPerson', person.id],
        ['counterparty', romashka.id],
      ].sort(),
    );
    expect((await lookup(t.adminCookie, '+7 999 000-00-00')).json().matches).toEqual([]);
  });

  it('a limited manager finds only what they may see', async () => {
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });
    expect((await lookup(manager.cookie, '123-45-67')).json().matches.map((m: any) => m.id)).toEqual([romashka.id]);
    expect((await lookup(other.cookie, '123-45-67')).json().matches.map((m: any) => m.id)).toEqual([person.id]);
  });

  it('archived cards do not answer the phone', async () => {
    await t.post(t.adminCookie, `/api/counterparties/${romashka.id}/archive`);
    expect((await lookup(t.adminCookie, '+74951234567')).json().matches).toEqual([]);
  });

  it.each(['call me', '12-34', ''])('refuses %j naming the field', async (phone) => {
    const res = await lookup(t.adminCookie, phone);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('phone');
  });

  it('needs a signed-in user', async () => {
    expect((await lookup('', '+74951234567')).statusCode).toBe(401);
  });

  it('is an index lookup, never a scan of contact_info', async () => {
    const region = 'RU';
    for (const phone of ['+74951234567', '1234567']) {
      const q = repo.findByPhone(t.db, phoneKeyOf(phone, region)!, SEES_ALL, 20).compile();
      const explain = (prefix: string) => CompiledQuery.raw(`${prefix} ${q.sql}`, [...q.parameters]);
      if (t.database.dialect === 'sqlite') {
        const plan = (await t.db.executeQuery<{ detail: string }>(explain('explain query plan'))).rows.map((r) => r.detail);
        const ci = plan.find((d) => / ci\b/.test(d))!;
        expect(ci).toMatch(/USING (COVERING )?INDEX contact_info_(normalized|digits_rev)_idx/);
      } else {
        // Tiny test tables make a scan cheapest; forbidding it proves an index serves the condition.
        const plan = await t.db.transaction().execute(async (trx) => {
          await sql`set local enable_seqscan = off`.execute(trx);
          return (await trx.executeQuery<{ 'QUERY PLAN': string }>(explain('explain'))).rows.map((r) => r['QUERY PLAN']).join('\n');
        });
        expect(plan).toMatch(/Index (Only )?Scan using contact_info_(normalized|digits_rev)_idx on contact_info/);
        expect(plan).not.toMatch(/Seq Scan on contact_info/);
      }
    }
  });
});
