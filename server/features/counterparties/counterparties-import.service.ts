import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { DbOrTrx } from '../../db/database.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { searchKey } from '../../lib/names.js';
import { getSettings } from '../settings/settings.service.js';
import { SEES_ALL, seesCounterparty, visibilityOf, type Visibility } from '../access/access.service.js';
import * as contactInfo from '../contact-info/contact-info.service.js';
import { diff } from '../audit/audit.logic.js';
import { checkRequisites } from './counterparties.logic.js';
import { findVisible, update as updateCard } from './counterparties.repo.js';
import { toApi } from './counterparties.service.js';
import * as webhooks from '../webhooks/webhooks.service.js';
import { subscribers } from '../webhooks/webhooks.repo.js';
import { defaultKind, mapHeader, readRow, type Field, type ImportProblem, type ImportRow } from './counterparties-import.logic.js';
import { csvRows, FileUnreadable, xlsxRows, type FileRow } from './counterparties-import.read.js';
import * as repo from './counterparties-import.repo.js';

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows of the contact information report that are not counterparties (contact persons). */
  skipped: number;
  errors: ErrorDetail[];
}
/** The uploaded file, spooled to a temporary file that the caller removes. */
export interface ImportFile {
  type: 'csv' | 'xlsx';
  path: string;
}

/** Rows looked up and written together: one query per batch, not per row. */
const BATCH = 1000;
/** A huge broken file is answered with its first problems (by line), not megabytes of them. */
export const MAX_DETAILS = 1000;

/** 422 import_invalid: the first MAX_DETAILS problems by line in `details`, and how many there are in all. */
export class ImportInvalid extends AppError {
  constructor(
    details: ImportProblem[],
    readonly total: number,
    readonly lines: number,
  ) {
    const more = total > details.length ? ` (the first ${details.length} of ${total} problems are listed)` : '';
    super(422, 'import_invalid', `The file was not imported: ${lines} line(s) with errors${more}`, details);
  }
}

const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line;
const importInvalid = (problems: ImportProblem[], lines: number, total = problems.length) =>
  new ImportInvalid([...problems].sort(byLine).slice(0, MAX_DETAILS), total, lines);

interface Ctx {
  actor: Actor;
  v: Visibility;
  region: string;
  users: Map<string, string>;
  now: string;
  // The only state that grows with the file: about 100 bytes a row (V8 strings of the INN and the
  // name, and their hash-table slots; docs/benchmarks.md), so that a line repeating an earlier one is found.
  seenInn: Set<string>;
  seenName: Set<string>;
  /** The first problems by line (trimmed to MAX_DETAILS as it goes); `total` counts them all. */
  problems: ImportProblem[];
  total: number;
  badLines: number;
  result: ImportResult;
  /** Whether anyone listens: without subscribers the import skips re-reading its cards for payloads. */
  hooked?: boolean;
}

const cardOf = (r: repo.CardRow) => ({ ...r, isCustomer: !!r.isCustomer, isSupplier: !!r.isSupplier });
type Card = ReturnType<typeof cardOf>;
type Snapshot = Omit<Card, 'id'> & { contactInfo?: { kind: string; value: string }[] };

async function processBatch(db: DbOrTrx, ctx: Ctx, rows: ImportRow[], write: boolean) {
  const inns = [...new Set(rows.flatMap((r) => (r.inn ? [r.inn] : [])))];
  const names = [...new Set(rows.flatMap((r) => (r.inn ? [] : [r.name])))];
  const byInn = new Map((await repo.activeByInns(db, inns)).map((c) => [c.inn!, cardOf(c)]));
  const byName = new Map<string, Card[]>();
  for (const c of await repo.activeVisibleByNames(db, ctx.v, names)) byName.set(c.name, [...(byName.get(c.name) ?? []), cardOf(c)]);
  const matchedIds = [...byInn.values(), ...[...byName.values()].flat()].map((c) => c.id);
  const existing = await contactInfo.loadFor(db, 'counterpartyId', matchedIds);

  const inserts: Parameters<typeof repo.insertCounterparties>[1] = [];
  const contacts: Parameters<typeof repo.insertContacts>[1] = [];
  const audits: Parameters<typeof repo.insertAudit>[1] = [];
  for (const r of rows) {
    const count = ctx.total;
    const bad = (field: Field | string, code: string, message: string) => report(ctx, { line: r.line, field, code, message });
    let card: Card | undefined;
    if (r.inn) {
      card = byInn.get(r.inn);
      if (ctx.seenInn.has(r.inn)) bad('inn', 'duplicate_in_file', 'another line of the file has this INN');
      // The holder is not named: an INN must not reveal a client the importer may not see.
      else if (card && !seesCounterparty(ctx.v, card.responsibleUserId)) bad('inn', 'inn_taken', 'already belongs to another counterparty');
      ctx.seenInn.add(r.inn);
    } else {
      const found = byName.get(r.name) ?? [];
      if (ctx.seenName.has(r.name)) bad('name', 'duplicate_in_file', 'an earlier line of the file has this name; give the INN');
      else if (found.length > 1) bad('name', 'counterparty_ambiguous', `${found.length} counterparties have this name: give the INN`);
      card = found[0];
    }
    ctx.seenName.add(r.name);

    const kind = r.kind ?? card?.kind ?? defaultKind(r.inn);
    const inn = r.inn ?? card?.inn ?? null;
    const kpp = r.kpp ?? (kind === 'legalEntity' ? (card?.kpp ?? null) : null);
    for (const e of checkRequisites(kind, inn, kpp)) bad(e.field!, e.code!, e.message);
    let responsibleUserId = card ? card.responsibleUserId : ctx.actor.id;
    if (r.responsible) {
      const id = ctx.users.get(r.responsible);
      if (!id) bad('responsible', 'user_not_found', `no active user with e-mail ${r.responsible}`);
      else if (!ctx.v.all && id !== ctx.actor.id)
        bad('responsible', 'responsible_forbidden', 'you may assign only yourself: other managers’ counterparties are not yours to see');
      else responsibleUserId = id;
    }
    const had = card ? (existing.get(card.id) ?? []) : [];
    const known = new Set(had.map((e) => `${e.kind}|${e.normalized ?? e.value.toLowerCase()}`));
    const added: ReturnType<typeof contactInfo.check>['entries'] = [];
    for (const c of r.contacts) {
      // The same rules as on the card: phones to E.164, e-mails lower-cased and checked.
      const checked = contactInfo.check([c], ctx.region);
      for (const e of checked.errors) bad(c.kind, e.code ?? 'invalid', e.message);
      for (const e of checked.entries) {
        const key = `${e.kind}|${e.normalized ?? e.value.toLowerCase()}`;
        if (!known.has(key)) added.push(e);
        known.add(key);
      }
    }
    if (ctx.total > count) {
      ctx.badLines++;
      continue;
    }

    const after: Snapshot = {
      name: r.name,
      fullName: r.fullName ?? card?.fullName ?? null,
      kind,
      inn,
      kpp,
      isCustomer: r.isCustomer ?? card?.isCustomer ?? true,
      isSupplier: r.isSupplier ?? card?.isSupplier ?? false,
      responsibleUserId,
      comment: r.comment ?? card?.comment ?? null,
    };
    const before: Snapshot | null = card ? (({ id: _id, ...rest }) => rest)(card) : null;
    const changes = diff(before, after);
    if (card && Object.keys(changes).length === 0 && added.length === 0) {
      ctx.result.unchanged++;
      continue;
    }
    if (card) ctx.result.updated++;
    else ctx.result.created++;
    if (!write || ctx.total > 0) continue;

    const id = card?.id ?? newId();
    const row = { ...after, nameSearch: searchKey(after.name), isCustomer: after.isCustomer ? 1 : 0, isSupplier: after.isSupplier ? 1 : 0 };
    if (card) await updateCard(db, id, { ...row, updatedAt: ctx.now, updatedBy: ctx.actor.id });
    else
      inserts.push({
        id,
        ...row,
        abcClass: null,
        createdAt: ctx.now,
        createdBy: ctx.actor.id,
        updatedAt: ctx.now,
        updatedBy: ctx.actor.id,
        archivedAt: null,
      });
    added.forEach((e, i) =>
      contacts.push({
        id: newId(),
        counterpartyId: id,
        contactPersonId: null,
        kind: e.kind,
        value: e.value,
        comment: e.comment,
        normalized: e.normalized,
        digits: e.digits,
        digitsRev: e.digits ? [...e.digits].reverse().join('') : null,
        position: had.length + i,
      }),
    );
    const info = (list: { kind: string; value: string }[]) => list.map(({ kind: k, value }) => ({ kind: k, value, comment: null }));
    if (added.length) {
      if (before) before.contactInfo = info(had);
      after.contactInfo = info([...had, ...added]);
    }
    audits.push({
      id: newId(),
      entityType: 'counterparty',
      entityId: id,
      action: card ? 'update' : 'create',
      userId: ctx.actor.id,
      at: ctx.now,
      changes: JSON.stringify(diff(before, after)),
    });
  }
  if (!write || ctx.total > 0) return;
  await repo.insertCounterparties(db, inserts);
  await repo.insertContacts(db, contacts);
  await repo.insertAudit(db, audits);
  await enqueueWebhooks(db, ctx, audits);
}

/** The same outbox rows as a card saved by hand, in the import's transaction. */
async function enqueueWebhooks(db: DbOrTrx, ctx: Ctx, audits: { entityId: string; action: string }[]) {
  ctx.hooked ??= (await subscribers(db, 'counterparty.created')).length > 0 || (await subscribers(db, 'counterparty.updated')).length > 0;
  if (!ctx.hooked || !audits.length) return;
  const info = await contactInfo.loadFor(
    db,
    'counterpartyId',
    audits.map((a) => a.entityId),
  );
  for (const a of audits) {
    const row = await findVisible(db, a.entityId, SEES_ALL);
    if (!row) continue;
    const type = a.action === 'create' ? 'counterparty.created' : 'counterparty.updated';
    await webhooks.enqueue(db, type, toApi(row, info.get(a.entityId) ?? []), ctx.now);
  }
}

function report(ctx: Ctx, p: ImportProblem) {
  ctx.total++;
  ctx.problems.push(p);
  // Keep the list short however broken the file: the first MAX_DETAILS by line survive every trim.
  if (ctx.problems.length >= 2 * MAX_DETAILS) ctx.problems = ctx.problems.sort(byLine).slice(0, MAX_DETAILS);
}

/** Reads the whole file batch by batch; writes (when `write`) until the first problem, then only checks. */
async function run(db: DbOrTrx, ctx: Ctx, source: AsyncGenerator<FileRow>, write: boolean) {
  const first = await source.next();
  if (first.done) throw importInvalid([{ line: 1, field: 'header', code: 'import_header_invalid', message: 'the file is empty' }], 1);
  const { fields, problem } = mapHeader(first.value.cells);
  if (problem) throw importInvalid([problem], 1);
  let batch: ImportRow[] = [];
  for await (const { line, cells } of source) {
    const { row, skip, problems } = readRow(line, fields, cells);
    if (skip) ctx.result.skipped++;
    if (problems.length) {
      for (const p of problems) report(ctx, p);
      ctx.badLines++;
    }
    if (row) batch.push(row);
    if (batch.length >= BATCH) {
      await processBatch(db, ctx, batch, write);
      batch = [];
    }
  }
  if (batch.length) await processBatch(db, ctx, batch, write);
  if (ctx.total) throw importInvalid(ctx.problems, ctx.badLines, ctx.total);
}

/**
 * POST /api/counterparties/import: every row or nothing, in one transaction; a dry run writes nothing.
 * The file is read once, row by row: rows are checked and written a batch at a time inside the
 * transaction until the first problem, after which the rest is only checked (every bad line is
 * listed) and the transaction rolled back.
 */
export async function importCounterparties(deps: Deps, actor: Actor, file: ImportFile, dryRun: boolean): Promise<ImportResult> {
  const s = await getSettings(deps);
  const ctx: Ctx = {
    actor,
    v: visibilityOf(s, actor),
    region: s.defaultPhoneRegion,
    users: await repo.activeUsersByEmail(deps.db),
    now: deps.clock.now().toISOString(),
    seenInn: new Set(),
    seenName: new Set(),
    problems: [],
    total: 0,
    badLines: 0,
    result: { created: 0, updated: 0, unchanged: 0, skipped: 0, errors: [] },
  };
  const source = file.type === 'csv' ? csvRows(file.path) : xlsxRows(file.path);
  try {
    if (dryRun) await run(deps.db, ctx, source, false);
    else await deps.db.transaction().execute((trx) => run(trx, ctx, source, true));
  } catch (e) {
    if (e instanceof FileUnreadable) throw importInvalid([{ line: e.line, field: '(file)', code: e.code, message: e.message }], 1);
    throw e;
  } finally {
    // Closes the file when the import stopped early (a bad header, a database error).
    await source.return(undefined);
  }
  return ctx.result;
}
