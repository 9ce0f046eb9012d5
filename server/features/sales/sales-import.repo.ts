import type { DbOrTrx } from '../../db/database.js';
import { counterpartyVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';

// Reads only: the sales themselves are written by sales.service insertSales.

const CHUNK = 500;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/** Active counterparties the importer may see whose INN or exact name is one of `keys`. */
export async function counterpartiesByInnOrName(db: DbOrTrx, v: Visibility, inns: string[], names: string[]) {
  const out: { id: string; name: string; inn: string | null; responsibleUserId: string | null }[] = [];
  for (const [column, values] of [
    ['inn', inns],
    ['name', names],
  ] as const) {
    for (const part of chunks(values)) {
      out.push(
        ...(await db
          .selectFrom('counterparties as cp')
          .select(['cp.id', 'cp.name', 'cp.inn', 'cp.responsibleUserId'])
          .where('cp.archivedAt', 'is', null)
          .where(`cp.${column}`, 'in', part)
          .where((eb) => counterpartyVisible(eb, v, 'cp'))
          .execute()),
      );
    }
  }
  return out;
}

/** Products by their SKU key (upper-cased, trimmed). */
export async function productsBySkuKey(db: DbOrTrx, keys: string[]) {
  const out: { id: string; skuKey: string; costPrice: number; vatRate: string; archivedAt: string | null }[] = [];
  for (const part of chunks(keys)) {
    out.push(
      ...(await db
        .selectFrom('products')
        .select(['id', 'skuKey', 'costPrice', 'vatRate', 'archivedAt'])
        .where('skuKey', 'in', part)
        .execute()),
    );
  }
  return out.map((p) => ({ ...p, costPrice: Number(p.costPrice) }));
}
