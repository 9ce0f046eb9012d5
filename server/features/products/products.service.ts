import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { DbOrTrx } from '../../db/database.js';
import { conflict, invalidMany, notFound } from '../../errors.js';
import { pageOf } from '../../db/keyset.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { newId } from '../../lib/ids.js';
import { searchKey } from '../../lib/names.js';
import type { Product, ProductCreate, ProductListQuery, ProductPatch } from '../../../shared/api/products.js';
import type { VatRate } from '../../../shared/money.js';
import * as audit from '../audit/audit.service.js';
import { assertIfMatch } from '../../lib/etag.js';
import { fieldsOf, skuKeyOf, toApi, type ProductFields } from './products.logic.js';
import * as repo from './products.repo.js';

// Products are the company's price list: every user sees them, and managers as well as
// administrators keep them (a manager adds the goods they sell).

const skuTaken = (sku: string) =>
  conflict(`SKU ${sku} is already used by another product`, [
    { field: 'sku', code: 'sku_taken', message: 'already used by another product' },
  ]);

export async function list(deps: Deps, _actor: Actor, q: ProductListQuery) {
  const limit = q.limit ?? 50;
  const text = q.q?.trim();
  const rows = await repo.list(
    deps.db,
    { q: text ? { name: searchKey(text), sku: skuKeyOf(text) } : undefined, archived: q.archived ?? 'active' },
    limit,
    q.cursor,
  );
  const page = pageOf(rows, limit, (r) => [r.nameSearch, r.id], 'name');
  return { items: page.items.map(toApi), nextCursor: page.nextCursor };
}

async function load(db: DbOrTrx, id: string, lock = false) {
  const r = await (lock ? repo.findByIdForUpdate : repo.findById)(db, id);
  if (!r) throw notFound('Product');
  return r;
}

export async function get(deps: Deps, _actor: Actor, id: string): Promise<Product> {
  return toApi(await load(deps.db, id));
}

function snapshot(p: Product) {
  const { createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
}

async function checkSku(db: DbOrTrx, f: ProductFields, exceptId: string | null) {
  if (await repo.skuHolder(db, skuKeyOf(f.sku), exceptId)) throw skuTaken(f.sku);
}

/** The SKU's unique index is the last guard against two cards written at once. */
async function guardSku<T>(sku: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw skuTaken(sku);
    throw err;
  }
}

export async function create(deps: Deps, actor: Actor, input: ProductCreate): Promise<Product> {
  const { fields, errors } = fieldsOf(input);
  if (errors.length) throw invalidMany(errors);
  const now = deps.clock.now().toISOString();
  const id = newId();
  return guardSku(fields.sku, () =>
    deps.db.transaction().execute(async (trx) => {
      await checkSku(trx, fields, null);
      await repo.insert(trx, {
        id,
        ...fields,
        skuKey: skuKeyOf(fields.sku),
        nameSearch: searchKey(fields.name),
        createdAt: now,
        createdBy: actor.id,
        updatedAt: now,
        updatedBy: actor.id,
        archivedAt: null,
      });
      const after = toApi(await load(trx, id));
      await audit.record(trx, { entityType: 'product', entityId: id, action: 'create', userId: actor.id, at: now }, null, snapshot(after));
      return after;
    }),
  );
}

/** Read with the row locked, check If-Match, merge, write and audit in one transaction. */
export async function update(deps: Deps, actor: Actor, id: string, patch: ProductPatch, ifMatch?: string): Promise<Product> {
  const now = deps.clock.now().toISOString();
  const { archived, ...rest } = patch;
  return guardSku(patch.sku ?? '', () =>
    deps.db.transaction().execute(async (trx) => {
      const row = await load(trx, id, true);
      const before = toApi(row);
      assertIfMatch(ifMatch, before);
      const { fields, errors } = fieldsOf(rest, row);
      if (errors.length) throw invalidMany(errors);
      if (skuKeyOf(fields.sku) !== row.skuKey) await checkSku(trx, fields, id);
      const archivedAt = archived === undefined ? row.archivedAt : archived ? (row.archivedAt ?? now) : null;
      await repo.update(trx, id, {
        ...fields,
        skuKey: skuKeyOf(fields.sku),
        nameSearch: searchKey(fields.name),
        archivedAt,
        updatedAt: now,
        updatedBy: actor.id,
      });
      const after = toApi(await load(trx, id));
      const action = archived === undefined || archived === (row.archivedAt !== null) ? 'update' : archived ? 'archive' : 'restore';
      await audit.record(
        trx,
        { entityType: 'product', entityId: id, action, userId: actor.id, at: now },
        snapshot(before),
        snapshot(after),
      );
      return after;
    }),
  );
}

/** What an order or a sale copies from its products (money in kopecks). */
export interface ProductForLine {
  id: string;
  sku: string;
  name: string;
  unit: string;
  price: number;
  costPrice: number;
  vatRate: VatRate;
  archivedAt: string | null;
}

/** For other features: the products of document lines by id (missing ids are simply absent). */
export async function productsForLines(db: DbOrTrx, ids: string[]): Promise<Map<string, ProductForLine>> {
  const rows = await repo.findMany(db, [...new Set(ids)]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        sku: r.sku,
        name: r.name,
        unit: r.unit,
        price: Number(r.price),
        costPrice: Number(r.costPrice),
        vatRate: r.vatRate,
        archivedAt: r.archivedAt,
      },
    ]),
  );
}
