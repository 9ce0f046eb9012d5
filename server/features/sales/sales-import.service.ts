import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { VatRate } from '../../../shared/money.js';
import type { SaleImportResult } from '../../../shared/api/sales.js';
import { visibilityFor } from '../access/access.service.js';
import { skuKeyOf } from '../products/products.logic.js';
import { insertSales, type NewSale } from './sales.service.js';
import { groupIntoSales, lineOf, readSalesCsv, type ImportProblem, type ImportRow, type ResolvedProduct } from './sales-import.logic.js';
import * as repo from './sales-import.repo.js';

/** A 422 listing problems by line; a huge broken file is answered with its first problems, not megabytes of them. */
const MAX_DETAILS = 1000;
function importInvalid(problems: ImportProblem[]): AppError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const details: (ErrorDetail & { line: number })[] = sorted.slice(0, MAX_DETAILS);
  const lines = new Set(sorted.map((p) => p.line)).size;
  const more = sorted.length > MAX_DETAILS ? ` (the first ${MAX_DETAILS} problems are listed)` : '';
  return new AppError(422, 'import_invalid', `The file was not imported: ${lines} line(s) with errors${more}`, details);
}

const dedupe = <T extends { id: string }>(list: T[]) => [...new Map(list.map((x) => [x.id, x])).values()];
const isInn = (s: string) => /^(\d{10}|\d{12})$/.test(s);

/** POST /api/sales/import: all rows or nothing, in one transaction. */
export async function importSales(deps: Deps, actor: Actor, text: string): Promise<SaleImportResult> {
  const { rows, problems } = readSalesCsv(text);
  if (problems.some((p) => p.field === 'header' || p.code === 'csv_malformed' || p.code === 'too_many_rows')) throw importInvalid(problems);

  const v = await visibilityFor(deps, actor);
  const keys = [...new Set(rows.map((r) => r.counterparty))];
  // One counterparty may come back from both lookups (by INN and by name).
  const found = dedupe(
    await repo.counterpartiesByInnOrName(
      deps.db,
      v,
      keys.filter(isInn),
      keys.filter((k) => !isInn(k)),
    ),
  );
  const products = new Map(
    (await repo.productsBySkuKey(deps.db, [...new Set(rows.flatMap((r) => (r.sku ? [skuKeyOf(r.sku)] : [])))])).map((p) => [p.skuKey, p]),
  );

  const resolved: (ImportRow & { counterpartyId: string; responsibleUserId: string; product: ResolvedProduct | null })[] = [];
  for (const r of rows) {
    const bad = (field: string, code: string, message: string) => problems.push({ line: r.line, field, code, message });
    // An INN names a counterparty only as an INN (a name of digits would be ambiguous); hidden ones are "not found".
    const matches = found.filter((c) => (isInn(r.counterparty) ? c.inn === r.counterparty : c.name === r.counterparty));
    if (matches.length === 0)
      bad('counterparty', 'counterparty_not_found', `no counterparty "${r.counterparty}" among the ones you may see`);
    else if (matches.length > 1)
      bad('counterparty', 'counterparty_ambiguous', `${matches.length} counterparties are named "${r.counterparty}": use the INN`);
    const p = r.sku ? products.get(skuKeyOf(r.sku)) : undefined;
    if (r.sku && (!p || p.archivedAt))
      bad('sku', 'product_not_found', p ? `product "${r.sku}" is archived` : `no product with SKU "${r.sku}"`);
    if (matches.length !== 1 || (r.sku && (!p || p.archivedAt))) continue;
    resolved.push({
      ...r,
      counterpartyId: matches[0].id,
      responsibleUserId: matches[0].responsibleUserId ?? actor.id,
      product: p ? { id: p.id, costPrice: p.costPrice, vatRate: p.vatRate as VatRate } : null,
    });
  }
  if (problems.length > 0) throw importInvalid(problems);
  if (resolved.length === 0) throw importInvalid([{ line: 2, code: 'import_empty', message: 'the file has no lines under the header' }]);

  const docs: NewSale[] = groupIntoSales(resolved).map((g) => ({
    date: g.date,
    counterpartyId: g.counterpartyId,
    orderId: null,
    responsibleUserId: g.rows[0].responsibleUserId,
    comment: null,
    lines: g.rows.map((r) => lineOf(r, r.product)),
  }));
  const now = deps.clock.now().toISOString();
  const saleIds = await deps.db.transaction().execute((trx) => insertSales(trx, actor.id, now, docs));
  return { created: saleIds.length, lines: resolved.length, saleIds };
}
