import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { parseCsv, readXlsx, textsOf } from './report-files.test-support.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка' })).json();
  const p = (await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: cp.id, lastName: 'Петрова' })).json();
  const base = { kind: 'phoneCall', direction: 'outgoing', state: 'completed', counterpartyId: cp.id };
  await t.post(t.adminCookie, '/api/events', {
    ...base,
    contactPersonId: p.id,
    subject: 'Звонок 1',
    startAt: '2026-11-02T10:00:00Z',
    endAt: '2026-11-02T10:12:00Z',
    outcome: 'success',
    importance: 'high',
  });
  await t.post(t.adminCookie, '/api/events', {
    ...base,
    contactPersonId: p.id,
    subject: 'Звонок 2',
    startAt: '2026-11-03T10:00:00Z',
    endAt: '2026-11-03T10:03:00Z',
    outcome: 'failure',
  });
  const plus = (await t.post(t.adminCookie, '/api/counterparties', { name: '+Плюс' })).json();
  await t.post(t.adminCookie, '/api/events', {
    ...base,
    counterpartyId: plus.id,
    subject: 'Прочее',
    startAt: '2026-10-01T10:00:00Z',
    state: 'cancelled',
  });
  await t.post(t.adminCookie, '/api/events', {
    ...base,
    subject: '=cmd|calc',
    startAt: '2026-11-04T10:00:00Z',
    endAt: '2026-11-04T10:30:00Z',
    kind: 'meeting',
    direction: null,
  });
  // An incoming request from a trade fair, before the other events and without a counterparty.
  const fair = await t.db.selectFrom('infoSources').select('id').where('name', '=', 'Выставка').executeTakeFirstOrThrow();
  await t.post(t.adminCookie, '/api/events', {
    kind: 'phoneCall',
    direction: 'incoming',
    state: 'completed',
    subject: 'Запрос цен',
    startAt: '2026-09-15T07:00:00Z',
    infoSourceId: fair.id,
  });
});
afterEach(async () => t.close());

describe('events report', () => {
  it('groups by counterparty and contact person with totals', async () => {
    const r = (await t.get(t.adminCookie, '/api/reports/events?groupBy=counterparty,contactPerson&details=false&from=2026-11-01')).json();
    expect(r.groupBy).toEqual(['counterparty', 'contactPerson']);
    expect(r.rows.map((x: any) => [x.level, x.grouping, x.label, x.count, x.durationMinutes])).toEqual([
      [0, 'counterparty', 'Ромашка', 3, 45],
      [1, 'contactPerson', 'Петрова', 2, 15],
      // No contact person: no key and no label; the screen and the files say «<не указано>».
      [1, 'contactPerson', null, 1, 30],
    ]);
    const ids = await t.db.selectFrom('counterparties').select(['id', 'name']).execute();
    expect(r.rows[0].key).toBe(ids.find((c) => c.name === 'Ромашка')!.id);
    expect(r.totals).toEqual({ count: 3, durationMinutes: 45 });
  });

  it('filters by kind and period and drills down to the events', async () => {
    const r = (await t.get(t.adminCookie, '/api/reports/events?groupBy=kind&kind=phoneCall&from=2026-11-03&to=2026-11-30')).json();
    expect(r.rows.map((x: any) => [x.type, x.key, x.label])).toEqual([
      ['group', 'phoneCall', null],
      ['event', null, '№2 Звонок 2'],
    ]);
    expect(r.rows[1].eventId).toBeTruthy();
  });

  it('an empty grouping gives a flat list of events', async () => {
    const r = (await t.get(t.adminCookie, '/api/reports/events?groupBy=&from=2026-11-01')).json();
    expect(r.groupBy).toEqual([]);
    expect(r.rows.map((x: any) => x.type)).toEqual(['event', 'event', 'event']);
  });

  it('refuses injected groupings and periods', async () => {
    for (const qs of ['groupBy=counterparty;drop', 'groupBy=passwordHash', 'period=year', 'groupBy=period&period=day%27--']) {
      expect((await t.get(t.adminCookie, `/api/reports/events?${qs}`)).statusCode, qs).toBe(400);
    }
  });

  it('carries the codes of direction, importance, kind and state, whatever the language', async () => {
    const r = (await t.get(t.adminCookie, '/api/reports/events?groupBy=&lang=ru')).json();
    const bySubject = Object.fromEntries(r.rows.map((x: any) => [x.label.replace(/^№\d+ /, ''), x]));
    expect(bySubject['Звонок 1']).toMatchObject({ kind: 'phoneCall', direction: 'outgoing', importance: 'high', state: 'completed' });
    expect(bySubject['Запрос цен']).toMatchObject({ direction: 'incoming', importance: 'normal' });
    expect(bySubject['=cmd|calc']).toMatchObject({ direction: null, kind: 'meeting' });
    expect(bySubject['Прочее']).toMatchObject({ state: 'cancelled' });
    expect(r.rows.every((x: any) => x.type === 'event')).toBe(true);
    const en = (await t.get(t.adminCookie, '/api/reports/events?groupBy=&lang=en')).json();
    expect(en).toEqual(r);
  });

  it('groups by codes and periods: importance, kind, state and month keys, no labels in any language', async () => {
    for (const lang of ['ru', 'en']) {
      const r = (await t.get(t.adminCookie, `/api/reports/events?groupBy=importance,kind,period&details=false&lang=${lang}`)).json();
      expect(r.period).toBe('month');
      expect(r.rows.filter((x: any) => x.level === 0).map((x: any) => [x.key, x.label, x.count])).toEqual([
        ['high', null, 1],
        ['normal', null, 4],
      ]);
      expect(r.rows.filter((x: any) => x.grouping === 'period').map((x: any) => [x.key, x.label])).toContainEqual(['2026-09', null]);
      expect(r.rows.every((x: any) => x.grouping === 'period' || x.level !== 2)).toBe(true);
      const states = (await t.get(t.adminCookie, `/api/reports/events?groupBy=state&details=false&lang=${lang}`)).json();
      expect(states.rows.map((x: any) => [x.key, x.label, x.count])).toEqual([
        ['cancelled', null, 1],
        ['completed', null, 4],
      ]);
    }
  });

  it('groups made by the database equal the groups of the events themselves (no cap), durations rounded alike', async () => {
    const m = await t.userWithCookie('manager', 'Менеджер Иванов');
    // 7.5 minutes rounds to 8, as the journal shows it; an event without an end lasts 0.
    await t.post(m.cookie, '/api/events', {
      kind: 'letter',
      direction: 'outgoing',
      state: 'planned',
      subject: 'Полминуты',
      startAt: '2026-10-31T21:30:00Z',
      endAt: '2026-10-31T21:37:30Z',
      importance: 'low',
    });
    const groups = (rows: any[]) => rows.filter((x) => x.type === 'group');
    for (const groupBy of ['counterparty', 'contactPerson,kind', 'responsible,importance', 'period,state', 'infoSource', 'state,period']) {
      for (const period of ['day', 'week', 'month']) {
        const url = `/api/reports/events?groupBy=${groupBy}&period=${period}`;
        const fromDb = (await t.get(t.adminCookie, `${url}&details=false`)).json();
        const fromEvents = (await t.get(t.adminCookie, `${url}&details=true`)).json();
        expect(fromDb.rows, url).toEqual(groups(fromEvents.rows));
        expect(fromDb.totals, url).toEqual(fromEvents.totals);
      }
    }
    const low = (await t.get(t.adminCookie, '/api/reports/events?groupBy=importance&details=false')).json();
    expect(low.rows.find((x: any) => x.key === 'low')).toMatchObject({ count: 1, durationMinutes: 8 });
    // 21:30 UTC on 31 October is 1 November in Moscow, the administrator's zone.
    const months = (await t.get(t.adminCookie, '/api/reports/events?groupBy=period&details=false&importance=low')).json();
    expect(months.rows.map((x: any) => x.key)).toEqual(['2026-11']);
  });

  it('the files translate the codes: kinds, importance, states and periods in the file language', async () => {
    const en = parseCsv(
      (await t.get(t.adminCookie, '/api/reports/events?groupBy=importance,period&details=false&format=csv&lang=en')).rawPayload,
      ',',
    );
    expect(en.slice(1, 3).map((r) => r.slice(0, 3))).toEqual([
      ['Importance', 'High', '1'],
      ['Period', '  November 2026', '1'],
    ]);
    const ru = parseCsv((await t.get(t.adminCookie, '/api/reports/events?groupBy=state&details=false&format=csv&lang=ru')).rawPayload, ';');
    expect(ru.slice(1, 3).map((r) => r.slice(0, 3))).toEqual([
      ['Состояние', 'Отменено', '1'],
      ['Состояние', 'Завершено', '4'],
    ]);
  });

  it("exports CSV with numbers, dates in the user's zone, direction, importance and neutralised text", async () => {
    const csv = await t.get(t.adminCookie, '/api/reports/events?groupBy=counterparty&format=csv&lang=en');
    expect(csv.headers['content-disposition']).toContain('Events%20report');
    const rows = parseCsv(csv.rawPayload, ',');
    expect(rows[0]).toEqual([
      'Grouping',
      'Value',
      'Count',
      'Duration, min',
      'Date',
      'Counterparty',
      'Contact person',
      'Kind',
      'Direction',
      'Importance',
      'State',
    ]);
    const lines = rows.map((r) => r.join('|'));
    expect(lines).toContain('Counterparty|Ромашка|3|45|||||||');
    // A counterparty named "+Плюс" would be a formula in Excel: neutralised.
    expect(lines).toContain(`Counterparty|'+Плюс|1|0|||||||`);
    // 10:00 UTC is 13:00 in Moscow, the administrator's zone.
    expect(lines).toContain('|  №1 Звонок 1|1|12|2026-11-02 13:00|Ромашка|Петрова|Phone call|Outgoing|High|Completed');
    expect(lines).toContain('|  №4 =cmd|calc|1|30|2026-11-04 13:00|Ромашка||Meeting||Normal|Completed');
    expect(lines.at(-1)).toBe('Total||5|45|||||||');
  });

  it('exports XLSX with number and date cells, bold groups, indented levels and no formulas', async () => {
    const xlsx = await t.get(t.adminCookie, '/api/reports/events?groupBy=counterparty,contactPerson&format=xlsx&lang=ru');
    const [sheet] = await readXlsx(xlsx.rawPayload);
    expect(sheet.name).toBe('Отчет по событиям');
    expect(sheet.rows[0].map((c) => c.value)).toEqual([
      'Группировка',
      'Значение',
      'Количество',
      'Длительность, мин',
      'Дата',
      'Контрагент',
      'Контактное лицо',
      'Вид',
      'Направление',
      'Важность',
      'Состояние',
    ]);
    const row = (label: string) => sheet.rows.find((r) => String(r[1].value).endsWith(label))!;
    const romashka = row('Ромашка');
    expect(romashka[0]).toMatchObject({ value: 'Контрагент', bold: true });
    expect(romashka[2]).toMatchObject({ type: ExcelJS.ValueType.Number, value: 3, bold: true });
    expect(romashka[3]).toMatchObject({ type: ExcelJS.ValueType.Number, value: 45 });
    const call = row('Звонок 1');
    expect(call[1].value).toBe('№1 Звонок 1');
    expect(call[2]).toMatchObject({ type: ExcelJS.ValueType.Number, value: 1 });
    expect(call[3]).toMatchObject({ type: ExcelJS.ValueType.Number, value: 12 });
    expect(call[4]).toMatchObject({ type: ExcelJS.ValueType.Date, value: new Date('2026-11-02T13:00:00Z'), numFmt: 'dd.mm.yyyy hh:mm' });
    expect(call.slice(7).map((c) => c.value)).toEqual(['Телефонный звонок', 'Исходящее', 'Высокая', 'Завершено']);
    const petrova = sheet.rows.findIndex((r) => r[1].value === 'Петрова') + 1;
    expect(sheet.sheet.getCell(`B${petrova}`).alignment).toMatchObject({ indent: 1 });
    expect(
      sheet.rows
        .at(-1)!
        .slice(0, 4)
        .map((c) => c.value),
    ).toEqual(['Итого', null, 5, 45]);
    expect(sheet.rows.flat().filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(row('+Плюс')[1]).toMatchObject({ type: ExcelJS.ValueType.String, value: '+Плюс' });
    expect(textsOf([sheet]).filter((v) => v.startsWith("'"))).toEqual([]);
    expect(sheet.sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  });

  it('cold calls: success rate per responsible and month', async () => {
    const r = (await t.get(t.adminCookie, '/api/reports/cold-calls?period=month')).json();
    expect(r.calls).toEqual([expect.objectContaining({ period: '2026-11', calls: 2, successes: 1, failures: 1, successRate: 0.5 })]);
    expect(r.sources).toEqual([expect.objectContaining({ name: 'Выставка', requests: 1 })]);
  });

  it('cold calls export to XLSX: a sheet of calls and a sheet of sources, typed cells and totals', async () => {
    const res = await t.get(t.adminCookie, '/api/reports/cold-calls?period=month&format=xlsx&lang=ru');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('Статистика холодных звонков'));
    const [calls, sources] = await readXlsx(res.rawPayload);
    expect(calls.name).toBe('Исходящие звонки');
    expect(calls.rows[0].map((c) => c.value)).toEqual([
      'Ответственный',
      'Период',
      'Звонков',
      'Успешно',
      'Неуспешно',
      'Без результата',
      'Доля успешных',
    ]);
    const [row, total] = calls.rows.slice(1);
    expect(row[0]).toMatchObject({ type: ExcelJS.ValueType.String, value: 'Анна Админова' });
    expect(row[1]).toMatchObject({ type: ExcelJS.ValueType.Date, value: new Date('2026-11-01T00:00:00Z'), numFmt: '[$-419]mmmm yyyy' });
    expect(row.slice(2, 6).map((c) => [c.type, c.value])).toEqual([
      [ExcelJS.ValueType.Number, 2],
      [ExcelJS.ValueType.Number, 1],
      [ExcelJS.ValueType.Number, 1],
      [ExcelJS.ValueType.Number, 0],
    ]);
    expect(row[6]).toMatchObject({ type: ExcelJS.ValueType.Number, value: 0.5, numFmt: '0.0%' });
    expect(total.map((c) => c.value)).toEqual(['Итого', null, 2, 1, 1, 0, 0.5]);
    expect(total[0].bold).toBe(true);
    expect(sources.name).toBe('Обращения по источникам');
    expect(sources.rows.slice(1).map((r) => r.map((c) => c.value))).toEqual([
      ['Выставка', 1, 1],
      ['Итого', 1, 1],
    ]);
    expect(sources.sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });
  });

  it("cold calls export to CSV: both tables under their titles, in the file's language", async () => {
    const res = await t.get(t.adminCookie, '/api/reports/cold-calls?period=week&format=csv&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(parseCsv(res.rawPayload, ',')).toEqual([
      ['Outgoing calls'],
      ['Responsible', 'Period', 'Calls', 'Successes', 'Failures', 'No outcome', 'Success rate'],
      ['Анна Админова', '2026-11-02', '2', '1', '1', '0', '50%'],
      ['Total', '', '2', '1', '1', '0', '50%'],
      [''],
      ['Requests by source'],
      ['Information source', 'Requests', 'Share'],
      ['Выставка', '1', '100%'],
      ['Total', '1', '100%'],
    ]);
  });

  it('cold calls export holds only what the user may see', async () => {
    const m = await t.userWithCookie('manager', 'Менеджер Иванов');
    const own = (await t.post(m.cookie, '/api/counterparties', { name: 'Свой клиент' })).json();
    await t.post(m.cookie, '/api/events', {
      kind: 'phoneCall',
      direction: 'outgoing',
      state: 'completed',
      outcome: 'success',
      counterpartyId: own.id,
      subject: 'Свой звонок',
      startAt: '2026-11-05T10:00:00Z',
    });
    expect((await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false })).statusCode).toBe(200);
    const mine = parseCsv((await t.get(m.cookie, '/api/reports/cold-calls?format=csv&lang=ru')).rawPayload, ';');
    expect(mine.filter((r) => r.length === 7).map((r) => r[0])).toEqual(['Ответственный', 'Менеджер Иванов', 'Итого']);
    const all = parseCsv((await t.get(t.adminCookie, '/api/reports/cold-calls?format=csv&lang=ru')).rawPayload, ';');
    expect(all.filter((r) => r.length === 7).map((r) => r[0])).toEqual(['Ответственный', 'Анна Админова', 'Менеджер Иванов', 'Итого']);
  });
});
