import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

// A contact person with several mistakes is answered once, with every mistake (the clock is
// 2026-11-27, so a birthday in 2027 is in the future). Nothing is written while any remains.

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

const codes = (res: { json(): { error: { details: { field?: string; code?: string }[] } } }) =>
  res.json().error.details.map((d) => [d.field, d.code]);

const badPerson = {
  lastName: ' ',
  birthday: '2027-01-01',
  counterpartyId: '0190e7a0-0000-7000-8000-000000000000',
  contactInfo: [
    { kind: 'phone', value: 'позвонить' },
    { kind: 'email', value: 'a@b' },
    { kind: 'fax', value: '+7 495 123-45-67' },
  ],
};

const EVERY_PROBLEM = [
  ['lastName', 'required'],
  ['birthday', 'date_future'],
  ['counterpartyId', 'counterparty_not_found'],
  ['contactInfo.0.value', 'phone_invalid'],
  ['contactInfo.1.value', 'email_invalid'],
];

describe('one answer lists every problem of a contact person', () => {
  it('on create: last name, birthday, counterparty and each bad contact information row', async () => {
    const res = await t.post(t.adminCookie, '/api/contact-persons', badPerson);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(codes(res)).toEqual(EVERY_PROBLEM);
    expect(await t.db.selectFrom('contactPersons').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('contactInfo').select('id').execute()).toEqual([]);
  });

  it('on update: the same problems at once, and the stored person stays as it was', async () => {
    const created = await t.post(t.adminCookie, '/api/contact-persons', {
      lastName: 'Петрова',
      birthday: '1980-05-15',
      contactInfo: [{ kind: 'email', value: 'petrova@example.ru' }],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const res = await t.patch(t.adminCookie, `/api/contact-persons/${id}`, badPerson);
    expect(res.statusCode).toBe(400);
    expect(codes(res)).toEqual(EVERY_PROBLEM);
    const row = await t.db
      .selectFrom('contactPersons')
      .select(['lastName', 'birthday', 'counterpartyId'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ lastName: 'Петрова', birthday: '1980-05-15', counterpartyId: null });
    const info = await t.db.selectFrom('contactInfo').select('value').where('contactPersonId', '=', id).execute();
    expect(info).toEqual([{ value: 'petrova@example.ru' }]);
  });

  it('a negative number of days before the birthday is refused by the schema, with the field named', async () => {
    const res = await t.post(t.adminCookie, '/api/contact-persons', { lastName: 'Петрова', birthdayReminderDays: -3 });
    expect(res.statusCode).toBe(400);
    expect(codes(res)).toEqual([['birthdayReminderDays', 'minimum']]);
    expect(await t.db.selectFrom('contactPersons').select('id').execute()).toEqual([]);
  });
});
