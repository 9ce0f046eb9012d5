import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { invalid } from '../../errors.js';
import { fullNameOf } from '../../lib/names.js';
import type { CallerIdMatch, CallerIdResult } from '../../../shared/api/caller-id.js';
import { getSettings } from '../settings/settings.service.js';
import { visibilityOf } from '../access/access.service.js';
import { phoneKeyOf } from './caller-id.logic.js';
import * as repo from './caller-id.repo.js';

const MAX_MATCHES = 20;

/** GET /api/caller-id: who is calling, among the cards the caller may see. */
export async function lookup(deps: Deps, actor: Actor, phone: string): Promise<CallerIdResult> {
  const s = await getSettings(deps);
  const key = phoneKeyOf(phone, s.defaultPhoneRegion);
  if (!key) throw invalid('phone', 'must be a phone number (at least 5 digits)', 'phone_invalid');
  const rows = await repo.findByPhone(deps.db, key, visibilityOf(s, actor), MAX_MATCHES).execute();
  const seen = new Set<string>();
  const matches: CallerIdMatch[] = [];
  for (const r of rows) {
    const isPerson = r.contactPersonId !== null;
    const id = (isPerson ? r.contactPersonId : r.ownCounterpartyId)!;
    // A card with the number written twice (phone and fax) is one caller.
    if (seen.has(id)) continue;
    seen.add(id);
    matches.push({
      type: isPerson ? 'contactPerson' : 'counterparty',
      id,
      name: isPerson ? fullNameOf({ lastName: r.lastName!, firstName: r.firstName, middleName: r.middleName }) : r.counterpartyName!,
      counterpartyId: r.counterpartyId,
      counterpartyName: r.counterpartyName,
      responsibleUserId: r.responsibleUserId,
      responsibleUserName: r.responsibleUserName,
    });
  }
  return { matches };
}
