// Security cases: a manager limited to their own counterparties cannot read, change, archive,
// list, search, link to or report on anybody else's — and the database stays unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let a: { id: string; cookie: string };
let b: { id: string; cookie: string };
let mine: any;
let theirs: any;

beforeEach(async () => {
  t = await makeTestApp();
  a = await t.userWithCookie('manager', 'Менеджер А');
  b = await t.userWithCookie('manager', 'Менеджер Б');
  mine = (await t.post(a.cookie, '/api/counterparties', { name: 'Альфа', contactInfo: [{ kind: 'phone', value: '+7 495 111-11-11' }] })).json();
  theirs = (await t.post(b.cookie, '/api/counterparties', { name: 'Бета', contactInfo: [{ kind: 'phone', value: '+7 495 222-22-22' }] })).json();
  await t.post(b.cookie, '/api/contact-persons', { counterpartyId: theirs.id, lastName: 'Бетов' });
  await t.post(a.cookie, '/api/contact-persons', { counterpartyId: mine.id, lastName: 'Альфин' });
});
afterEach(async () => t.close());

const limit = () => t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });

describe('visibility setting', () => {
  it('by default every manager sees all counterparties', async () => {
    const list = (await t.get(a.cookie, '/api/counterparties')).json().items.map((c: any) => c.name);
    expect(list).toEqual(['Альфа', 'Бета']);
  });

  it('limited: lists, search, persons and the report show only own records', async () => {
    expect((await limit()).statusCode).toBe(200);
    expect((await t.get(a.cookie, '/api/counterparties')).json().items.map((c: any) => c.name)).toEqual(['Альфа']);
    expect((await t.get(a.cookie, '/api/counterparties?q=%2B74952222222')).json().items).toEqual([]);
    expect((await t.get(a.cookie, '/api/contact-persons')).json().items.map((p: any) => p.lastName)).toEqual(['Альфин']);
    expect((await t.get(a.cookie, `/api/contact-persons?counterpartyId=${theirs.id}`)).json().items).toEqual([]);
    const report = (await t.get(a.cookie, '/api/reports/contact-info')).json();
    expect(report.rows.map((r: any) => r.name).sort()).toEqual(['Альфа', 'Альфин']);
    expect(report.total).toBe(2);
    const csv = (await t.get(a.cookie, '/api/reports/contact-info?format=csv')).body;
    expect(csv).not.toContain('Бета');
    // The admin still sees everything.
    expect((await t.get(t.adminCookie, '/api/counterparties')).json().items).toHaveLength(2);
  });

  it('limited: every verb on a hidden card is 404 and the row is unchanged', async () => {
    await limit();
    const before = await t.db.selectFrom('counterparties').selectAll().where('id', '=', theirs.id).executeTakeFirstOrThrow();
    expect((await t.get(a.cookie, `/api/counterparties/${theirs.id}`)).statusCode).toBe(404);
    expect((await t.patch(a.cookie, `/api/counterparties/${theirs.id}`, { name: 'Взлом' })).statusCode).toBe(404);
    expect((await t.post(a.cookie, `/api/counterparties/${theirs.id}/archive`)).statusCode).toBe(404);
    expect((await t.get(a.cookie, `/api/counterparties/${theirs.id}/history`)).statusCode).toBe(404);
    const after = await t.db.selectFrom('counterparties').selectAll().where('id', '=', theirs.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    // Nor can A attach a person to B's card.
    const link = await t.post(a.cookie, '/api/contact-persons', { counterpartyId: theirs.id, lastName: 'Шпион' });
    expect(link.statusCode).toBe(400);
    expect(await t.db.selectFrom('contactPersons').select('id').where('lastName', '=', 'Шпион').execute()).toEqual([]);
  });

  it('limited: an INN clash does not reveal the name of a hidden counterparty', async () => {
    await t.patch(t.adminCookie, `/api/counterparties/${theirs.id}`, { inn: '7707083893' });
    await limit();
    const res = await t.post(a.cookie, '/api/counterparties', { name: 'Моя', inn: '7707083893' });
    expect(res.statusCode).toBe(409);
    expect(res.body).not.toContain('Бета');
    expect(res.json().error.details[0].code).toBe('inn_taken');
  });

  it('limited: a hidden contact person cannot be read or changed', async () => {
    await limit();
    const hidden = await t.db.selectFrom('contactPersons').selectAll().where('lastName', '=', 'Бетов').executeTakeFirstOrThrow();
    expect((await t.get(a.cookie, `/api/contact-persons/${hidden.id}`)).statusCode).toBe(404);
    expect((await t.patch(a.cookie, `/api/contact-persons/${hidden.id}`, { lastName: 'X' })).statusCode).toBe(404);
    expect((await t.post(a.cookie, `/api/contact-persons/${hidden.id}/archive`)).statusCode).toBe(404);
    const after = await t.db.selectFrom('contactPersons').selectAll().where('id', '=', hidden.id).executeTakeFirstOrThrow();
    expect(after).toEqual(hidden);
  });
});

describe('users and roles', () => {
  it('a manager cannot list users, create one, change its own role or another user', async () => {
    expect((await t.get(a.cookie, '/api/users')).statusCode).toBe(403);
    expect((await t.post(a.cookie, '/api/users', { name: 'X', email: 'x@example.com', password: 'password-123', role: 'admin' })).statusCode).toBe(403);
    expect((await t.patch(a.cookie, `/api/users/${a.id}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await t.patch(a.cookie, `/api/users/${b.id}`, { password: 'hijacked-123' })).statusCode).toBe(403);
    expect((await t.patch(a.cookie, `/api/users/${b.id}`, { email: 'evil@example.com' })).statusCode).toBe(403);
    const rows = await t.db.selectFrom('users').select(['id', 'role', 'email']).where('id', 'in', [a.id, b.id]).execute();
    expect(rows.every((r) => r.role === 'manager' && !r.email.startsWith('evil'))).toBe(true);
    expect((await t.patch(a.cookie, '/api/me/settings', { role: 'admin' })).statusCode).toBe(400);
    expect((await t.get(a.cookie, '/api/settings')).statusCode).toBe(403);
    expect((await t.patch(a.cookie, '/api/settings', { managersSeeAllCounterparties: false })).statusCode).toBe(403);
  });

  it('blocking a user ends their sessions; the last admin cannot be demoted', async () => {
    expect((await t.patch(t.adminCookie, `/api/users/${b.id}`, { blocked: true })).statusCode).toBe(200);
    expect((await t.get(b.cookie, '/api/me')).statusCode).toBe(401);
    const demote = await t.patch(t.adminCookie, `/api/users/${t.adminId}`, { role: 'manager' });
    expect(demote.statusCode).toBe(409);
    expect((await t.db.selectFrom('users').select('role').where('id', '=', t.adminId).executeTakeFirstOrThrow()).role).toBe('admin');
  });

  it('editing a contact person never touches a user login e-mail', async () => {
    const p = (await t.post(a.cookie, '/api/contact-persons', { lastName: 'Иванов', contactInfo: [{ kind: 'email', value: 'admin@example.com' }] })).json();
    await t.patch(a.cookie, `/api/contact-persons/${p.id}`, { contactInfo: [{ kind: 'email', value: 'changed@example.com' }] });
    expect((await t.db.selectFrom('users').select('email').where('id', '=', t.adminId).executeTakeFirstOrThrow()).email).toBe('admin@example.com');
  });
});

describe('settings validation', () => {
  it.each([
    [{ schedulerIntervalSeconds: 0 }, 'schedulerIntervalSeconds'],
    [{ schedulerIntervalSeconds: 86401 }, 'schedulerIntervalSeconds'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ timeZone: "Europe/Moscow'; drop table users; --" }, 'timeZone'],
    [{ defaultPhoneRegion: 'XX' }, 'defaultPhoneRegion'],
    [{ scheduledJobsUserId: '0190e7a0-0000-7000-8000-000000000000' }, 'scheduledJobsUserId'],
  ])('refuses %j', async (patch, field) => {
    const res = await t.patch(t.adminCookie, '/api/settings', patch);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe(field);
    expect(await t.db.selectFrom('settings').select('key').execute()).toEqual([]);
  });
});
