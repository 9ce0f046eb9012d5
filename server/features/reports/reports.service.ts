import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { CONTACT_INFO_KINDS, type ContactInfoKind } from '../../../shared/api/contact-info.js';
import {
  CONTACT_REPORT_OBJECTS,
  type ContactInfoReport,
  type ContactInfoReportQuery,
  type ContactInfoReportRow,
} from '../../../shared/api/reports.js';
import { getSettings } from '../settings/settings.service.js';
import * as contactInfo from '../contact-info/contact-info.service.js';
import { visibilityOf } from '../access/access.service.js';
import { fullNameOf, searchKey } from '../../lib/names.js';
import { parseList } from './reports.logic.js';
import * as repo from './reports.repo.js';

/** Rows shown on screen; the files have no cap (they stream). */
export const SCREEN_LIMIT = 2000;
/** Rows read from the database at a time (keyset pages) for the screen and the files. */
export const PAGE = 2000;
/** Counterparties whose persons are read at a time. */
const OWNERS_PAGE = 500;
const CHUNK = 500;

const DEFAULT_KINDS: ContactInfoKind[] = ['phone', 'email', 'actualAddress', 'legalAddress'];
const FIXED_COLUMNS = ['objectType', 'name', 'counterpartyName', 'position'];

async function valuesFor(deps: Deps, column: 'counterpartyId' | 'contactPersonId', ids: string[], kinds: ContactInfoKind[]) {
  const merged = new Map<string, Record<string, string>>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const map = await contactInfo.loadFor(deps.db, column, ids.slice(i, i + CHUNK), kinds);
    for (const [owner, entries] of map) {
      const values: Record<string, string> = {};
      for (const e of entries) values[e.kind] = values[e.kind] ? `${values[e.kind]}; ${e.value}` : e.value;
      merged.set(owner, values);
    }
  }
  return merged;
}

export interface ContactInfoQuery {
  filter: repo.ObjectFilter;
  objects: (typeof CONTACT_REPORT_OBJECTS)[number][];
  kinds: ContactInfoKind[];
  lang: 'ru' | 'en';
  /** Column codes: the fixed ones, then the kinds. */
  columns: string[];
}

export async function contactInfoQuery(deps: Deps, actor: Actor, query: ContactInfoReportQuery): Promise<ContactInfoQuery> {
  const settings = await getSettings(deps);
  const kinds = parseList(query.kinds, CONTACT_INFO_KINDS, DEFAULT_KINDS);
  return {
    filter: {
      visibility: visibilityOf(settings, actor),
      q: query.q?.trim() ? searchKey(query.q) : undefined,
      counterpartyId: query.counterpartyId,
      responsibleUserId: query.responsibleUserId === 'me' ? actor.id : query.responsibleUserId,
      withKinds: query.onlyWithContactInfo ? kinds : undefined,
    },
    objects: parseList(query.objects, CONTACT_REPORT_OBJECTS, CONTACT_REPORT_OBJECTS),
    kinds,
    lang: query.lang ?? actor.language,
    columns: [...FIXED_COLUMNS, ...kinds],
  };
}

/** Every row of the report, counterparties, then persons, then individuals, each in name order, read
 * in keyset pages of PAGE rows: memory holds one page whatever the total. */
export async function* contactInfoRows(deps: Deps, q: ContactInfoQuery): AsyncGenerator<ContactInfoReportRow> {
  const { filter, objects, kinds } = q;
  if (objects.includes('counterparties')) {
    for (let cursor: repo.Cursor | undefined; ;) {
      const page = await repo.counterparties(deps.db, filter, PAGE, cursor);
      const values = await valuesFor(
        deps,
        'counterpartyId',
        page.map((c) => c.id),
        kinds,
      );
      for (const c of page)
        yield {
          objectType: 'counterparty',
          id: c.id,
          name: c.name,
          counterpartyId: c.id,
          counterpartyName: c.name,
          position: null,
          values: values.get(c.id) ?? {},
        };
      if (page.length < PAGE) break;
      const last = page[page.length - 1];
      cursor = [last.nameSearch, last.id];
    }
  }
  const personRows = async function* (found: Awaited<ReturnType<typeof repo.persons>>, individual: boolean) {
    const values = await valuesFor(
      deps,
      'contactPersonId',
      found.map((p) => p.id),
      kinds,
    );
    for (const p of found) {
      yield {
        objectType: individual ? 'individual' : 'contactPerson',
        id: p.id,
        name: fullNameOf(p),
        counterpartyId: p.counterpartyId,
        counterpartyName: p.counterpartyName ?? null,
        position: p.position,
        values: values.get(p.id) ?? {},
      } satisfies ContactInfoReportRow;
    }
  };
  if (objects.includes('contactPersons')) {
    for (let cursor: repo.Cursor | undefined; ;) {
      const owners = await repo.personOwners(deps.db, filter, OWNERS_PAGE, cursor);
      if (owners.length > 0)
        yield* personRows(
          await repo.persons(
            deps.db,
            filter,
            owners.map((o) => o.id),
          ),
          false,
        );
      if (owners.length < OWNERS_PAGE) break;
      const last = owners[owners.length - 1];
      cursor = [last.nameSearch, last.id];
    }
  }
  if (objects.includes('individuals')) {
    for (let cursor: repo.Cursor | undefined; ;) {
      const page = await repo.persons(deps.db, filter, null, PAGE, cursor);
      yield* personRows(page, true);
      if (page.length < PAGE) break;
      const last = page[page.length - 1];
      cursor = [last.nameSearch, last.id];
    }
  }
}

/** The report on screen: at most SCREEN_LIMIT rows (truncated says there are more; the files have them all). */
export async function contactInfoReport(deps: Deps, actor: Actor, query: ContactInfoReportQuery) {
  const q = await contactInfoQuery(deps, actor, query);
  const rows: ContactInfoReportRow[] = [];
  let truncated = false;
  for await (const row of contactInfoRows(deps, q)) {
    if (rows.length === SCREEN_LIMIT) {
      truncated = true;
      break;
    }
    rows.push(row);
  }
  const report: ContactInfoReport = { columns: q.columns.map((key) => ({ key })), rows, total: rows.length, truncated };
  return report;
}
