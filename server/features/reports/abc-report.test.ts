// «АВС-анализ покупателей», its exports and the class movement on both databases; managers see only
// the customers they may see, in the document's lines, the report and the files.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { classification, counterparty, sale } from '../abc/abc.test-support.js';
import { parseCsv, readXlsx } from './report-files.test-support.js';

let t: TestApp;
let manager: { id: string; cookie: string };
let ids: Record<string, string>;

const fillAndApply = async (id: string) => {
  expect((await t.post(t.adminCookie, `/api/abc-classifications/${id}/fill`)).statusCode).toBe(200);
  expect((await t.post(t.adminCookie, `/api/abc-classifications/${id}/apply`)).statusCode).toBe(200);
};

beforeEach(async () => {
  t = await makeTestApp();
  manager = await t.userWithCookie('manager', 'Менеджер Петров');
  ids = {
    alfa: await counterparty(t, 'Альфа'),
    beta: await counterparty(t, 'Бета', { responsibleUserId: manager.id }),
    gamma: await counterparty(t, 'Гамма', { responsibleUserId: manager.id }),
    delta: await counterparty(t, '=Дельта'),
  };
  // Альфа 500 steady (X), Бета 300 in one month (Z), Гамма 100 steady, =Дельта 100 in one month.
  for (const m of ['01', '02', '03']) {
    await sale(t, ids.alfa, `2026-${m}-10`, 16667, 0);
    await sale(t, ids.gamma, `2026-${m}-10`, 3333, 0);
  }
  await sale(t, ids.alfa, '2026-03-11', -1, 0);
  await sale(t, ids.beta, '2026-02-01', 300_00);
  await sale(t, ids.delta, '2026-03-01', 100_04);
});
afterEach(async () => t.close());

describe('ABC report', () => {
  it('404 with a clear code before anything is applied', async () => {
    const res = await t.get(t.adminCookie, '/api/reports/abc');
    expect([res.statusCode, res.json().error.details[0].code]).toEqual([404, 'abc_none_applied']);
    expect((await t.get(t.adminCookie, '/api/reports/abc-movement')).json().error.details[0].code).toBe('abc_two_needed');
  });

  it('per class, ABC × XYZ and customers of the latest applied; filters; codes, not labels', async () => {
    const doc = await classification(t, { date: '2026-04-01' });
    await fillAndApply(doc.id);
    const r = (await t.get(t.adminCookie, '/api/reports/abc')).json();
    expect(r.classification).toMatchObject({ id: doc.id, number: 1, basis: 'revenue', state: 'applied', total: '1000.03' });
    expect(r.customers.map((c: any) => [c.name, c.amount, c.share, c.cumulativeShare, c.abcClass, c.xyzClass, c.variation])).toEqual([
      ['Альфа', '500.00', '50.00', '50.00', 'A', 'X', '0.00'],
      ['Бета', '300.00', '30.00', '80.00', 'A', 'Z', '141.42'],
      ['=Дельта', '100.04', '10.00', '90.00', 'B', 'Z', '141.42'],
      ['Гамма', '99.99', '10.00', '100.00', 'C', 'X', '0.00'],
    ]);
    expect(r.classes).toEqual([
      { class: 'A', count: 2, amount: '800.00', share: '80.00' },
      { class: 'B', count: 1, amount: '100.04', share: '10.00' },
      { class: 'C', count: 1, amount: '99.99', share: '10.00' },
    ]);
    expect(r.matrix.filter((c: any) => c.count > 0)).toEqual([
      { abcClass: 'A', xyzClass: 'X', count: 1, amount: '500.00' },
      { abcClass: 'A', xyzClass: 'Z', count: 1, amount: '300.00' },
      { abcClass: 'B', xyzClass: 'Z', count: 1, amount: '100.04' },
      { abcClass: 'C', xyzClass: 'X', count: 1, amount: '99.99' },
    ]);
    expect(r.matrix).toHaveLength(12);
    expect(r.totals).toEqual({ count: 4, amount: '1000.03' });
    const onlyA = (await t.get(t.adminCookie, `/api/reports/abc?classificationId=${doc.id}&abcClass=A`)).json();
    expect(onlyA.customers.map((c: any) => c.name)).toEqual(['Альфа', 'Бета']);
    const mine = (await t.get(t.adminCookie, `/api/reports/abc?responsibleUserId=${manager.id}`)).json();
    expect(mine.customers.map((c: any) => c.name)).toEqual(['Бета', 'Гамма']);
  });

  it('a limited manager sees only their customers in the document, its lines, the report and the exports', async () => {
    const doc = await classification(t, {});
    await fillAndApply(doc.id);
    expect((await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false })).statusCode).toBe(200);
    const card = (await t.get(manager.cookie, `/api/abc-classifications/${doc.id}`)).json();
    expect(card.lines.map((l: any) => [l.counterpartyName, l.abcClass, l.position])).toEqual([
      ['Бета', 'A', 2],
      ['Гамма', 'C', 4],
    ]);
    const page = (await t.get(manager.cookie, `/api/abc-classifications/${doc.id}/lines?limit=1`)).json();
    expect(page.items.map((l: any) => l.counterpartyName)).toEqual(['Бета']);
    const next = (await t.get(manager.cookie, `/api/abc-classifications/${doc.id}/lines?limit=1&cursor=${page.nextCursor}`)).json();
    expect([next.items.map((l: any) => l.counterpartyName), next.nextCursor]).toEqual([['Гамма'], null]);
    const report = (await t.get(manager.cookie, '/api/reports/abc')).json();
    expect(report.customers.map((c: any) => c.name)).toEqual(['Бета', 'Гамма']);
    expect(report.totals.count).toBe(2);
    const csv = await t.get(manager.cookie, '/api/reports/abc?format=csv&lang=ru');
    expect(csv.body).not.toContain('Альфа');
    expect(parseCsv(csv.rawPayload, ';').map((r) => r[1])).toEqual(['Покупатель', 'Бета', 'Гамма', 'Итого']);
    const hidden = await t.get(manager.cookie, `/api/counterparties/${ids.alfa}/abc-history`);
    expect(hidden.statusCode).toBe(404);
    expect((await t.get(manager.cookie, `/api/counterparties/${ids.beta}/abc-history`)).json().items).toHaveLength(1);
    // The paged lines of the administrator: all four, filtered by class and name.
    const admin = (await t.get(t.adminCookie, `/api/abc-classifications/${doc.id}/lines?abcClass=A&q=бет`)).json();
    expect(admin.items.map((l: any) => l.counterpartyName)).toEqual(['Бета']);
    expect((await t.get(t.adminCookie, `/api/abc-classifications/${doc.id}/lines?cursor=zzz`)).statusCode).toBe(400);
  });

  it('exports XLSX with number cells and CSV with a neutralised formula', async () => {
    const doc = await classification(t, {});
    await fillAndApply(doc.id);
    const x = await t.get(t.adminCookie, '/api/reports/abc?format=xlsx&lang=ru');
    expect(x.statusCode).toBe(200);
    const [sheet] = await readXlsx(x.rawPayload);
    expect(sheet.rows[0].map((c) => c.value)).toContain('Класс ABC');
    const first = sheet.rows[1];
    expect(first.map((c) => c.value)).toEqual([1, 'Альфа', 'Анна Админова', 500, 0.5, 0.5, 'A', 'X', 0]);
    expect(first[3].type).toBe(ExcelJS.ValueType.Number);
    expect(first[4].type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.rows[3][1].value).toBe('=Дельта');
    expect(sheet.rows[3][1].type).toBe(ExcelJS.ValueType.String);
    expect(sheet.rows[5].map((c) => c.value).slice(1, 4)).toEqual(['Итого', null, 1000.03]);
    const csv = parseCsv((await t.get(t.adminCookie, '/api/reports/abc?format=csv&lang=en')).rawPayload, ',');
    expect(csv[3][1]).toBe("'=Дельта");
    expect(csv[1].slice(0, 4)).toEqual(['1', 'Альфа', 'Анна Админова', '500.00']);
  });
});

describe('class movement', () => {
  it('the 4×4 matrix and the customers who moved down between the two latest applied', async () => {
    const first = await classification(t, { date: '2026-04-01' });
    await fillAndApply(first.id);
    // Next quarter: Гамма overtakes everybody; Альфа drops out of the candidates (no longer a customer, no sales).
    await t.patch(t.adminCookie, `/api/counterparties/${ids.alfa}`, { isCustomer: false });
    await sale(t, ids.gamma, '2026-05-01', 1000_00);
    await sale(t, ids.beta, '2026-05-01', 100_00);
    const fresh = await counterparty(t, 'Новичок');
    await sale(t, fresh, '2026-05-02', 50_00);
    const second = await classification(t, { date: '2026-07-01', periodFrom: '2026-04-01', periodTo: '2026-06-30' });
    await fillAndApply(second.id);
    const m = (await t.get(t.adminCookie, '/api/reports/abc-movement')).json();
    expect([m.from.id, m.to.id]).toEqual([first.id, second.id]);
    expect(m.matrix).toHaveLength(15);
    expect(m.matrix.filter((c: any) => c.count > 0)).toEqual([
      { fromClass: 'A', toClass: 'B', count: 1 },
      { fromClass: 'A', toClass: 'none', count: 1 },
      { fromClass: 'B', toClass: 'C', count: 1 },
      { fromClass: 'C', toClass: 'A', count: 1 },
      { fromClass: 'none', toClass: 'C', count: 1 },
    ]);
    expect(m.movedDown.map((c: any) => [c.name, c.fromClass, c.toClass, c.fromAmount, c.toAmount])).toEqual([
      ['=Дельта', 'B', 'C', '100.04', '0.00'],
      ['Бета', 'A', 'B', '300.00', '100.00'],
    ]);
    const explicit = (await t.get(t.adminCookie, `/api/reports/abc-movement?from=${first.id}&to=${second.id}`)).json();
    expect(explicit.matrix).toEqual(m.matrix);
    // The fall from A made the manager a task.
    const tasks = await t.db.selectFrom('tasks').select(['title', 'assigneeId']).execute();
    expect(tasks).toEqual([{ title: 'Покупатель перешел из класса A в B: Бета', assigneeId: manager.id }]);
  });
});
