// What a user or an attacker sends must never break reads for others: far dates, control characters,
// bytes that are not UTF-8, forged cursors and script URLs are refused with a 400 and nothing is
// written; every answer carries the security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './test/test-app.js';

// One app for the file: most cases are refused; those that write check counts before and after.
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

type Table = 'events' | 'tasks' | 'counterparties' | 'contactInfo';
const count = async (table: Table) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** Runs a request and checks that it left the tables as they were. */
async function writesNothing<T>(tables: Table[], send: () => Promise<T>): Promise<T> {
  const before = await Promise.all(tables.map(count));
  const res = await send();
  expect(await Promise.all(tables.map(count))).toEqual(before);
  return res;
}

describe('dates and instants outside what the app can store', () => {
  it.each([
    { startAt: '2026-11-27T10:00:00Z', endAt: '9999-12-31T23:59:59.999-23:59' },
    { startAt: '9999-12-31T23:59:59.999-14:00' },
    { startAt: '0000-01-01T00:00:00Z' },
    { startAt: '0999-12-31T23:59:59Z' },
    { startAt: '+010000-01-01T00:00:00Z' },
    { startAt: '2026-11-27T10:00:00+14:01' },
    { startAt: '2026-11-27T10:00:00-15:00' },
    { startAt: '2026-11-27T23:59:60Z' },
    { startAt: '2026-02-30T10:00:00Z' },
  ])('an event with %j is a 400 and nothing is written', async (times) => {
    const res = await writesNothing(['events', 'tasks'], () =>
      t.post(t.adminCookie, '/api/events', { kind: 'phoneCall', subject: 'Звонок', ...times }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('the widest offsets inside the range are accepted and stored in UTC', async () => {
    const res = await t.post(t.adminCookie, '/api/events', {
      kind: 'phoneCall',
      subject: 'Звонок',
      startAt: '2999-12-31T23:00:00+14:00',
      endAt: '2999-12-31T23:59:59.999Z',
    });
    expect(res.statusCode).toBe(201);
    const row = await t.db.selectFrom('events').select(['startAt', 'endAt']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(new Date(row.startAt).toISOString()).toBe('2999-12-31T09:00:00.000Z');
    expect((await t.get(t.adminCookie, '/api/events')).statusCode).toBe(200);
  });

  it('a far reminder or due time is refused and the reminders poll keeps working', async () => {
    for (const body of [
      { title: 'X', remindAt: '9999-12-31T23:59:59.999-23:59' },
      { title: 'X', dueAt: '10000-01-01T00:00:00Z' },
      { title: 'X', remindAt: '0001-01-01T00:00:00Z' },
    ]) {
      expect((await writesNothing(['tasks'], () => t.post(t.adminCookie, '/api/tasks', body))).statusCode).toBe(400);
    }
    expect((await t.get(t.adminCookie, '/api/tasks')).statusCode).toBe(200);
    expect((await t.get(t.adminCookie, '/api/tasks/reminders')).statusCode).toBe(200);
  });

  it.each([
    '/api/events?from=0000-01-01',
    '/api/events?to=9999-12-31',
    '/api/tasks?from=0000-01-01',
    '/api/tasks?to=9999-12-31',
    '/api/reports/events?from=0000-01-01',
    '/api/reports/events?to=9999-12-31',
    '/api/reports/cold-calls?to=9999-12-31',
  ])('%s is a 400, not a database error', async (url) => {
    const res = await t.get(t.adminCookie, url);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].code).toBe('format_date');
  });

  it('the last and first storable days work as filters', async () => {
    expect((await t.get(t.adminCookie, '/api/events?from=1000-01-01&to=2999-12-31')).statusCode).toBe(200);
    expect((await t.get(t.adminCookie, '/api/tasks?status=all&from=1000-01-01&to=2999-12-31')).statusCode).toBe(200);
    expect((await t.get(t.adminCookie, '/api/reports/events?from=1000-01-01&to=2999-12-31')).statusCode).toBe(200);
  });
});

describe('control characters and broken Unicode', () => {
  it('NUL in the public sign-in is a 400, not a database error', async () => {
    const res = await t.post(null, '/api/auth/login', { email: 'a\u0000@x.com', password: 'whatever-123' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'email', code: 'control_character' });
  });

  it.each([
    ['NUL', 'ООО «Альфа»\u0000'],
    ['escape', 'ООО \u001b[31mАльфа'],
    ['C1 control', 'ООО \u0085Альфа'],
    ['lone surrogate', 'ООО \ud800Альфа'],
  ])('%s in a name is refused and nothing is written', async (_what, name) => {
    const res = await writesNothing(['counterparties'], () => t.post(t.adminCookie, '/api/counterparties', { name }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('name');
  });

  it('a control character deep in a list names its path', async () => {
    const res = await writesNothing(['counterparties', 'contactInfo'], () =>
      t.post(t.adminCookie, '/api/counterparties', {
        name: 'Альфа',
        contactInfo: [
          { kind: 'phone', value: '+7 495 111-11-11' },
          { kind: 'email', value: 'a@b.ru', comment: 'x\u0000' },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'contactInfo.1.comment', code: 'control_character' });
  });

  it('tabs and line breaks stay allowed in text', async () => {
    const res = await t.post(t.adminCookie, '/api/counterparties', { name: 'Альфа табуляции', comment: 'строка 1\r\nстрока 2\tконец' });
    expect(res.statusCode).toBe(201);
    expect(res.json().comment).toBe('строка 1\r\nстрока 2\tконец');
  });

  it('a surrogate pair (an emoji) is fine', async () => {
    const res = await t.post(t.adminCookie, '/api/counterparties', { name: 'Альфа эмодзи 🚚' });
    expect(res.statusCode).toBe(201);
  });

  it.each(['/api/counterparties?q=%00', '/api/events?q=%00', '/api/contact-persons?q=a%1Fb', '/api/reports/contact-info?q=%00'])(
    '%s is a 400',
    async (url) => {
      const res = await t.get(t.adminCookie, url);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: 'q', code: 'control_character' });
    },
  );

  it.each(['/api/counterparties?q=%ff', '/api/counterparties?q=%c3%28', '/api/counterparties?q=%ed%a0%80'])(
    'a query that is not UTF-8 (%s) is a 400',
    async (url) => {
      const res = await t.get(t.adminCookie, url);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].code).toBe('invalid_unicode');
    },
  );

  it('a body that is not UTF-8 is a 400 and nothing is written', async () => {
    const payload = Buffer.concat([Buffer.from('{"name":"ООО '), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const res = await writesNothing(['counterparties'], () =>
      t.request(t.adminCookie, { method: 'POST', url: '/api/counterparties', headers: { 'content-type': 'application/json' }, payload }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].code).toBe('invalid_unicode');
  });

  it('prototype poisoning in a body is still refused', async () => {
    const res = await writesNothing(['counterparties'], () =>
      t.request(t.adminCookie, {
        method: 'POST',
        url: '/api/counterparties',
        headers: { 'content-type': 'application/json' },
        payload: '{"name":"Альфа","__proto__":{"isAdmin":true}}',
      }),
    );
    expect(res.statusCode).toBe(400);
  });
});

describe('forged cursors', () => {
  const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const id = '0190e7a0-0000-7000-8000-000000000000';

  it.each([
    ['events', '/api/events?cursor=WyJ6enoiLCJ4IiwiIl0'],
    ['events with a text value', `/api/events?cursor=${forge(['zzz', id, ''])}`],
    ['events with a far date', `/api/events?cursor=${forge(['+010000-01-01T00:00:00.000Z', id, ''])}`],
    ['tasks', `/api/tasks?cursor=${forge(['zzz', id, ''])}`],
    ['done tasks', `/api/tasks?status=done&cursor=${forge([12, id, 'done'])}`],
    ['counterparties by creation', `/api/counterparties?sort=createdAt&cursor=${forge(['zzz', id, 'createdAt'])}`],
    ['counterparties with a bad id', `/api/counterparties?cursor=${forge(['альфа', 'x', 'name'])}`],
    ['contact persons', `/api/contact-persons?cursor=${forge([{}, id, ''])}`],
    ['not base64 JSON', '/api/counterparties?cursor=%E2%98%83'],
  ])('%s: 400 cursor_invalid', async (_what, url) => {
    const res = await t.get(t.adminCookie, url);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].code).toBe('cursor_invalid');
  });

  it('a real cursor still pages', async () => {
    for (const name of ['Курсор А', 'Курсор Б', 'Курсор В']) await t.post(t.adminCookie, '/api/counterparties', { name });
    const first = (await t.get(t.adminCookie, '/api/counterparties?sort=-createdAt&limit=2&q=курсор')).json();
    expect(first.items.map((c: any) => c.name)).toEqual(['Курсор В', 'Курсор Б']);
    const next = await t.get(t.adminCookie, `/api/counterparties?sort=-createdAt&limit=2&q=курсор&cursor=${first.nextCursor}`);
    expect(next.statusCode).toBe(200);
    expect(next.json().items.map((c: any) => c.name)).toEqual(['Курсор А']);
  });
});

describe('web sites', () => {
  it.each(['java\tscript:alert(1)', 'java\nscript:alert(1)', 'javascript:alert(1)', 'blob:https://x.ru/1', 'file:///etc/passwd'])(
    '%j is refused',
    async (value) => {
      const res = await writesNothing(['counterparties', 'contactInfo'], () =>
        t.post(t.adminCookie, '/api/counterparties', { name: 'Альфа', contactInfo: [{ kind: 'website', value }] }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: 'contactInfo.0.value', code: 'website_invalid' });
    },
  );

  it('http(s) and bare host names are kept', async () => {
    const res = await t.post(t.adminCookie, '/api/counterparties', {
      name: 'Альфа сайты',
      contactInfo: [
        { kind: 'website', value: 'https://alfa.example.ru' },
        { kind: 'website', value: 'www.alfa.ru' },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().contactInfo.map((c: any) => c.value)).toEqual(['https://alfa.example.ru', 'www.alfa.ru']);
  });
});

describe('security headers', () => {
  it('a strict Content-Security-Policy without inline scripts, and the other protective headers', async () => {
    const res = await t.get(t.adminCookie, '/api/me');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    // Plain HTTP here (SECURE_COOKIES is off): no HSTS.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('addresses the router cannot read', () => {
  it('a path parameter that is not UTF-8 gets the API error shape', async () => {
    const res = await t.get(t.adminCookie, '/api/counterparties/%ED%A0%80');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ field: 'url', code: 'invalid_unicode' }] });
  });
});
