import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let manager: { id: string; cookie: string };
let alpha: string;
let beta: string;
let bolt: string;

const ok = async (res: Promise<{ statusCode: number; body: string; json(): any }>, status = 201) => {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${r.statusCode}: ${r.body}`);
  return r.json();
};
const upload = (cookie: string, body: string | Buffer, contentType = 'text/csv') =>
  t.request(cookie, { method: 'POST', url: '/api/sales/import', headers: { 'content-type': contentType }, payload: body });
const counts = async () => ({
  sales: Number(
    (
      await t.db
        .selectFrom('sales')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  lines: Number(
    (
      await t.db
        .selectFrom('saleLines')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  manager = await t.userWithCookie('manager', 'Мария Менеджер');
  alpha = (await ok(t.post(t.adminCookie, '/api/counterparties', { name: 'ООО «Альфа»', kind: 'legalEntity', inn: '7707083893' }))).id;
  beta = (await ok(t.post(t.adminCookie, '/api/counterparties', { name: 'Бета', responsibleUserId: manager.id }))).id;
  bolt = (await ok(t.post(t.adminCookie, '/api/products', { sku: 'A-1', name: 'Болт', price: '15.00', costPrice: '10.00', vatRate: '20' })))
    .id;
});
afterEach(async () => t.close());

describe('sales import', () => {
  it('imports a semicolon file with a BOM and decimal commas; one sale per date and counterparty', async () => {
    const csv =
      '\uFEFFdate;counterparty;sku;description;quantity;amount;cost\r\n' +
      '2026-11-02;7707083893;a-1;;3;45,00;\r\n' +
      '02.11.2026;ООО «Альфа»;;Доставка;1;1 200,50;100\r\n' +
      '2026-11-03;Бета;A-1;Болт М8;2,5;40;30,25\r\n';
    const res = await upload(t.adminCookie, csv);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ created: 2, lines: 3 });
    const sales = await t.db.selectFrom('sales').selectAll().orderBy('number').execute();
    expect(sales.map((s) => [s.id, s.date, s.counterpartyId, Number(s.revenue), Number(s.cost)])).toEqual([
      [body.saleIds[0], '2026-11-02', alpha, 124550, 10000 + 3000],
      [body.saleIds[1], '2026-11-03', beta, 4000, 3025],
    ]);
    expect(sales[1].responsibleUserId).toBe(manager.id);
    const lines = await t.db.selectFrom('saleLines').selectAll().where('saleId', '=', body.saleIds[0]).orderBy('position').execute();
    expect(
      lines.map((l) => [
        l.productId,
        l.description,
        Number(l.quantity),
        Number(l.price),
        Number(l.amount),
        Number(l.cost),
        l.vatRate,
        Number(l.vatAmount),
      ]),
    ).toEqual([
      [bolt, null, 3000, 1500, 4500, 3000, '20', 750],
      [null, 'Доставка', 1000, 120050, 120050, 10000, 'none', 0],
    ]);
    const third = await t.db.selectFrom('saleLines').selectAll().where('saleId', '=', body.saleIds[1]).executeTakeFirstOrThrow();
    expect([Number(third.quantity), Number(third.price)]).toEqual([2500, 1600]);
    const sale = await ok(t.get(t.adminCookie, `/api/sales/${body.saleIds[0]}`), 200);
    expect(sale.revenue).toBe('1245.50');
  });

  it('reads a comma-delimited file with quoted decimals and columns in another order', async () => {
    const csv = 'counterparty,date,amount,quantity,sku\n"ООО «Альфа», Москва",2026-11-05,"10,50","1,5",A-1\n';
    await t.patch(t.adminCookie, `/api/counterparties/${alpha}`, { name: 'ООО «Альфа», Москва' });
    const res = await upload(t.adminCookie, csv);
    expect(res.statusCode).toBe(201);
    const line = await t.db.selectFrom('saleLines').selectAll().executeTakeFirstOrThrow();
    expect([Number(line.quantity), Number(line.amount), Number(line.price), Number(line.cost)]).toEqual([1500, 1050, 700, 1500]);
  });

  it('lists every bad line and writes nothing', async () => {
    const csv = [
      'date;counterparty;sku;description;quantity;amount;cost',
      '2026-11-02;7707083893;A-1;;3;45;',
      '31.02.2026;Бета;A-1;;1;10;',
      '2026-11-02;Бета;;;0;10;',
      '2026-11-02;Нет такого;НЕТ-1;;1;-5;x',
      '2026-11-02;1234567890;A-1;;1;10;',
    ].join('\n');
    const res = await upload(t.adminCookie, csv);
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('import_invalid');
    expect(error.details.map((d: any) => [d.line, d.field, d.code])).toEqual([
      [3, 'date', 'date_invalid'],
      [4, 'description', 'required'],
      [4, 'quantity', 'quantity_invalid'],
      [5, 'amount', 'amount_invalid'],
      [5, 'cost', 'cost_invalid'],
      [6, 'counterparty', 'counterparty_not_found'],
    ]);
    expect(await counts()).toEqual({ sales: 0, lines: 0 });

    const unknown = await upload(
      t.adminCookie,
      'date;counterparty;sku;quantity;amount\n2026-11-02;Гамма;A-1;1;1\n2026-11-02;Бета;Z-9;1;1\n',
    );
    expect(unknown.json().error.details.map((d: any) => [d.line, d.field, d.code])).toEqual([
      [2, 'counterparty', 'counterparty_not_found'],
      [3, 'sku', 'product_not_found'],
    ]);
    expect(await counts()).toEqual({ sales: 0, lines: 0 });
  });

  it('names the header when columns are wrong or missing', async () => {
    const res = await upload(t.adminCookie, 'дата;контрагент;amount\n2026-11-02;Бета;1\n');
    expect(res.statusCode).toBe(422);
    const d = res.json().error.details[0];
    expect(d).toMatchObject({ line: 1, field: 'header', code: 'header_invalid' });
    expect(d.message).toContain('missing columns: date, counterparty, quantity');
    expect(d.message).toContain('unknown columns: дата, контрагент');
    expect((await upload(t.adminCookie, '')).json().error.details[0]).toMatchObject({ line: 1, field: 'header', code: 'header_invalid' });
    expect((await upload(t.adminCookie, 'date;counterparty;quantity;amount\n')).json().error.details[0].code).toBe('import_empty');
    expect(await counts()).toEqual({ sales: 0, lines: 0 });
  });

  it('refuses a 50 MB body with 413 payload_too_large, bytes that are not UTF-8, and JSON', async () => {
    const big = await upload(t.adminCookie, Buffer.alloc(50 * 1024 * 1024, 'a'));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    const latin1 = await upload(t.adminCookie, Buffer.from('date;counterparty;quantity;amount\n2026-11-02;B\xe9ta;1;1\n', 'latin1'));
    expect(latin1.statusCode).toBe(400);
    expect(latin1.json().error.details[0].code).toBe('invalid_unicode');
    const json = await t.post(t.adminCookie, '/api/sales/import', { rows: [] });
    expect(json.statusCode).toBe(400);
    expect(await counts()).toEqual({ sales: 0, lines: 0 });
  });

  it('a manager imports only for counterparties they may see', async () => {
    expect((await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false })).statusCode).toBe(200);
    const hidden = await upload(manager.cookie, 'date;counterparty;description;quantity;amount\n2026-11-02;7707083893;Услуга;1;100\n');
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().error.details[0]).toMatchObject({ line: 2, field: 'counterparty', code: 'counterparty_not_found' });
    expect(await counts()).toEqual({ sales: 0, lines: 0 });
    const own = await upload(
      manager.cookie,
      'date;counterparty;description;quantity;amount\n2026-11-02;Бета;Услуга;1;100\n',
      'text/csv; charset=utf-8',
    );
    expect(own.statusCode).toBe(201);
    const sale = await t.db.selectFrom('sales').selectAll().executeTakeFirstOrThrow();
    expect([sale.counterpartyId, sale.createdBy]).toEqual([beta, manager.id]);
  });
});
