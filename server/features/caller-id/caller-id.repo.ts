import type { DbOrTrx } from '../../db/database.js';
import { counterpartyVisible, personVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';
import type { PhoneKey } from './caller-id.logic.js';

/**
 * Phone entries matching the key, with their owner (a counterparty or a contact person), the owner's
 * counterparty and its responsible user. The contact_info condition alone picks the rows (an equality
 * on `normalized` or a range on `digits_rev`, both indexed); the joins are by primary key.
 */
export function findByPhone(db: DbOrTrx, key: PhoneKey, v: Visibility, limit: number) {
  return db
    .selectFrom('contactInfo as ci')
    .leftJoin('contactPersons as p', 'p.id', 'ci.contactPersonId')
    .leftJoin('counterparties as cp', (j) => j.on((eb) => eb('cp.id', '=', eb.fn.coalesce('ci.counterpartyId', 'p.counterpartyId'))))
    .leftJoin('users as u', 'u.id', 'cp.responsibleUserId')
    .select([
      'ci.counterpartyId as ownCounterpartyId',
      'ci.contactPersonId',
      'p.lastName',
      'p.firstName',
      'p.middleName',
      'cp.id as counterpartyId',
      'cp.name as counterpartyName',
      'cp.responsibleUserId',
      'u.name as responsibleUserName',
    ])
    .where('ci.kind', 'in', ['phone', 'fax'])
    .where((eb) =>
      'revFrom' in key
        ? eb.and([eb('ci.digitsRev', '>=', key.revFrom), eb('ci.digitsRev', '<', key.revTo)])
        : eb('ci.normalized', '=', key.e164),
    )
    .where((eb) =>
      eb.or([
        eb.and([eb('ci.counterpartyId', 'is not', null), eb('cp.archivedAt', 'is', null), counterpartyVisible(eb, v, 'cp')]),
        eb.and([eb('ci.contactPersonId', 'is not', null), eb('p.archivedAt', 'is', null), personVisible(eb, v, { person: 'p', cp: 'cp' })]),
      ]),
    )
    .orderBy('ci.id')
    .limit(limit);
}
