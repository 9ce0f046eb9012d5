import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { interleavingApp } from '../../test/interleaving-app.js';

let t: TestApp;
let cp: any;
let person: any;
let otherPerson: any;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка' })).json();
  const other = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Василёк' })).json();
  person = (await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: cp.id, lastName: 'Петрова', firstName: 'Мария' })).json();
  otherPerson = (await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: other.id, lastName: 'Чужой' })).json();
});
afterEach(async () => t.close());

const call = (extra: object = {}) => ({
  kind: 'phoneCall',
  direction: 'outgoing',
  startAt: '2026-11-27T10:00:00+03:00',
  endAt: '2026-11-27T10:15:00+03:00',
  counterpartyId: cp.id,
  contactPersonId: person.id,
  subject: 'Предложение по поставке',
  importance: 'high',
  state: 'completed',
  outcome: 'success',
  ...extra,
});

describe('events', () => {
  it('numbers events, stores UTC, and shows names and duration', async () => {
    const a = (await t.post(t.adminCookie, '/api/events', call())).json();
    const b = (await t.post(t.adminCookie, '/api/events', call({ subject: 'Второй' }))).json();
    expect([a.number, b.number]).toEqual([1, 2]);
    expect(a).toMatchObject({
      startAt: '2026-11-27T07:00:00.000Z',
      durationMinutes: 15,
      counterpartyName: 'Ромашка',
      contactPersonName: 'Петрова Мария',
      importance: 'high',
      responsibleUserId: t.adminId,
      authorId: t.adminId,
    });
    const row = await t.db.selectFrom('events').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row.startAt).toBe('2026-11-27T07:00:00.000Z');
  });

  it('fills the counterparty from the contact person', async () => {
    const e = (await t.post(t.adminCookie, '/api/events', call({ counterpartyId: undefined }))).json();
    expect(e.counterpartyId).toBe(cp.id);
  });

  it.each([
    [{ endAt: '2026-11-27T09:59:00+03:00' }, 'endAt', 'end_before_start'],
    [{ contactPersonId: 'OTHER' }, 'contactPersonId', 'contact_person_mismatch'],
    [{ startAt: '2026-11-27 10:00' }, 'startAt', 'format_date-time'],
    [{ reminder: { remindAt: '2026-11-27T10:00:00+25:00' } }, 'reminder.remindAt', 'format_date-time'],
    [{ reminder: { remindAt: '2026-11-28T10:00:00Z', dueAt: '2026-11-28T09:00:00Z' } }, 'reminder.remindAt', 'remind_after_due'],
    [{ kind: 'fax' }, 'kind', 'enum'],
    [{ subject: '' }, 'subject', 'required'],
    [{ basis: { type: 'order', id: '0190e7a0-0000-7000-8000-000000000000' } }, 'basis.type', 'basis_type_unsupported'],
    [{ ownerId: 'x' }, 'ownerId', 'unknown_field'],
  ])('refuses %j and writes nothing', async (extra, field, code) => {
    const body: any = call(extra);
    if (body.contactPersonId === 'OTHER') body.contactPersonId = otherPerson.id;
    const res = await t.post(t.adminCookie, '/api/events', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect(await t.db.selectFrom('events').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('tasks').select('id').execute()).toEqual([]);
  });

  it('journal filters by period in the user time zone, counterparty, kind, importance, state and text', async () => {
    await t.post(t.adminCookie, '/api/events', call());
    await t.post(
      t.adminCookie,
      '/api/events',
      call({
        kind: 'meeting',
        direction: null,
        startAt: '2026-11-26T23:30:00+03:00',
        endAt: null,
        importance: 'normal',
        state: 'planned',
        subject: 'Встреча в офисе',
        contactPersonId: null,
      }),
    );
    const q = async (qs: string) => (await t.get(t.adminCookie, `/api/events?${qs}`)).json().items.map((e: any) => e.subject);
    expect(await q('')).toEqual(['Предложение по поставке', 'Встреча в офисе']);
    // 23:30 Moscow on the 26th is 20:30 UTC: it belongs to the 26th for a Moscow user.
    expect(await q('from=2026-11-27&to=2026-11-27')).toEqual(['Предложение по поставке']);
    expect(await q('from=2026-11-26&to=2026-11-26')).toEqual(['Встреча в офисе']);
    expect(await q('kind=meeting')).toEqual(['Встреча в офисе']);
    expect(await q('importance=high&state=completed')).toEqual(['Предложение по поставке']);
    expect(await q(`q=${encodeURIComponent('ВСТРЕЧА')}`)).toEqual(['Встреча в офисе']);
    expect(await q(`contactPersonId=${person.id}`)).toEqual(['Предложение по поставке']);
    expect(await q('responsibleUserId=me')).toHaveLength(2);
  });

  it('creates a follow-up based on an event and shows the link both ways', async () => {
    const first = (await t.post(t.adminCookie, '/api/events', call())).json();
    const next = (
      await t.post(t.adminCookie, '/api/events', call({ subject: 'Перезвонить', state: 'planned', basis: { type: 'event', id: first.id } }))
    ).json();
    expect(next.basis).toEqual({ type: 'event', id: first.id, title: '№1 Предложение по поставке' });
    const rel = (await t.get(t.adminCookie, `/api/events/${first.id}/related`)).json();
    expect(rel.basis).toBeNull();
    expect(rel.documents).toEqual([expect.objectContaining({ type: 'event', id: next.id, number: 2, title: 'Перезвонить' })]);
    const back = (await t.get(t.adminCookie, `/api/events/${next.id}/related`)).json();
    expect(back.basis).toMatchObject({ id: first.id, number: 1 });
  });

  it('a reminder on an event becomes a task for the responsible user', async () => {
    const e = (
      await t.post(
        t.adminCookie,
        '/api/events',
        call({ reminder: { remindAt: '2026-11-27T09:01:00Z', dueAt: '2026-11-27T12:00:00Z', text: 'Перезвонить Марии' } }),
      )
    ).json();
    const task = await t.db.selectFrom('tasks').selectAll().executeTakeFirstOrThrow();
    expect(task).toMatchObject({
      title: 'Перезвонить Марии',
      assigneeId: t.adminId,
      subjectType: 'event',
      subjectId: e.id,
      source: 'eventReminder',
      status: 'open',
      alertAt: '2026-11-27T09:01:00.000Z',
    });
  });

  it('PATCH re-checks the rules and keeps the row on error', async () => {
    const e = (await t.post(t.adminCookie, '/api/events', call())).json();
    const bad = await t.patch(t.adminCookie, `/api/events/${e.id}`, { endAt: '2026-11-27T06:00:00Z', subject: 'X' });
    expect(bad.statusCode).toBe(400);
    expect((await t.db.selectFrom('events').select('subject').executeTakeFirstOrThrow()).subject).toBe('Предложение по поставке');
    const ok = await t.patch(t.adminCookie, `/api/events/${e.id}`, { state: 'cancelled' });
    expect(ok.json().state).toBe('cancelled');
  });

  it('a manager limited to own counterparties cannot see or change events of others', async () => {
    const e = (await t.post(t.adminCookie, '/api/events', call())).json();
    const m = await t.userWithCookie('manager');
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });
    expect((await t.get(m.cookie, '/api/events')).json().items).toEqual([]);
    expect((await t.get(m.cookie, `/api/events/${e.id}`)).statusCode).toBe(404);
    expect((await t.patch(m.cookie, `/api/events/${e.id}`, { subject: 'X' })).statusCode).toBe(404);
    expect((await t.get(m.cookie, `/api/events/${e.id}/related`)).statusCode).toBe(404);
    const based = await t.post(m.cookie, '/api/events', {
      kind: 'other',
      startAt: '2026-11-27T10:00:00Z',
      subject: 'x',
      basis: { type: 'event', id: e.id },
    });
    expect(based.statusCode).toBe(400);
  });

  it('being responsible for an event does not open a hidden counterparty', async () => {
    const m = await t.userWithCookie('manager');
    const e = (await t.post(t.adminCookie, '/api/events', call({ responsibleUserId: m.id }))).json();
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });
    expect((await t.get(m.cookie, '/api/events')).json().items).toEqual([]);
    expect((await t.get(m.cookie, `/api/events/${e.id}`)).statusCode).toBe(404);
    expect((await t.post(m.cookie, `/api/events/${e.id}/archive`)).statusCode).toBe(404);
    expect((await t.get(m.cookie, '/api/reports/events?groupBy=counterparty')).json().totals.count).toBe(0);
    // An event without a counterparty stays visible to its responsible user.
    const own = (
      await t.post(t.adminCookie, '/api/events', {
        kind: 'other',
        startAt: '2026-11-27T10:00:00Z',
        subject: 'Без контрагента',
        responsibleUserId: m.id,
      })
    ).json();
    expect((await t.get(m.cookie, '/api/events')).json().items.map((x: any) => x.id)).toEqual([own.id]);
  });

  it('a manager cannot put a reminder on somebody else', async () => {
    const m = await t.userWithCookie('manager');
    const res = await t.post(m.cookie, '/api/events', call({ reminder: { remindAt: '2026-11-27T12:00:00Z', assigneeId: t.adminId } }));
    expect(res.statusCode).toBe(403);
    expect(await t.db.selectFrom('events').select('id').execute()).toEqual([]);
  });
});

describe('names of hidden records', () => {
  it('a visible event based on a hidden one, or with a hidden individual, keeps the links but not the names', async () => {
    const m = await t.userWithCookie('manager');
    const own = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Своя', responsibleUserId: m.id })).json();
    const hidden = (await t.post(t.adminCookie, '/api/events', call({ subject: 'Секретный звонок' }))).json();
    const based = (
      await t.post(
        t.adminCookie,
        '/api/events',
        call({ subject: 'Продолжение', counterpartyId: own.id, contactPersonId: null, basis: { type: 'event', id: hidden.id } }),
      )
    ).json();
    const single = (await t.post(t.adminCookie, '/api/contact-persons', { lastName: 'Тайнова' })).json();
    const meeting = (
      await t.post(t.adminCookie, '/api/events', {
        kind: 'meeting',
        startAt: '2026-11-27T12:00:00Z',
        subject: 'Встреча',
        contactPersonId: single.id,
        responsibleUserId: m.id,
      })
    ).json();
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });
    const secret = /Секрет|Тайнова|Петрова|Ромашка/;

    const card = await t.get(m.cookie, `/api/events/${based.id}`);
    expect(card.json().basis).toEqual({ type: 'event', id: hidden.id, title: null });
    const journal = await t.get(m.cookie, '/api/events');
    expect(
      journal
        .json()
        .items.map((e: any) => e.id)
        .sort(),
    ).toEqual([based.id, meeting.id].sort());
    const patched = await t.patch(m.cookie, `/api/events/${based.id}`, { description: 'Созвонились' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().basis.title).toBeNull();
    const archived = await t.post(m.cookie, `/api/events/${based.id}/archive`);
    expect(archived.json().basis.title).toBeNull();
    const other = await t.get(m.cookie, `/api/events/${meeting.id}`);
    expect(other.json()).toMatchObject({ contactPersonId: single.id, contactPersonName: null });
    for (const res of [card, journal, patched, archived, other]) expect(res.body).not.toMatch(secret);

    // The links are stored; the administrator sees the names.
    const row = await t.db
      .selectFrom('events')
      .select(['basisType', 'basisId', 'description'])
      .where('id', '=', based.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ basisType: 'event', basisId: hidden.id, description: 'Созвонились' });
    expect((await t.get(t.adminCookie, `/api/events/${based.id}`)).json().basis.title).toBe(`№${hidden.number} Секретный звонок`);
    expect((await t.get(t.adminCookie, `/api/events/${meeting.id}`)).json().contactPersonName).toBe('Тайнова');
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
    const e = (await t.post(t.adminCookie, '/api/events', call())).json();
    for (let i = 0; i < 8; i++) {
      const [a, b] = await patchAt(`/api/events/${e.id}`, [{ subject: `Тема ${i}` }, { description: `Описание ${i}` }]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      const row = await t.db.selectFrom('events').select(['subject', 'description']).where('id', '=', e.id).executeTakeFirstOrThrow();
      expect(row, `round ${i}`).toEqual({ subject: `Тема ${i}`, description: `Описание ${i}` });
    }
    // Each edit was merged into the state it found: its audit entry changes its own field only.
    const audit = await t.db.selectFrom('auditLog').select('changes').where('entityId', '=', e.id).where('action', '=', 'update').execute();
    // jsonb arrives parsed on PostgreSQL, text on SQLite.
    const fields = audit.map((a) =>
      Object.keys(typeof a.changes === 'string' ? JSON.parse(a.changes) : (a.changes as unknown as object)).join(),
    );
    expect(fields.sort()).toEqual([...Array(8).fill('description'), ...Array(8).fill('subject')]);
  });

  it('a PATCH refused by a linked-record check writes nothing', async () => {
    const e = (await t.post(t.adminCookie, '/api/events', call())).json();
    const res = await t.patch(t.adminCookie, `/api/events/${e.id}`, { subject: 'Новая тема', contactPersonId: otherPerson.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'contactPersonId', code: 'contact_person_mismatch' })]);
    const row = await t.db.selectFrom('events').select(['subject', 'contactPersonId']).where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ subject: 'Предложение по поставке', contactPersonId: person.id });
    expect(await t.db.selectFrom('auditLog').select('id').where('entityId', '=', e.id).where('action', '=', 'update').execute()).toEqual(
      [],
    );
  });
});
