// Seeding for the ABC tests: counterparties through the API, sales straight through the sales service.
import type { TestApp } from '../../test/test-app.js';
import { insertSales } from '../sales/sales.service.js';

export async function counterparty(t: TestApp, name: string, extra: Record<string, unknown> = {}, cookie = t.adminCookie): Promise<string> {
  const res = await t.post(cookie, '/api/counterparties', { name, ...extra });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

/** One sale of one line: revenue and cost in kopecks. */
export async function sale(t: TestApp, counterpartyId: string, date: string, revenue: number, cost = 0): Promise<void> {
  await t.db.transaction().execute((trx) =>
    insertSales(trx, t.adminId, '2026-01-01T00:00:00.000Z', [
      {
        date,
        counterpartyId,
        orderId: null,
        responsibleUserId: null,
        comment: null,
        lines: [
          { productId: null, description: 'Товар', quantity: 1000, price: revenue, amount: revenue, cost, vatRate: 'none', vatAmount: 0 },
        ],
      },
    ]),
  );
}

export async function classification(t: TestApp, body: Record<string, unknown>, cookie = t.adminCookie) {
  const res = await t.post(cookie, '/api/abc-classifications', { periodFrom: '2026-01-01', periodTo: '2026-03-31', ...body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

export const lineRows = (t: TestApp, classificationId: string) =>
  t.db
    .selectFrom('abcClassificationLines as l')
    .innerJoin('counterparties as cp', 'cp.id', 'l.counterpartyId')
    .select(['cp.name', 'l.position', 'l.amount', 'l.cumulativeAmount', 'l.abcClass', 'l.previousClass', 'l.xyzClass', 'l.variation'])
    .where('l.classificationId', '=', classificationId)
    .orderBy('l.position')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, amount: Number(r.amount), cumulativeAmount: Number(r.cumulativeAmount) })));

export const classOf = async (t: TestApp, id: string) =>
  (await t.db.selectFrom('counterparties').select('abcClass').where('id', '=', id).executeTakeFirstOrThrow()).abcClass;
