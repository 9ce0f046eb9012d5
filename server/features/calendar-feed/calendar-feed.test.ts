import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
});
afterEach(async () => t.close());

const pathOf = (url: string) => new URL(url).pathname;
const feed = (url: string) => t.get(null, pathOf(url));

/** The VEVENT blocks of an iCalendar text, unfolded, as maps of property name -> values. */
function vevents(ics: string) {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: { props: Record<string, string[]>; alarms: string[] }[] = [];
  let cur: (typeof out)[number] | null = null;
  let inAlarm = false;
  for (const l of lines) {
    if (l === 'BEGIN:VEVENT') cur = { props: {}, alarms: [] };
    else if (l === 'END:VEVENT') {
      out.push(cur!);
      cur = null;
    } else if (l === 'BEGIN:VALARM') inAlarm = true;
    else if (l === 'END:VALARM') inAlarm = false;
    else if (cur) {
      const [head, ...rest] = l.split(':');
      const name = head.split(';')[0];
      if (inAlarm) {
        if (name === 'TRIGGER') cur.alarms.push(l);
      } else (cur.props[name] ??= []).push(rest.join(':'));
    }
  }
  return out;
}

describe('calendar feed', () => {
  it('serves open tasks and planned events with alarms, without a cookie', async () => {
    await t.post(t.adminCookie, '/api/tasks', {
      title: 'Позвонить в Ромашку',
      dueAt: '2026-11-28T10:00:00Z',
      remindAt: '2026-11-28T09:45:00Z',
    });
    const done = (await t.post(t.adminCookie, '/api/tasks', { title: 'Сделано', dueAt: '2026-11-28T10:00:00Z' })).json();
    await t.post(t.adminCookie, `/api/tasks/${done.id}/complete`);
    const ev = await t.post(t.adminCookie, '/api/events', {
      kind: 'meeting',
      subject: 'Встреча с Лилией',
      startAt: '2026-11-30T12:00:00Z',
      endAt: '2026-11-30T13:30:00Z',
      state: 'planned',
      reminder: { remindAt: '2026-11-30T11:00:00Z' },
    });
    expect(ev.statusCode).toBe(201);
    await t.post(t.adminCookie, '/api/events', {
      kind: 'phoneCall',
      subject: 'Был звонок',
      startAt: '2026-11-26T12:00:00Z',
      state: 'completed',
    });

    const created = await t.post(t.adminCookie, '/api/me/calendar-feed');
    expect(created.statusCode).toBe(201);
    const { url } = created.json();
    expect(url).toMatch(/^http:\/\/localhost(:\d+)?\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await t.db.selectFrom('calendarFeeds').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(url).not.toContain(stored[0].secretHash);

    const res = await feed(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const items = vevents(res.body);
    expect(items.map((e) => e.props.SUMMARY[0]).sort()).toEqual(['Встреча с Лилией', 'Позвонить в Ромашку']);
    const task = items.find((e) => e.props.SUMMARY[0] === 'Позвонить в Ромашку')!;
    expect(task.props.DTSTART).toEqual(['20261128T100000Z']);
    expect(task.alarms).toEqual(['TRIGGER;VALUE=DATE-TIME:20261128T094500Z']);
    const meeting = items.find((e) => e.props.SUMMARY[0] === 'Встреча с Лилией')!;
    expect(meeting.props.DTSTART).toEqual(['20261130T120000Z']);
    expect(meeting.props.DTEND).toEqual(['20261130T133000Z']);
    expect(meeting.alarms).toEqual(['TRIGGER;VALUE=DATE-TIME:20261130T110000Z']);
  });

  it('a new URL replaces the old one; revoking makes it 404', async () => {
    const first = (await t.post(t.adminCookie, '/api/me/calendar-feed')).json().url;
    const second = (await t.post(t.adminCookie, '/api/me/calendar-feed')).json().url;
    expect(second).not.toBe(first);
    expect((await feed(first)).statusCode).toBe(404);
    expect((await feed(second)).statusCode).toBe(200);
    const del = await t.request(t.adminCookie, { method: 'DELETE', url: '/api/me/calendar-feed', payload: {} });
    expect(del.statusCode).toBe(200);
    expect((await feed(second)).statusCode).toBe(404);
    expect(await t.db.selectFrom('calendarFeeds').selectAll().execute()).toEqual([]);
    expect((await t.request(t.adminCookie, { method: 'DELETE', url: '/api/me/calendar-feed' })).statusCode).toBe(404);
  });

  it("shows only the owner's items, and a blocked user's feed stops", async () => {
    const m = await t.userWithCookie('manager', 'Менеджер');
    await t.post(t.adminCookie, '/api/tasks', { title: 'Задача админа', dueAt: '2026-11-28T10:00:00Z' });
    await t.post(m.cookie, '/api/tasks', { title: 'Задача менеджера', dueAt: '2026-11-28T11:00:00Z' });
    const url = (await t.post(m.cookie, '/api/me/calendar-feed')).json().url;
    expect(vevents((await feed(url)).body).map((e) => e.props.SUMMARY[0])).toEqual(['Задача менеджера']);
    await t.db.updateTable('users').set({ blockedAt: '2026-11-27T09:00:00Z' }).where('id', '=', m.id).execute();
    expect((await feed(url)).statusCode).toBe(404);
  });

  it('needs a session to create or revoke, and refuses malformed secrets', async () => {
    expect((await t.post(null, '/api/me/calendar-feed')).statusCode).toBe(401);
    expect((await t.get(null, '/api/calendar/short.ics')).statusCode).toBe(400);
    expect((await t.get(null, `/api/calendar/${'a'.repeat(43)}.ics`)).statusCode).toBe(404);
  });
});
