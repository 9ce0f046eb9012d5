// «ABC-классификация покупателей» through the API on both databases: hand-computed classes on the
// boundary cases, fill, apply, cancel, previous classes, the A→B task, validation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { classOf, classification, counterparty, lineRows, sale } from './abc.test-support.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

const fill = (id: string, cookie = t.adminCookie) => t.post(cookie, `/api/abc-classifications/${id}/fill`);
const apply = (id: string, cookie = t.adminCookie) => t.post(cookie, `/api/abc-classifications/${id}/apply`);
const cancel = (id: string, cookie = t.adminCookie) => t.post(cookie, `/api/abc-classifications/${id}/cancel`);
const count = async (table: 'abcClassifications' | 'abcClassificationLines' | 'tasks') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('fill', () => {
  it('ranks by revenue over the period, both ends included: 500, 300, 100, 100 at 70/20/10 are A, A, B, C', async () => {
    const alfa = await counterparty(t, 'Альфа');
    const beta = await counterparty(t, 'Бета');
    const gamma = await counterparty(t, 'Гамма');
    const delta = await counterparty(t, 'Дельта');
    await counterparty(t, 'Простой покупатель');
    await counterparty(t, 'Поставщик без продаж', { isCustomer: false, isSupplier: true });
    const supplier = await counterparty(t, 'Поставщик с продажами', { isCustomer: false, isSupplier: true });
    const archived = await counterparty(t, 'В архиве');
    await t.post(t.adminCookie, `/api/counterparties/${archived}/archive`, { archived: true });
    await sale(t, alfa, '2026-01-01', 300_00); // the first day of the period
    await sale(t, alfa, '2026-03-31', 200_00); // the last day
    await sale(t, alfa, '2025-12-31', 9999_00); // a day before: not counted
    await sale(t, alfa, '2026-04-01', 9999_00); // a day after
    await sale(t, beta, '2026-02-10', 300_00);
    await sale(t, delta, '2026-02-11', 100_00); // ties with Гамма: by name, Гамма first
    await sale(t, gamma, '2026-02-12', 100_00);
    await sale(t, supplier, '2026-02-12', 0);
    const doc = await classification(t, { date: '2026-04-02' });
    expect(doc).toMatchObject({ state: 'draft', basis: 'revenue', classAPercent: 70, classBPercent: 20, classCPercent: 10, lines: [] });
    const res = await fill(doc.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(await lineRows(t, doc.id)).toEqual([
      {
        name: 'Альфа',
        position: 1,
        amount: 500_00,
        cumulativeAmount: 500_00,
        abcClass: 'A',
        previousClass: null,
        xyzClass: 'Z',
        variation: 7483,
      },
      {
        name: 'Бета',
        position: 2,
        amount: 300_00,
        cumulativeAmount: 800_00,
        abcClass: 'A',
        previousClass: null,
        xyzClass: 'Z',
        variation: 14142,
      },
      {
        name: 'Гамма',
        position: 3,
        amount: 100_00,
        cumulativeAmount: 900_00,
        abcClass: 'B',
        previousClass: null,
        xyzClass: 'Z',
        variation: 14142,
      },
      {
        name: 'Дельта',
        position: 4,
        amount: 100_00,
        cumulativeAmount: 1000_00,
        abcClass: 'C',
        previousClass: null,
        xyzClass: 'Z',
        variation: 14142,
      },
      {
        name: 'Поставщик с продажами',
        position: 5,
        amount: 0,
        cumulativeAmount: 1000_00,
        abcClass: 'C',
        previousClass: null,
        xyzClass: 'Z',
        variation: null,
      },
      {
        name: 'Простой покупатель',
        position: 6,
        amount: 0,
        cumulativeAmount: 1000_00,
        abcClass: 'C',
        previousClass: null,
        xyzClass: null,
        variation: null,
      },
    ]);
    const body = res.json();
    expect(body).toMatchObject({ total: '1000.00', customerCount: 6, linesTruncated: false, filledAt: '2026-11-27T09:00:00.000Z' });
    expect(body.lines[0]).toMatchObject({
      counterpartyName: 'Альфа',
      amount: '500.00',
      share: '50.00',
      cumulativeShare: '50.00',
      variation: '74.83',
    });
    expect(body.lines.map((l: any) => [l.share, l.cumulativeShare, l.abcClass])).toEqual([
      ['50.00', '50.00', 'A'],
      ['30.00', '80.00', 'A'],
      ['10.00', '90.00', 'B'],
      ['10.00', '100.00', 'C'],
      ['0.00', '100.00', 'C'],
      ['0.00', '100.00', 'C'],
    ]);
    const stored = await t.db.selectFrom('abcClassifications').selectAll().where('id', '=', doc.id).executeTakeFirstOrThrow();
    expect([Number(stored.total), stored.customerCount, stored.number]).toEqual([1000_00, 6, 1]);
  });

  it('on gross profit: a loss-making customer is C with a negative amount; one dominant customer is A', async () => {
    const big = await counterparty(t, 'Крупный');
    const small = await counterparty(t, 'Мелкий');
    const loss = await counterparty(t, 'Убыточный');
    await sale(t, big, '2026-02-01', 1000_00, 100_00); // profit 900
    await sale(t, small, '2026-02-01', 200_00, 100_00); // profit 100
    await sale(t, loss, '2026-02-01', 100_00, 150_00); // profit −50
    const doc = await classification(t, { basis: 'grossProfit' });
    const body = (await fill(doc.id)).json();
    expect((await lineRows(t, doc.id)).map((l) => [l.name, l.amount, l.abcClass])).toEqual([
      ['Крупный', 900_00, 'A'],
      ['Мелкий', 100_00, 'C'],
      ['Убыточный', -50_00, 'C'],
    ]);
    expect(body.total).toBe('1000.00');
    expect(body.lines[2]).toMatchObject({ amount: '-50.00', share: '0.00', cumulativeShare: '100.00' });
  });

  it('an empty period (T = 0): every customer is C with nothing to share', async () => {
    await counterparty(t, 'Первый');
    const second = await counterparty(t, 'Второй');
    await sale(t, second, '2025-06-01', 100_00);
    const doc = await classification(t, {});
    const body = (await fill(doc.id)).json();
    expect(body).toMatchObject({ total: '0.00', customerCount: 2 });
    expect((await lineRows(t, doc.id)).map((l) => [l.name, l.amount, l.abcClass])).toEqual([
      ['Второй', 0, 'C'],
      ['Первый', 0, 'C'],
    ]);
  });

  it('is repeatable on a draft and replaces the lines', async () => {
    const a = await counterparty(t, 'Альфа');
    const b = await counterparty(t, 'Бета');
    await sale(t, a, '2026-02-01', 100_00);
    const doc = await classification(t, {});
    await fill(doc.id);
    expect((await lineRows(t, doc.id)).map((l) => [l.name, l.abcClass])).toEqual([
      ['Альфа', 'A'],
      ['Бета', 'C'],
    ]);
    await sale(t, b, '2026-02-01', 900_00);
    await fill(doc.id);
    expect((await lineRows(t, doc.id)).map((l) => [l.name, l.amount, l.abcClass])).toEqual([
      ['Бета', 900_00, 'A'],
      ['Альфа', 100_00, 'C'],
    ]);
    expect(await count('abcClassificationLines')).toBe(2);
  });
});

describe('apply and cancel', () => {
  it('applies the classes, keeps the previous ones, gives the A→B task once, cancels only the latest', async () => {
    const manager = await t.userWithCookie('manager', 'Менеджер Иванов');
    const a = await counterparty(t, 'Альфа', { responsibleUserId: manager.id });
    const b = await counterparty(t, 'Бета');
    await sale(t, a, '2026-02-01', 900_00);
    await sale(t, b, '2026-02-01', 100_00);
    const first = await classification(t, { date: '2026-04-01' });
    expect((await apply(first.id)).json().error.details[0].code).toBe('abc_not_filled');
    await fill(first.id);
    const applied = await apply(first.id);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ state: 'applied', appliedAt: '2026-11-27T09:00:00.000Z' });
    expect([await classOf(t, a), await classOf(t, b)]).toEqual(['A', 'C']);
    // A second apply or a change of an applied document is refused.
    expect((await apply(first.id)).statusCode).toBe(409);
    expect((await t.patch(t.adminCookie, `/api/abc-classifications/${first.id}`, { comment: 'x' })).json().error.details[0].code).toBe(
      'abc_not_draft',
    );

    // In the next quarter Бета outsells Альфа: Альфа falls to C.
    await sale(t, a, '2026-05-01', 100_00);
    await sale(t, b, '2026-05-01', 900_00);
    const second = await classification(t, { date: '2026-07-01', periodFrom: '2026-04-01', periodTo: '2026-06-30' });
    await fill(second.id);
    expect((await lineRows(t, second.id)).map((l) => [l.name, l.abcClass, l.previousClass])).toEqual([
      ['Бета', 'A', 'C'],
      ['Альфа', 'C', 'A'],
    ]);
    expect(await count('tasks')).toBe(0);
    await apply(second.id);
    expect([await classOf(t, a), await classOf(t, b)]).toEqual(['C', 'A']);
    const tasks = await t.db.selectFrom('tasks').selectAll().execute();
    expect(tasks.map((x) => [x.title, x.assigneeId, x.source, x.subjectType, x.subjectId, x.sourceKey])).toEqual([
      ['Покупатель перешел из класса A в C: Альфа', manager.id, 'abc', 'counterparty', a, `abc:${second.id}:${a}`],
    ]);

    // The older one cannot be cancelled while a later one is applied.
    const refused = await cancel(first.id);
    expect([refused.statusCode, refused.json().error.details[0].code]).toEqual([409, 'abc_not_latest']);
    // Cancelling the latest restores the classes it replaced; applying it again makes no second task.
    const cancelled = await cancel(second.id);
    expect(cancelled.json()).toMatchObject({ state: 'draft', appliedAt: null });
    expect([await classOf(t, a), await classOf(t, b)]).toEqual(['A', 'C']);
    expect((await cancel(second.id)).json().error.details[0].code).toBe('abc_not_applied');
    await apply(second.id);
    expect(await count('tasks')).toBe(1);
    // History of the card: newest first, from applied documents only.
    const history = (await t.get(t.adminCookie, `/api/counterparties/${a}/abc-history`)).json();
    expect(history.items.map((h: any) => [h.number, h.abcClass, h.previousClass, h.amount])).toEqual([
      [2, 'C', 'A', '100.00'],
      [1, 'A', null, '900.00'],
    ]);
    // The counterparty list filters by the current class.
    const listed = async (c: string) =>
      (await t.get(t.adminCookie, `/api/counterparties?abcClass=${c}`)).json().items.map((x: any) => [x.name, x.abcClass]);
    expect(await listed('C')).toEqual([['Альфа', 'C']]);
    expect(await listed('A')).toEqual([['Бета', 'A']]);
    await counterparty(t, 'Новый');
    expect(await listed('none')).toEqual([['Новый', null]]);
  });

  it('an older classification may be applied after a newer one (as in 1C)', async () => {
    const a = await counterparty(t, 'Альфа');
    await sale(t, a, '2026-02-01', 100_00);
    const older = await classification(t, { date: '2026-04-01' });
    const newer = await classification(t, { date: '2026-05-01' });
    await fill(older.id);
    await fill(newer.id);
    expect((await apply(newer.id)).statusCode).toBe(200);
    expect((await apply(older.id)).statusCode).toBe(200);
    expect(await classOf(t, a)).toBe('A');
    expect((await cancel(older.id)).statusCode).toBe(409);
  });
});

describe('customers without sales (written by the database)', () => {
  it('come after the buyers with an amount of at least zero and before the loss-makers, in name order, with the previous class, valid ids, through apply, the fall from A and cancel', async () => {
    const manager = await t.userWithCookie('manager', 'Менеджер Петров');
    const star = await counterparty(t, 'Звезда', { responsibleUserId: manager.id }); // A, then buys nothing
    const loss = await counterparty(t, 'Убыток');
    const even = await counterparty(t, 'Ноль'); // bought at cost: profit 0
    const tieB = await counterparty(t, 'Ёлка'); // ties with «Дуб»: by name, Дуб first
    const tieA = await counterparty(t, 'Дуб');
    await counterparty(t, 'Яблоко'); // never buys
    await counterparty(t, 'Айва'); // never buys
    await counterparty(t, 'Продавец', { isCustomer: false, isSupplier: true }); // not a customer: no line
    await sale(t, star, '2026-02-01', 1000_00, 0);
    const first = await classification(t, { date: '2026-04-01', basis: 'grossProfit' });
    await fill(first.id);
    await apply(first.id);
    expect(await classOf(t, star)).toBe('A');

    await sale(t, loss, '2026-05-01', 100_00, 300_00); // −200
    await sale(t, even, '2026-05-02', 100_00, 100_00); // 0
    await sale(t, tieB, '2026-05-03', 50_00, 0);
    await sale(t, tieA, '2026-05-04', 50_00, 0);
    const second = await classification(t, { date: '2026-07-01', periodFrom: '2026-04-01', periodTo: '2026-06-30', basis: 'grossProfit' });
    const body = (await fill(second.id)).json();
    // Filled twice: the lines are replaced, not added to.
    await fill(second.id);
    const expected = [
      ['Дуб', 1, 50_00, 50_00, 'A', 'C', 'Z'],
      ['Ёлка', 2, 50_00, 100_00, 'A', 'C', 'Z'],
      ['Ноль', 3, 0, 100_00, 'C', 'C', 'Z'],
      ['Айва', 4, 0, 100_00, 'C', 'C', null],
      ['Звезда', 5, 0, 100_00, 'C', 'A', null],
      ['Яблоко', 6, 0, 100_00, 'C', 'C', null],
      ['Убыток', 7, -200_00, 100_00, 'C', 'C', 'Z'],
    ];
    const rows = async () =>
      (await lineRows(t, second.id)).map((l) => [
        l.name,
        l.position,
        l.amount,
        l.cumulativeAmount,
        l.abcClass,
        l.previousClass,
        l.xyzClass,
      ]);
    expect(await rows()).toEqual(expected);
    expect(body).toMatchObject({ total: '100.00', customerCount: 7 });
    expect(body.lines.map((l: any) => l.counterpartyName)).toEqual(expected.map((e) => e[0]));
    const ids = await t.db.selectFrom('abcClassificationLines').select('id').where('classificationId', '=', second.id).execute();
    expect(new Set(ids.map((r) => r.id)).size).toBe(7);
    for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await count('abcClassificationLines')).toBe(7 + 7); // the first document: every customer too

    // Paged lines and the class filter see the database-written lines like the others.
    const page = (await t.get(t.adminCookie, `/api/abc-classifications/${second.id}/lines?limit=3&abcClass=C`)).json();
    expect(page.items.map((l: any) => [l.position, l.counterpartyName])).toEqual([
      [3, 'Ноль'],
      [4, 'Айва'],
      [5, 'Звезда'],
    ]);

    // Apply: the star without sales falls from A to C and its manager gets the task; cancel restores it.
    await apply(second.id);
    expect(await classOf(t, star)).toBe('C');
    const tasks = await t.db.selectFrom('tasks').select(['title', 'assigneeId']).execute();
    expect(tasks).toEqual([{ title: 'Покупатель перешел из класса A в C: Звезда', assigneeId: manager.id }]);
    const history = (await t.get(t.adminCookie, `/api/counterparties/${star}/abc-history`)).json();
    expect(history.items.map((h: any) => [h.number, h.abcClass, h.previousClass, h.amount])).toEqual([
      [2, 'C', 'A', '0.00'],
      [1, 'A', null, '1000.00'],
    ]);
    await cancel(second.id);
    expect(await classOf(t, star)).toBe('A');
    expect(await rows()).toEqual(expected);
  });
});

describe('validation and roles', () => {
  it('refuses percents that do not sum to 100 and a period ending before it starts, naming the fields; nothing written', async () => {
    const res = await t.post(t.adminCookie, '/api/abc-classifications', {
      periodFrom: '2026-03-01',
      periodTo: '2026-02-01',
      classAPercent: 80,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['classAPercent', 'abc_percent_sum'],
      ['classBPercent', 'abc_percent_sum'],
      ['classCPercent', 'abc_percent_sum'],
      ['periodTo', 'abc_period_order'],
    ]);
    const over = await t.post(t.adminCookie, '/api/abc-classifications', {
      periodFrom: '2026-01-01',
      periodTo: '2026-01-31',
      classAPercent: 101,
    });
    expect([over.statusCode, over.json().error.details[0].field]).toEqual([400, 'classAPercent']);
    expect(await count('abcClassifications')).toBe(0);
    const doc = await classification(t, { classAPercent: 60, classBPercent: 30, classCPercent: 10 });
    const patched = await t.patch(t.adminCookie, `/api/abc-classifications/${doc.id}`, { classCPercent: 20 });
    expect(patched.json().error.details.map((d: any) => d.field)).toEqual(['classAPercent', 'classBPercent', 'classCPercent']);
    const stored = await t.db.selectFrom('abcClassifications').selectAll().executeTakeFirstOrThrow();
    expect([stored.percentA, stored.percentB, stored.percentC]).toEqual([60, 30, 10]);
  });

  it('the settings: percents sum to 100, the document copies them and the basis', async () => {
    const bad = await t.patch(t.adminCookie, '/api/settings', { abcClassAPercent: 80 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['abcClassAPercent', 'abc_percent_sum'],
      ['abcClassBPercent', 'abc_percent_sum'],
      ['abcClassCPercent', 'abc_percent_sum'],
    ]);
    expect((await t.patch(t.adminCookie, '/api/settings', { xyzXPercent: 30 })).json().error.details[0].code).toBe('xyz_bounds');
    expect(await t.db.selectFrom('settings').selectAll().where('key', 'like', 'abc%').execute()).toEqual([]);
    const ok = await t.patch(t.adminCookie, '/api/settings', {
      abcClassAPercent: 80,
      abcClassBPercent: 15,
      abcClassCPercent: 5,
      abcBasis: 'grossProfit',
    });
    expect(ok.json()).toMatchObject({
      abcClassAPercent: 80,
      abcClassBPercent: 15,
      abcClassCPercent: 5,
      xyzXPercent: 10,
      xyzYPercent: 25,
      abcMonthlyAuto: false,
    });
    const doc = await classification(t, {});
    expect(doc).toMatchObject({ basis: 'grossProfit', classAPercent: 80, classBPercent: 15, classCPercent: 5, date: '2026-11-27' });
  });

  it('a manager reads but cannot make, fill, apply or cancel', async () => {
    const manager = await t.userWithCookie('manager');
    expect(
      (await t.post(manager.cookie, '/api/abc-classifications', { periodFrom: '2026-01-01', periodTo: '2026-01-31' })).statusCode,
    ).toBe(403);
    const doc = await classification(t, {});
    for (const verb of [fill, apply, cancel]) expect((await verb(doc.id, manager.cookie)).statusCode).toBe(403);
    expect((await t.get(manager.cookie, `/api/abc-classifications/${doc.id}`)).statusCode).toBe(200);
    expect((await t.get(manager.cookie, '/api/abc-classifications')).json().items).toHaveLength(1);
  });
});
