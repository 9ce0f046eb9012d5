// Security cases for reports, exports and birthdays: with visibility limited, manager A's reports,
// CSV and XLSX files count and name only A's records; the administrator's show everybody's.
// Lists, cards and tasks are in access.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let a: { id: string; cookie: string };
let b: { id: string; cookie: string };
const ids: Record<string, string> = {};

/** Everything A must not see has "Бета" in its name or subject, or B's phone or e-mail. */
const HIDDEN = /Бета|222-22-22|beta\.example/;
const A_EVENTS = ['Альфа звонок', 'Альфа заявка', 'Альфа личное', 'Альфа поручено'];
const B_EVENTS = ['Бета звонок', 'Бета заявка', 'Бета личное', 'Бета поручено А'];

// Each manager has a counterparty, its contact person and an individual (with contact information
// and birthdays in the coming days) and events; made while visibility is open, then limited.
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  a = await t.userWithCookie('manager', 'Менеджер А');
  b = await t.userWithCookie('manager', 'Менеджер Б');
  const make = async (who: { cookie: string }, url: string, body: Record<string, unknown>) => {
    const res = await t.post(who.cookie, url, body);
    expect(res.statusCode, res.body).toBe(201);
    ids[String(body.name ?? body.lastName ?? body.subject)] = res.json().id;
  };
  await make(a, '/api/counterparties', {
    name: 'Альфа',
    contactInfo: [
      { kind: 'phone', value: '+7 495 111-11-11' },
      { kind: 'email', value: 'office@alfa.example' },
    ],
  });
  await make(b, '/api/counterparties', {
    name: 'Бета',
    contactInfo: [
      { kind: 'phone', value: '+7 495 222-22-22' },
      { kind: 'email', value: 'office@beta.example' },
    ],
  });
  await make(a, '/api/contact-persons', {
    counterpartyId: ids['Альфа'],
    lastName: 'Альфин',
    birthday: '1980-12-01',
    contactInfo: [{ kind: 'email', value: 'alfin@alfa.example' }],
  });
  await make(b, '/api/contact-persons', {
    counterpartyId: ids['Бета'],
    lastName: 'Бетанов',
    birthday: '1980-12-01',
    contactInfo: [{ kind: 'email', value: 'betanov@beta.example' }],
  });
  await make(a, '/api/contact-persons', {
    lastName: 'Альфаева',
    birthday: '1990-12-02',
    contactInfo: [{ kind: 'phone', value: '+7 916 111-00-01' }],
  });
  await make(b, '/api/contact-persons', {
    lastName: 'Бетаева',
    birthday: '1990-12-03',
    contactInfo: [{ kind: 'phone', value: '+7 916 222-22-22' }],
  });
  await make({ cookie: t.adminCookie }, '/api/info-sources', { name: 'Реклама' });
  await make({ cookie: t.adminCookie }, '/api/info-sources', { name: 'Сайт' });

  const call = { kind: 'phoneCall', direction: 'outgoing', state: 'completed', startAt: '2026-11-20T10:00:00Z' };
  const meeting = { kind: 'meeting', startAt: '2026-11-21T10:00:00Z' };
  const request = { kind: 'phoneCall', direction: 'incoming', startAt: '2026-11-22T10:00:00Z' };
  await make(a, '/api/events', {
    ...call,
    subject: 'Альфа звонок',
    counterpartyId: ids['Альфа'],
    contactPersonId: ids['Альфин'],
    outcome: 'success',
    endAt: '2026-11-20T10:10:00Z',
  });
  await make(a, '/api/events', { ...request, subject: 'Альфа заявка', counterpartyId: ids['Альфа'], infoSourceId: ids['Реклама'] });
  await make(a, '/api/events', { ...meeting, subject: 'Альфа личное' });
  // Handed to A with B's individual as its contact person: counted for A, the person never named.
  await make(b, '/api/events', { ...meeting, subject: 'Альфа поручено', responsibleUserId: a.id, contactPersonId: ids['Бетаева'] });
  await make(b, '/api/events', {
    ...call,
    subject: 'Бета звонок',
    counterpartyId: ids['Бета'],
    contactPersonId: ids['Бетанов'],
    outcome: 'failure',
    endAt: '2026-11-20T10:20:00Z',
  });
  await make(b, '/api/events', { ...request, subject: 'Бета заявка', counterpartyId: ids['Бета'], infoSourceId: ids['Сайт'] });
  await make(b, '/api/events', { ...meeting, subject: 'Бета личное' });
  // A is responsible for it, yet it is on B's counterparty: hidden from A, and not in A's statistics.
  await make(a, '/api/events', { ...call, subject: 'Бета поручено А', counterpartyId: ids['Бета'], outcome: 'success' });
  expect((await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false })).statusCode).toBe(200);
});
afterEach(async () => t.close());

/** GET as A (asserting no hidden record is named) or as the admin. */
async function getOk(cookie: string, url: string) {
  const res = await t.get(cookie, url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  if (cookie === a.cookie && !url.includes('format=xlsx')) expect(res.body, url).not.toMatch(HIDDEN);
  return res;
}

/** Every cell of the first sheet of an XLSX answer, as text. */
async function xlsxCells(cookie: string, url: string): Promise<string[]> {
  const res = await getOk(cookie, url);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
  return cells;
}

const sorted = (xs: string[]) => [...xs].sort();
const subjectsOf = (rows: any[]) =>
  rows
    .filter((r) => r.type === 'event')
    .map((r) => r.label.replace(/^№\d+ /, ''))
    .sort();

describe('events report', () => {
  it.each(['counterparty', 'contactPerson,responsible', 'period,kind', 'state'])('on screen, grouped by %s', async (groupBy) => {
    const mine = (await getOk(a.cookie, `/api/reports/events?groupBy=${groupBy}`)).json();
    expect(subjectsOf(mine.rows)).toEqual(sorted(A_EVENTS));
    expect(mine.totals).toEqual({ count: 4, durationMinutes: 10 });
    const all = (await getOk(t.adminCookie, `/api/reports/events?groupBy=${groupBy}`)).json();
    expect(subjectsOf(all.rows)).toEqual(sorted([...A_EVENTS, ...B_EVENTS]));
    expect(all.totals).toEqual({ count: 8, durationMinutes: 30 });
  });

  it('filters on hidden records give A nothing', async () => {
    for (const qs of [
      `counterpartyId=${ids['Бета']}`,
      `contactPersonId=${ids['Бетанов']}`,
      `responsibleUserId=${b.id}`,
      `infoSourceId=${ids['Сайт']}`,
    ]) {
      const r = (await getOk(a.cookie, `/api/reports/events?${qs}`)).json();
      expect(r.totals.count, qs).toBe(0);
      expect((await getOk(t.adminCookie, `/api/reports/events?${qs}`)).json().totals.count, qs).toBeGreaterThan(0);
    }
  });

  it('CSV and XLSX exports hold only visible events', async () => {
    const url = '/api/reports/events?groupBy=counterparty,contactPerson&lang=ru';
    const csv = (await getOk(a.cookie, `${url}&format=csv`)).body;
    for (const s of A_EVENTS) expect(csv).toContain(s);
    expect(csv).toContain('Итого;;4;10');
    const adminCsv = (await getOk(t.adminCookie, `${url}&format=csv`)).body;
    for (const s of [...B_EVENTS, 'Бетанов', 'Бетаева']) expect(adminCsv).toContain(s);

    const cells = (await xlsxCells(a.cookie, `${url}&format=xlsx`)).join('\n');
    expect(cells).not.toMatch(HIDDEN);
    for (const s of A_EVENTS) expect(cells).toContain(s);
    const adminCells = (await xlsxCells(t.adminCookie, `${url}&format=xlsx`)).join('\n');
    for (const s of B_EVENTS) expect(adminCells).toContain(s);
  });
});

describe('cold calls', () => {
  it('count only visible calls and requests', async () => {
    const mine = (await getOk(a.cookie, '/api/reports/cold-calls')).json();
    expect(mine.calls.map((c: any) => [c.responsibleUserId, c.calls, c.successes, c.failures])).toEqual([[a.id, 1, 1, 0]]);
    expect(mine.sources.map((s: any) => [s.name, s.requests])).toEqual([['Реклама', 1]]);
    const all = (await getOk(t.adminCookie, '/api/reports/cold-calls')).json();
    expect(all.calls.map((c: any) => [c.responsibleUserId, c.calls, c.successes, c.failures])).toEqual([
      [a.id, 2, 2, 0],
      [b.id, 1, 0, 1],
    ]);
    expect(all.sources.map((s: any) => [s.name, s.requests]).sort()).toEqual([
      ['Реклама', 1],
      ['Сайт', 1],
    ]);
  });
});

describe('contact information report', () => {
  const OBJECTS = 'objects=counterparties,contactPersons,individuals&kinds=phone,email';
  it.each([
    ['every object', OBJECTS, ['Альфа', 'Альфаева', 'Альфин'], ['Альфа', 'Альфаева', 'Альфин', 'Бета', 'Бетаева', 'Бетанов']],
    ['counterparties', 'objects=counterparties', ['Альфа'], ['Альфа', 'Бета']],
    ['contact persons', 'objects=contactPersons', ['Альфин'], ['Альфин', 'Бетанов']],
    ['individuals', 'objects=individuals', ['Альфаева'], ['Альфаева', 'Бетаева']],
    ['search', `q=${encodeURIComponent('бет')}`, [], ['Бета', 'Бетаева', 'Бетанов']],
    ['a hidden counterparty', 'counterpartyId=THEIRS', [], ['Бета', 'Бетанов']],
    ['B responsible', 'responsibleUserId=B', [], ['Бета', 'Бетанов']],
    ['only with a phone', 'kinds=phone&onlyWithContactInfo=true', ['Альфа', 'Альфаева'], ['Альфа', 'Альфаева', 'Бета', 'Бетаева']],
  ])('on screen: %s', async (_, query, forA, forAdmin) => {
    const url = `/api/reports/contact-info?${query.replace('THEIRS', ids['Бета']).replace('=B', `=${b.id}`)}`;
    const mine = (await getOk(a.cookie, url)).json();
    expect(mine.rows.map((r: any) => r.name).sort()).toEqual(forA);
    expect(mine.total).toBe(forA.length);
    expect(
      (await getOk(t.adminCookie, url))
        .json()
        .rows.map((r: any) => r.name)
        .sort(),
    ).toEqual(forAdmin);
  });

  it.each(['csv', 'xlsx'])('%s export of every object kind holds only visible ones', async (format) => {
    const cases: [string, string[], string[]][] = [
      ['counterparties', ['Альфа', '+7 495 111-11-11', 'office@alfa.example'], ['Бета', '+7 495 222-22-22']],
      ['contactPersons', ['Альфин', 'alfin@alfa.example'], ['Бетанов', 'betanov@beta.example']],
      ['individuals', ['Альфаева', '+7 916 111-00-01'], ['Бетаева', '+7 916 222-22-22']],
    ];
    for (const [objects, visible, hidden] of cases) {
      const url = `/api/reports/contact-info?objects=${objects}&kinds=phone,email&lang=ru&format=${format}`;
      const read = async (cookie: string) =>
        format === 'csv' ? (await getOk(cookie, url)).body : (await xlsxCells(cookie, url)).join('\n');
      const mine = await read(a.cookie);
      expect(mine, objects).not.toMatch(HIDDEN);
      for (const v of visible) expect(mine, objects).toContain(v);
      const all = await read(t.adminCookie);
      for (const v of [...visible, ...hidden]) expect(all, objects).toContain(v);
    }
  });
});

describe('upcoming birthdays', () => {
  it.each([30, 366])('within %i days: own persons and individuals only', async (days) => {
    const names = async (cookie: string) =>
      (await getOk(cookie, `/api/birthdays/upcoming?days=${days}`)).json().items.map((i: any) => i.name);
    expect(await names(a.cookie)).toEqual(['Альфин', 'Альфаева']);
    expect(await names(t.adminCookie)).toEqual(['Альфин', 'Бетанов', 'Альфаева', 'Бетаева']);
  });
});

describe('birthday reminders job', () => {
  it('a limited manager as the scheduled-jobs user is reminded only of persons they may see', async () => {
    for (const name of ['Альфин', 'Бетанов', 'Альфаева', 'Бетаева']) {
      expect((await t.patch(t.adminCookie, `/api/contact-persons/${ids[name]}`, { birthdayReminderDays: 7 })).statusCode).toBe(200);
    }
    const runFor = async (userId: string) => {
      expect(
        (await t.patch(t.adminCookie, '/api/settings', { scheduledJobsUserId: userId, birthdayRemindResponsible: false })).statusCode,
      ).toBe(200);
      expect((await t.post(t.adminCookie, '/api/scheduler/jobs/birthdays/run')).statusCode).toBe(200);
      const rows = await t.db
        .selectFrom('tasks')
        .select(['subjectId', 'title'])
        .where('assigneeId', '=', userId)
        .where('source', '=', 'birthday')
        .execute();
      return { subjects: rows.map((r) => r.subjectId).sort(), titles: rows.map((r) => r.title).join('\n') };
    };
    const forA = await runFor(a.id);
    expect(forA.subjects).toEqual(sorted([ids['Альфин'], ids['Альфаева']]));
    expect(forA.titles).not.toMatch(HIDDEN);
    expect((await getOk(a.cookie, '/api/tasks')).json().items).toHaveLength(2);
    expect((await runFor(t.adminId)).subjects).toEqual(sorted([ids['Альфин'], ids['Альфаева'], ids['Бетанов'], ids['Бетаева']]));
  });
});
