import type { DbOrTrx } from '../../db/database.js';
import { counterpartyVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';
import type { SalesGrouping } from '../../../shared/api/reports.js';

export interface SalesFilter {
  visibility: Visibility;
  from: string;
  to: string;
  counterpartyId?: string;
  responsibleUserId?: string;
}

/** One aggregate per combination of the asked dimensions; a month is folded from the sale date by the logic. */
export interface SalesAggregate {
  counterpartyId: string | null;
  counterpartyName: string | null;
  productId: string | null;
  productSku: string | null;
  productName: string | null;
  responsibleUserId: string | null;
  responsibleName: string | null;
  date: string | null;
  quantity: number;
  revenue: number;
  cost: number;
}

// Grouping keys come from this allowlist only, never from the request's text.
type Column = readonly [
  ref: 's.counterpartyId' | 'cp.name' | 'sl.productId' | 'p.sku' | 'p.name' | 's.responsibleUserId' | 'u.name' | 's.date',
  alias: string,
];
const COLUMNS: Record<SalesGrouping, readonly Column[]> = {
  customer: [
    ['s.counterpartyId', 'counterpartyId'],
    ['cp.name', 'counterpartyName'],
  ],
  product: [
    ['sl.productId', 'productId'],
    ['p.sku', 'productSku'],
    ['p.name', 'productName'],
  ],
  responsible: [
    ['s.responsibleUserId', 'responsibleUserId'],
    ['u.name', 'responsibleName'],
  ],
  month: [['s.date', 'date']],
};

export async function aggregate(db: DbOrTrx, f: SalesFilter, dims: SalesGrouping[]): Promise<SalesAggregate[]> {
  const cols = dims.flatMap((d) => COLUMNS[d]);
  const rows = await db
    .selectFrom('saleLines as sl')
    .innerJoin('sales as s', 's.id', 'sl.saleId')
    .innerJoin('counterparties as cp', 'cp.id', 's.counterpartyId')
    .leftJoin('products as p', 'p.id', 'sl.productId')
    .leftJoin('users as u', 'u.id', 's.responsibleUserId')
    .where('s.archivedAt', 'is', null)
    .where('s.date', '>=', f.from)
    .where('s.date', '<=', f.to)
    .where((eb) => counterpartyVisible(eb, f.visibility, 'cp'))
    .$if(!!f.counterpartyId, (q) => q.where('s.counterpartyId', '=', f.counterpartyId!))
    .$if(!!f.responsibleUserId, (q) => q.where('s.responsibleUserId', '=', f.responsibleUserId!))
    .select((eb) => [
      eb.fn.sum<number | string>('sl.quantity').as('quantity'),
      eb.fn.sum<number | string>('sl.amount').as('revenue'),
      eb.fn.sum<number | string>('sl.cost').as('cost'),
      ...cols.map(([c, alias]) => eb.ref(c).as(alias)),
    ])
    .groupBy(cols.map(([c]) => c))
    .execute();
  return rows.map((r) => {
    const v = r as unknown as Record<string, string | number | null>;
    const str = (k: string) => (v[k] === undefined || v[k] === null ? null : String(v[k]));
    return {
      counterpartyId: str('counterpartyId'),
      counterpartyName: str('counterpartyName'),
      productId: str('productId'),
      productSku: str('productSku'),
      productName: str('productName'),
      responsibleUserId: str('responsibleUserId'),
      responsibleName: str('responsibleName'),
      date: str('date'),
      // PostgreSQL sums bigint as numeric text.
      quantity: Number(v.quantity ?? 0),
      revenue: Number(v.revenue ?? 0),
      cost: Number(v.cost ?? 0),
    };
  });
}

/** How many sales the filter takes in (the totals row's count). */
export async function countSales(db: DbOrTrx, f: SalesFilter): Promise<number> {
  const row = await db
    .selectFrom('sales as s')
    .innerJoin('counterparties as cp', 'cp.id', 's.counterpartyId')
    .where('s.archivedAt', 'is', null)
    .where('s.date', '>=', f.from)
    .where('s.date', '<=', f.to)
    .where((eb) => counterpartyVisible(eb, f.visibility, 'cp'))
    .$if(!!f.counterpartyId, (q) => q.where('s.counterpartyId', '=', f.counterpartyId!))
    .$if(!!f.responsibleUserId, (q) => q.where('s.responsibleUserId', '=', f.responsibleUserId!))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
