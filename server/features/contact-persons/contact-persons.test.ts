import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { interleavingApp } from '../../test/interleaving-app.js';

let t: TestApp;
let cp: any;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка' })).json();
});
afterEach(async () => t.close());

describe('contact persons', () => {
  it('creates a person of a counterparty with contact information and a birthday reminder', async () => {
    const res = await t.post(t.adminCookie, '/api/contact-persons', {
      counterpartyId: cp.id,
      lastName: 'Петрова',
      firstName: 'Мария',
      middleName: 'Ивановна',
      position: 'Главный бухгалтер',
      birthday: '1985-03-14',
      birthdayReminderDays: 3,
      contactInfo: [{ kind: 'phone', value: '+7 (916) 123-45-67' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      fullName: 'Петрова Мария Ивановна',
      counterpartyName: 'Ромашка',
      birthday: '1985-03-14',
      birthdayReminderDays: 3,
    });
    const row = await t.db.selectFrom('contactPersons').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ counterpartyId: cp.id, birthday: '1985-03-14', birthdayReminderDays: 3 });
    const list = (await t.get(t.adminCookie, `/api/contact-persons?counterpartyId=${cp.id}`)).json();
    expect(list.items.map((p: any) => p.fullName)).toEqual(['Петрова Мария Ивановна']);
  });

  it('individuals have no counterparty and are listed apart', async () => {
    await t.post(t.adminCookie, '/api/contact-persons', { lastName: 'Сидоров', firstName: 'Пётр' });
    await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: cp.id, lastName: 'Петрова' });
    const ind = (await t.get(t.adminCookie, '/api/contact-persons?individuals=true')).json().items;
    expect(ind.map((p: any) => [p.lastName, p.counterpartyId])).toEqual([['Сидоров', null]]);
    const byName = (await t.get(t.adminCookie, `/api/contact-persons?q=${encodeURIComponent('ПЁТР')}`)).json().items;
    expect(byName.map((p: any) => p.lastName)).toEqual(['Петрова', 'Сидоров']); // ё folds to е, case ignored
  });

  it.each([
    [{ lastName: 'X', birthday: '2026-02-30' }, 'birthday', 'format_date'],
    [{ lastName: 'X', birthday: '2027-01-01' }, 'birthday', 'date_future'],
    [{ lastName: 'X', birthday: '14.03.1985' }, 'birthday', 'format_date'],
    [{ lastName: 'X', birthdayReminderDays: -1 }, 'birthdayReminderDays', 'minimum'],
    [{ lastName: 'X', birthdayReminderDays: 1.5 }, 'birthdayReminderDays', 'wrong_type'],
    [{ lastName: '' }, 'lastName', 'required'],
    [{ lastName: 'X', counterpartyId: '0190e7a0-0000-7000-8000-000000000000' }, 'counterpartyId', 'counterparty_not_found'],
    [{ lastName: 'X', userId: 'x' }, 'userId', 'unknown_field'],
  ])('refuses %j', async (body, field, code) => {
    const res = await t.post(t.adminCookie, '/api/contact-persons', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect(await t.db.selectFrom('contactPersons').select('id').execute()).toEqual([]);
  });

  it('PATCH changes only what is sent, archive and restore keep the row', async () => {
    const p = (
      await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: cp.id, lastName: 'Петрова', position: 'Бухгалтер' })
    ).json();
    const res = await t.patch(t.adminCookie, `/api/contact-persons/${p.id}`, { position: 'Главный бухгалтер', birthday: null });
    expect(res.json()).toMatchObject({ lastName: 'Петрова', position: 'Главный бухгалтер', counterpartyId: cp.id });
    expect((await t.post(t.adminCookie, `/api/contact-persons/${p.id}/archive`)).json().archivedAt).not.toBeNull();
    expect((await t.get(t.adminCookie, '/api/contact-persons')).json().items).toEqual([]);
    expect((await t.post(t.adminCookie, `/api/contact-persons/${p.id}/restore`)).json().archivedAt).toBeNull();
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', p.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((x) => x.action)).toEqual(['create', 'update', 'archive', 'restore']);
  });
});

describe('simultaneous edits', () => {
  // Through an app whose queries yield to the event loop, so the two requests really interleave.
  const patchAt = async (url: string, bodies: object[]) => {
    const app = await interleavingApp(t);
    try {
      return await Promise.all(bodies.map((payload) => app.inject({ method: 'PATCH', url, payload, headers: { cookie: t.adminCookie } })));
    } finally {
      await app.close();
    }
  };

  it('two PATCHes of different fields sent at once both survive', async () => {
    const p = (await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: cp.id, lastName: 'Петрова' })).json();
    for (let i = 0; i < 8; i++) {
      const [a, b] = await patchAt(`/api/contact-persons/${p.id}`, [
        { position: `Должность ${i}` },
        { comment: `Заметка ${i}`, contactInfo: [{ kind: 'email', value: `m${i}@example.com` }] },
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      const row = await t.db.selectFrom('contactPersons').select(['position', 'comment']).where('id', '=', p.id).executeTakeFirstOrThrow();
      expect(row, `round ${i}`).toEqual({ position: `Должность ${i}`, comment: `Заметка ${i}` });
      const info = await t.db.selectFrom('contactInfo').select('value').where('contactPersonId', '=', p.id).execute();
      expect(info).toEqual([{ value: `m${i}@example.com` }]);
    }
    const audit = await t.db.selectFrom('auditLog').select('id').where('entityId', '=', p.id).where('action', '=', 'update').execute();
    expect(audit).toHaveLength(16);
  });

  it('a PATCH refused by a check writes nothing, contact information included', async () => {
    const p = (
      await t.post(t.adminCookie, '/api/contact-persons', {
        counterpartyId: cp.id,
        lastName: 'Петрова',
        contactInfo: [{ kind: 'email', value: 'old@example.com' }],
      })
    ).json();
    const res = await t.patch(t.adminCookie, `/api/contact-persons/${p.id}`, {
      lastName: 'Иванова',
      counterpartyId: '0190e7a0-0000-7000-8000-000000000000',
      contactInfo: [{ kind: 'email', value: 'new@example.com' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'counterpartyId', code: 'counterparty_not_found' })]);
    expect((await t.db.selectFrom('contactPersons').select('lastName').executeTakeFirstOrThrow()).lastName).toBe('Петрова');
    expect(await t.db.selectFrom('contactInfo').select('value').where('contactPersonId', '=', p.id).execute()).toEqual([
      { value: 'old@example.com' },
    ]);
  });
});
