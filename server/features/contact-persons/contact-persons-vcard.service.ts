import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { personSearchKey } from '../../lib/names.js';
import { zonedToday } from '../../lib/time.js';
import { getSettings } from '../settings/settings.service.js';
import { visibilityOf } from '../access/access.service.js';
import * as contactInfo from '../contact-info/contact-info.service.js';
import * as audit from '../audit/audit.service.js';
import { get } from './contact-persons.service.js';
import { checkBirthday } from './contact-persons.logic.js';
import { insert } from './contact-persons.repo.js';
import { parseVcards, toVcard, type VcardProblem } from './contact-persons-vcard.logic.js';
import * as repo from './contact-persons-vcard.repo.js';

export const MAX_CARDS = 5000;

/** GET /api/contact-persons/:id/vcard: the card of a person the user may see. */
export async function exportVcard(deps: Deps, actor: Actor, id: string) {
  const p = await get(deps, actor, id);
  const text = toVcard({
    uid: p.id,
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    position: p.position,
    organization: p.counterpartyName,
    birthday: p.birthday,
    note: p.comment,
    phones: p.contactInfo
      .filter((c) => c.kind === 'phone' || c.kind === 'fax')
      .map((c) => ({ kind: c.kind as 'phone' | 'fax', value: c.normalized ?? c.value })),
    emails: p.contactInfo.filter((c) => c.kind === 'email').map((c) => c.value),
  });
  return { text, fileName: `${p.fullName}.vcf` };
}

function importInvalid(problems: VcardProblem[]) {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const details: (ErrorDetail & { line: number })[] = sorted.slice(0, 1000);
  return new AppError(422, 'import_invalid', `The vCards were not imported: ${sorted.length} problem(s)`, details);
}

/** POST /api/contact-persons/import: every card becomes a contact person, or none does. */
export async function importVcards(deps: Deps, actor: Actor, text: string) {
  const s = await getSettings(deps);
  const v = visibilityOf(s, actor);
  const { cards, problems } = parseVcards(text);
  if (cards.length > MAX_CARDS)
    problems.push({ line: 1, field: 'cards', code: 'too_many', message: `at most ${MAX_CARDS} cards in one import` });
  const orgs = [...new Set(cards.map((c) => c.organization).filter((o): o is string => !!o))];
  const byName = new Map<string, string[]>();
  for (const c of await repo.visibleCounterpartiesNamed(deps.db, orgs, v)) byName.set(c.name, [...(byName.get(c.name) ?? []), c.id]);
  const today = zonedToday(deps.clock.now(), s.timeZone);
  const prepared = cards.map((c, i) => {
    const at = (field: string, d: { code?: string; message: string }) =>
      problems.push({ line: c.line, field: `cards.${i}.${field}`, code: d.code ?? 'invalid', message: d.message });
    for (const d of checkBirthday(c.birthday, today)) at('birthday', d);
    const info = contactInfo.check(
      [...c.phones.map((p) => ({ kind: p.kind, value: p.value })), ...c.emails.map((e) => ({ kind: 'email' as const, value: e }))],
      s.defaultPhoneRegion,
    );
    for (const d of info.errors) at(d.field!, d);
    const ids = c.organization ? (byName.get(c.organization) ?? []) : [];
    // Two visible counterparties with the same name: attaching to either would be a guess.
    if (ids.length > 1)
      at('organization', { code: 'counterparty_ambiguous', message: `several counterparties are named "${c.organization}"` });
    return { card: c, entries: info.entries, counterpartyId: ids.length === 1 ? ids[0] : null };
  });
  if (problems.length) throw importInvalid(problems);

  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const { card: c, entries, counterpartyId } of prepared) {
      const id = newId();
      const f = {
        counterpartyId,
        lastName: c.lastName,
        firstName: c.firstName,
        middleName: c.middleName,
        position: c.position,
        role: null,
        birthday: c.birthday,
        birthdayReminderDays: null,
        comment: c.note,
      };
      await insert(trx, {
        id,
        ...f,
        nameSearch: personSearchKey(f),
        createdAt: now,
        createdBy: actor.id,
        updatedAt: now,
        updatedBy: actor.id,
        archivedAt: null,
      });
      await contactInfo.replace(trx, { contactPersonId: id }, entries);
      const info = entries.map(({ kind, value, comment }) => ({ kind, value, comment }));
      await audit.record(trx, { entityType: 'contactPerson', entityId: id, action: 'create', userId: actor.id, at: now }, null, {
        id,
        ...f,
        contactInfo: info,
      });
    }
  });
  return { created: prepared.length, errors: [] as ErrorDetail[] };
}
