// Security cases: a manager limited to their own counterparties cannot read, change, archive,
// list, search, link to or report on anybody else's — and the database stays unchanged.
// Reports, exports and birthdays are in access-reports.test.ts.
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
  mine = (
    await t.post(a.cookie, '/api/counterparties', { name: 'Альфа', contactInfo: [{ kind: 'phone', value: '+7 495 111-11-11' }] })
  ).json();
  theirs = (
    await t.post(b.cookie, '/api/counterparties', { name: 'Бета', contactInfo: [{ kind: 'phone', value: '+7 495 222-22-22' }] })
  ).json();
  await t.post(b.cookie, '/api/contact-persons', { counterpartyId: theirs.id, lastName: 'Бетов' });
  await t.post(a.cookie, '/api/contact-persons', { counterpartyId: mine.id, lastName: 'Альфин' });
});
afterEach(async () => t.close());

const limit = () => t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });

/** Every record manager A must not see has "Бета" or "Бетов" in its name or subject, or B's phone or e-mail. */
const HIDDEN = /Бета|Бетов|222-22-22|beta\.example/;

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
    expect(
      (await t.post(a.cookie, '/api/users', { name: 'X', email: 'x@example.com', password: 'password-123', role: 'admin' })).statusCode,
    ).toBe(403);
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
    const p = (
      await t.post(a.cookie, '/api/contact-persons', { lastName: 'Иванов', contactInfo: [{ kind: 'email', value: 'admin@example.com' }] })
    ).json();
    await t.patch(a.cookie, `/api/contact-persons/${p.id}`, { contactInfo: [{ kind: 'email', value: 'changed@example.com' }] });
    expect((await t.db.selectFrom('users').select('email').where('id', '=', t.adminId).executeTakeFirstOrThrow()).email).toBe(
      'admin@example.com',
    );
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

// The limited world: beyond the base fixture each manager has an individual, an archived card and
// events of every kind of ownership. Subjects and names starting with "Альфа" are A's to see;
// those with "Бета" (or "Бетов") are hidden from A. Everything is made while visibility is open.
const ids: Record<string, string> = {};
const A_EVENTS = ['Альфа звонок', 'Альфа от Б', 'Альфа личное', 'Альфа поручено', 'Альфа для Б', 'Альфа повтор'];
const B_EVENTS = ['Бета звонок', 'Бета личное', 'Бета поручено А', 'Бета повтор'];

async function seedWorld() {
  const info = (n: string, local: string) => [
    { kind: 'phone', value: `+7 495 ${n}${n}${n}-${n}${n}-${n}${n}` },
    { kind: 'phone', value: `+7 812 ${local}-50-77` },
    { kind: 'email', value: n === '1' ? 'office@alfa.example' : 'office@beta.example' },
  ];
  expect((await t.patch(a.cookie, `/api/counterparties/${mine.id}`, { inn: '7712345671', contactInfo: info('1', '300') })).statusCode).toBe(
    200,
  );
  expect(
    (await t.patch(b.cookie, `/api/counterparties/${theirs.id}`, { inn: '7712345689', contactInfo: info('2', '400') })).statusCode,
  ).toBe(200);
  for (const [who, name] of [
    [a, 'Альфа-архив'],
    [b, 'Бета-архив'],
  ] as const) {
    const c = (await t.post(who.cookie, '/api/counterparties', { name })).json();
    await t.post(who.cookie, `/api/counterparties/${c.id}/archive`);
    ids[name] = c.id;
  }
  ids['Альфаева'] = (await t.post(a.cookie, '/api/contact-persons', { lastName: 'Альфаева' })).json().id;
  ids['Бетаева'] = (await t.post(b.cookie, '/api/contact-persons', { lastName: 'Бетаева' })).json().id;
  for (const p of await t.db.selectFrom('contactPersons').select(['id', 'lastName']).execute()) ids[p.lastName] = p.id;

  const ev = async (who: { cookie: string }, subject: string, extra: object = {}) => {
    const res = await t.post(who.cookie, '/api/events', { kind: 'phoneCall', startAt: '2026-11-20T10:00:00Z', subject, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    ids[subject] = res.json().id;
  };
  await ev(a, 'Альфа звонок', { counterpartyId: mine.id, contactPersonId: ids['Альфин'], direction: 'outgoing' });
  await ev(b, 'Альфа от Б', { counterpartyId: mine.id });
  await ev(a, 'Альфа личное');
  // Handed to A with B's individual as its contact person: A sees the event, never the person's name.
  await ev(b, 'Альфа поручено', { responsibleUserId: a.id, contactPersonId: ids['Бетаева'] });
  await ev(a, 'Альфа для Б', { responsibleUserId: b.id });
  await ev(a, 'Альфа повтор', { counterpartyId: mine.id, basis: { type: 'event', id: ids['Альфа звонок'] } });
  await ev(b, 'Бета звонок', { counterpartyId: theirs.id, contactPersonId: ids['Бетов'], direction: 'outgoing' });
  await ev(b, 'Бета личное');
  // Being responsible for an event (and its author) never opens a hidden counterparty.
  await ev(a, 'Бета поручено А', { counterpartyId: theirs.id, responsibleUserId: a.id });
  await ev(b, 'Бета повтор', { counterpartyId: theirs.id, basis: { type: 'event', id: ids['Альфа звонок'] } });
  await ev(a, 'Альфа архив', { counterpartyId: mine.id });
  await ev(b, 'Бета архив', { counterpartyId: theirs.id });
  await t.post(a.cookie, `/api/events/${ids['Альфа архив']}/archive`);
  await t.post(b.cookie, `/api/events/${ids['Бета архив']}/archive`);
  expect((await limit()).statusCode).toBe(200);
}

/** Sorted values of `key` in a list answer; A's answers must also never mention a hidden record. */
async function listed(cookie: string, url: string, key = 'name'): Promise<string[]> {
  const res = await t.get(cookie, url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  if (cookie === a.cookie) expect(res.body, url).not.toMatch(HIDDEN);
  return res
    .json()
    .items.map((x: any) => x[key])
    .sort();
}
const sorted = (xs: string[]) => [...xs].sort();
const q = encodeURIComponent;

describe('limited visibility', () => {
  beforeEach(seedWorld);

  describe('counterparties', () => {
    it.each([
      ['the list', '', ['Альфа'], ['Альфа', 'Бета']],
      ['search by name', `q=${q('бета')}`, [], ['Бета']],
      ['search by a common letter', `q=${q('а')}`, ['Альфа'], ['Альфа', 'Бета']],
      ['search by a phone written otherwise', `q=${q('8 (495) 222-22-22')}`, [], ['Бета']],
      ['search by own phone written otherwise', `q=${q('8 (495) 111-11-11')}`, ['Альфа'], ['Альфа']],
      ['search by a phone ending', `q=${q('00-50-77')}`, ['Альфа'], ['Альфа', 'Бета']],
      ['search by e-mail', `q=${q('Office@Beta.example')}`, [], ['Бета']],
      ['search by INN prefix', 'q=771234', ['Альфа'], ['Альфа', 'Бета']],
      ['filter by responsible B', 'responsibleUserId=B', [], ['Бета']],
      ['filter by customers', 'isCustomer=true', ['Альфа'], ['Альфа', 'Бета']],
      ['archived=all', 'archived=all', ['Альфа', 'Альфа-архив'], ['Альфа', 'Альфа-архив', 'Бета', 'Бета-архив']],
      ['archived=archived', 'archived=archived', ['Альфа-архив'], ['Альфа-архив', 'Бета-архив']],
    ])('%s', async (_, query, forA, forAdmin) => {
      const url = `/api/counterparties?${query.replace('=B', `=${b.id}`)}`;
      expect(await listed(a.cookie, url)).toEqual(forA);
      expect(await listed(t.adminCookie, url)).toEqual(forAdmin);
    });

    it('cards and histories: own ones open, hidden ones (archived too) are 404 and unchanged', async () => {
      expect((await t.get(a.cookie, `/api/counterparties/${mine.id}`)).json().name).toBe('Альфа');
      expect((await t.get(a.cookie, `/api/counterparties/${mine.id}/history`)).statusCode).toBe(200);
      const before = await t.db.selectFrom('counterparties').selectAll().where('id', '=', ids['Бета-архив']).executeTakeFirstOrThrow();
      for (const id of [theirs.id, ids['Бета-архив']]) {
        expect((await t.get(a.cookie, `/api/counterparties/${id}`)).statusCode).toBe(404);
        expect((await t.get(a.cookie, `/api/counterparties/${id}/history`)).statusCode).toBe(404);
        expect((await t.get(t.adminCookie, `/api/counterparties/${id}/history`)).statusCode).toBe(200);
      }
      expect((await t.post(a.cookie, `/api/counterparties/${ids['Бета-архив']}/restore`)).statusCode).toBe(404);
      expect(await t.db.selectFrom('counterparties').selectAll().where('id', '=', ids['Бета-архив']).executeTakeFirstOrThrow()).toEqual(
        before,
      );
      expect((await t.get(t.adminCookie, `/api/counterparties/${theirs.id}`)).json().name).toBe('Бета');
    });

    it('an INN clash on changing an own card does not name the hidden holder either', async () => {
      const res = await t.patch(a.cookie, `/api/counterparties/${mine.id}`, { inn: '7712345689' });
      expect(res.statusCode).toBe(409);
      expect(res.body).not.toMatch(HIDDEN);
      expect((await t.db.selectFrom('counterparties').select('inn').where('id', '=', mine.id).executeTakeFirstOrThrow()).inn).toBe(
        '7712345671',
      );
    });
  });

  describe('contact persons and individuals', () => {
    it.each([
      ['all', '', ['Альфаева', 'Альфин'], ['Альфаева', 'Альфин', 'Бетаева', 'Бетов']],
      ['archived=all', 'archived=all', ['Альфаева', 'Альфин'], ['Альфаева', 'Альфин', 'Бетаева', 'Бетов']],
      ['individuals only', 'individuals=true', ['Альфаева'], ['Альфаева', 'Бетаева']],
      ['persons of counterparties only', 'individuals=false', ['Альфин'], ['Альфин', 'Бетов']],
      ['of a hidden counterparty', 'counterpartyId=THEIRS', [], ['Бетов']],
      ['of an own counterparty', 'counterpartyId=MINE', ['Альфин'], ['Альфин']],
      ['search', `q=${q('бет')}`, [], ['Бетаева', 'Бетов']],
      ['search by a common prefix', `q=${q('аль')}`, ['Альфаева', 'Альфин'], ['Альфаева', 'Альфин']],
    ])('%s', async (_, query, forA, forAdmin) => {
      const url = `/api/contact-persons?${query.replace('THEIRS', theirs.id).replace('MINE', mine.id)}`;
      expect(await listed(a.cookie, url, 'lastName')).toEqual(forA);
      expect(await listed(t.adminCookie, url, 'lastName')).toEqual(forAdmin);
    });

    it("an individual made by A opens for A; B's is 404 on every verb and unchanged", async () => {
      expect((await t.get(a.cookie, `/api/contact-persons/${ids['Альфаева']}`)).json().lastName).toBe('Альфаева');
      const hidden = ids['Бетаева'];
      const before = await t.db.selectFrom('contactPersons').selectAll().where('id', '=', hidden).executeTakeFirstOrThrow();
      expect((await t.get(a.cookie, `/api/contact-persons/${hidden}`)).statusCode).toBe(404);
      expect((await t.patch(a.cookie, `/api/contact-persons/${hidden}`, { lastName: 'Взлом' })).statusCode).toBe(404);
      expect((await t.post(a.cookie, `/api/contact-persons/${hidden}/archive`)).statusCode).toBe(404);
      expect(await t.db.selectFrom('contactPersons').selectAll().where('id', '=', hidden).executeTakeFirstOrThrow()).toEqual(before);
      expect((await t.get(t.adminCookie, `/api/contact-persons/${hidden}`)).json().lastName).toBe('Бетаева');
    });
  });

  describe('events', () => {
    it.each([
      ['the journal', '', A_EVENTS, [...A_EVENTS, ...B_EVENTS]],
      ['search', `q=${q('звонок')}`, ['Альфа звонок'], ['Альфа звонок', 'Бета звонок']],
      ['of a hidden counterparty', 'counterpartyId=THEIRS', [], ['Бета звонок', 'Бета поручено А', 'Бета повтор']],
      [
        'of an own counterparty',
        'counterpartyId=MINE',
        ['Альфа звонок', 'Альфа от Б', 'Альфа повтор'],
        ['Альфа звонок', 'Альфа от Б', 'Альфа повтор'],
      ],
      ['of a hidden contact person', 'contactPersonId=BETOV', [], ['Бета звонок']],
      [
        'with B responsible',
        'responsibleUserId=B',
        ['Альфа для Б', 'Альфа от Б'],
        ['Альфа для Б', 'Альфа от Б', 'Бета звонок', 'Бета личное', 'Бета повтор'],
      ],
      ['archived=all', 'archived=all', [...A_EVENTS, 'Альфа архив'], [...A_EVENTS, ...B_EVENTS, 'Альфа архив', 'Бета архив']],
      ['archived=archived', 'archived=archived', ['Альфа архив'], ['Альфа архив', 'Бета архив']],
    ])('%s', async (_, query, forA, forAdmin) => {
      const url = `/api/events?limit=200&${query.replace('THEIRS', theirs.id).replace('MINE', mine.id).replace('BETOV', ids['Бетов']).replace('=B', `=${b.id}`)}`;
      expect(await listed(a.cookie, url, 'subject')).toEqual(sorted(forA));
      expect(await listed(t.adminCookie, url, 'subject')).toEqual(sorted(forAdmin));
    });

    it('cards: every visible event opens; hidden ones are 404 on every verb and unchanged', async () => {
      for (const s of A_EVENTS) expect((await t.get(a.cookie, `/api/events/${ids[s]}`)).json().subject, s).toBe(s);
      for (const s of [...B_EVENTS, 'Бета архив']) {
        const before = await t.db.selectFrom('events').selectAll().where('id', '=', ids[s]).executeTakeFirstOrThrow();
        expect((await t.get(a.cookie, `/api/events/${ids[s]}`)).statusCode, s).toBe(404);
        expect((await t.get(a.cookie, `/api/events/${ids[s]}/related`)).statusCode, s).toBe(404);
        expect((await t.patch(a.cookie, `/api/events/${ids[s]}`, { subject: 'Взлом' })).statusCode, s).toBe(404);
        expect((await t.post(a.cookie, `/api/events/${ids[s]}/${before.archivedAt ? 'restore' : 'archive'}`)).statusCode, s).toBe(404);
        expect(await t.db.selectFrom('events').selectAll().where('id', '=', ids[s]).executeTakeFirstOrThrow(), s).toEqual(before);
        expect((await t.get(t.adminCookie, `/api/events/${ids[s]}`)).statusCode, s).toBe(200);
      }
    });

    it('related documents list only visible follow-ups', async () => {
      const titles = async (cookie: string) => {
        const res = await t.get(cookie, `/api/events/${ids['Альфа звонок']}/related`);
        expect(res.statusCode).toBe(200);
        return res
          .json()
          .documents.map((d: any) => d.title)
          .sort();
      };
      expect(await titles(a.cookie)).toEqual(['Альфа повтор']);
      expect(await titles(t.adminCookie)).toEqual(['Альфа повтор', 'Бета повтор']);
    });

    it('a visible event names neither a hidden basis nor a hidden contact person', async () => {
      const res = await t.post(t.adminCookie, '/api/events', {
        kind: 'meeting',
        startAt: '2026-11-21T10:00:00Z',
        subject: 'Альфа по следам',
        counterpartyId: mine.id,
        basis: { type: 'event', id: ids['Бета звонок'] },
      });
      expect(res.statusCode).toBe(201);
      const followUp = res.json().id;
      expect((await t.get(t.adminCookie, `/api/events/${followUp}`)).json().basis.title).toContain('Бета звонок');
      expect((await t.get(t.adminCookie, `/api/events/${ids['Альфа поручено']}`)).json().contactPersonName).toBe('Бетаева');
      for (const id of [followUp, ids['Альфа поручено']]) {
        const card = await t.get(a.cookie, `/api/events/${id}`);
        expect(card.statusCode).toBe(200);
        expect(card.body).not.toMatch(HIDDEN);
      }
      expect((await t.get(a.cookie, `/api/events/${followUp}/related`)).json().basis).toBeNull();
      expect(await listed(a.cookie, '/api/events?limit=200', 'subject')).toEqual(sorted([...A_EVENTS, 'Альфа по следам']));
    });
  });

  describe('tasks', () => {
    it.each([
      ['a hidden counterparty', 'counterparty', () => theirs.id],
      ['a hidden contact person', 'contactPerson', () => ids['Бетов']],
      ['a hidden individual', 'contactPerson', () => ids['Бетаева']],
      ['a hidden event', 'event', () => ids['Бета звонок']],
      ['an event on a hidden counterparty A is responsible for', 'event', () => ids['Бета поручено А']],
    ])('a manager cannot make a task about %s (400, nothing written)', async (_, type, id) => {
      const res = await t.post(a.cookie, '/api/tasks', { title: 'Разведка', subject: { type, id: id() } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].code).toBe('subject_not_found');
      expect(res.body).not.toMatch(HIDDEN);
      expect(await t.db.selectFrom('tasks').select('id').execute()).toEqual([]);
      expect((await t.post(t.adminCookie, '/api/tasks', { title: 'Проверка', subject: { type, id: id() } })).statusCode).toBe(201);
    });

    it('tasks about visible records are allowed', async () => {
      for (const subject of [
        { type: 'counterparty', id: mine.id },
        { type: 'contactPerson', id: ids['Альфаева'] },
        { type: 'event', id: ids['Альфа поручено'] },
      ]) {
        const res = await t.post(a.cookie, '/api/tasks', { title: 'Своё', subject });
        expect(res.statusCode, res.body).toBe(201);
      }
      expect(await t.db.selectFrom('tasks').select('id').execute()).toHaveLength(3);
    });

    it("A's tasks about hidden records (given by the admin) keep the link but never name it", async () => {
      const subjects = [
        { type: 'counterparty', id: theirs.id },
        { type: 'contactPerson', id: ids['Бетов'] },
        { type: 'contactPerson', id: ids['Бетаева'] },
        { type: 'event', id: ids['Бета звонок'] },
        { type: 'counterparty', id: mine.id },
      ];
      const taskIds: string[] = [];
      for (const subject of subjects) {
        const res = await t.post(t.adminCookie, '/api/tasks', {
          title: 'Позвонить',
          assigneeId: a.id,
          remindAt: '2026-11-27T08:00:00Z',
          subject,
        });
        expect(res.statusCode, res.body).toBe(201);
        taskIds.push(res.json().id);
      }
      const titles = (items: any[]) => items.map((x) => x.subject.title).sort();
      for (const url of ['/api/tasks', '/api/tasks/reminders']) {
        const mineRes = await t.get(a.cookie, url);
        expect(mineRes.statusCode, url).toBe(200);
        expect(mineRes.body, url).not.toMatch(HIDDEN);
        expect(
          mineRes
            .json()
            .items.map((x: any) => x.subject.title ?? '-')
            .sort(),
          url,
        ).toEqual(['-', '-', '-', '-', 'Альфа']);
      }
      for (const id of taskIds) expect((await t.get(a.cookie, `/api/tasks/${id}`)).body).not.toMatch(HIDDEN);
      const all = (await t.get(t.adminCookie, `/api/tasks?assigneeId=${a.id}`)).json().items;
      expect(titles(all)).toEqual(['Альфа', 'Бета', 'Бетаева', 'Бетов', expect.stringContaining('Бета звонок')]);
    });
  });
});
