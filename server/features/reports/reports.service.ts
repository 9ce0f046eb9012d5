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
import { fixedLabel, kindLabel, parseList } from './reports.logic.js';
import * as repo from './reports.repo.js';

/** Rows shown on screen; exports take up to EXPORT_LIMIT. */
export const SCREEN_LIMIT = 2000;
export const EXPORT_LIMIT = 100_000;
const CHUNK = 500;

const DEFAULT_KINDS: ContactInfoKind[] = ['phone', 'email', 'actualAddress', 'legalAddress'];

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

export async function contactInfoReport(deps: Deps, actor: Actor, query: ContactInfoReportQuery, rowLimit: number) {
  const settings = await getSettings(deps);
  const objects = parseList(query.objects, CONTACT_REPORT_OBJECTS, CONTACT_REPORT_OBJECTS);
  const kinds = parseList(query.kinds, CONTACT_INFO_KINDS, DEFAULT_KINDS);
  const lang = query.lang ?? actor.language;
  const filter: repo.ObjectFilter = {
    visibility: visibilityOf(settings, actor),
    q: query.q?.trim() ? searchKey(query.q) : undefined,
    counterpartyId: query.counterpartyId,
    responsibleUserId: query.responsibleUserId === 'me' ? actor.id : query.responsibleUserId,
    withKinds: query.onlyWithContactInfo ? kinds : undefined,
  };
  const rows: ContactInfoReportRow[] = [];
  let truncated = false;
  const room = () => rowLimit + 1 - rows.length;

  if (objects.includes('counterparties') && room() > 0) {
    const found = await repo.counterparties(deps.db, filter, room());
    const values = await valuesFor(
      deps,
      'counterpartyId',
      found.map((c) => c.id),
      kinds,
    );
    for (const c of found)
      rows.push({
        objectType: 'counterparty',
        id: c.id,
        name: c.name,
        counterpartyId: c.id,
        counterpartyName: c.name,
        position: null,
        values: values.get(c.id) ?? {},
      });
  }
  for (const [object, individuals] of [
    ['contactPersons', false],
    ['individuals', true],
  ] as const) {
    if (!objects.includes(object) || room() <= 0) continue;
    const found = await repo.persons(deps.db, filter, individuals, room());
    const values = await valuesFor(
      deps,
      'contactPersonId',
      found.map((p) => p.id),
      kinds,
    );
    for (const p of found) {
      rows.push({
        objectType: individuals ? 'individual' : 'contactPerson',
        id: p.id,
        name: fullNameOf(p),
        counterpartyId: p.counterpartyId,
        counterpartyName: p.counterpartyName ?? null,
        position: p.position,
        values: values.get(p.id) ?? {},
      });
    }
  }
  if (rows.length > rowLimit) {
    rows.length = rowLimit;
    truncated = true;
  }
  const columns = [
    ...['objectType', 'name', 'counterpartyName', 'position'].map((key) => ({ key, label: fixedLabel(key, lang) })),
    ...kinds.map((k) => ({ key: k, label: kindLabel(k, lang) })),
  ];
  const report: ContactInfoReport = { columns, rows, total: rows.length, truncated };
  return { report, kinds, lang };
}
