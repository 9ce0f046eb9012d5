import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { ACTOR_COLUMNS, type Actor } from '../../lib/actor.js';
import { personVisible } from '../access/access.repo.js';
import type { Visibility } from '../access/access.logic.js';

// 'MM-DD' of the birthday. Both dialects give a date as YYYY-MM-DD text (PostgreSQL with the ISO
// DateStyle the app already relies on when it reads dates), so this is no dialect branch.
const monthDay = sql<string>`substr(cast(contact_persons.birthday as text), 6, 5)`;

/** Active persons with a birthday whose counterparty (if any) is active too. A person without a
 * counterparty has no joined row, so cp.archived_at is null for them as well. */
function activeWithBirthday(db: DbOrTrx) {
  return db
    .selectFrom('contactPersons')
    .leftJoin('counterparties as cp', 'cp.id', 'contactPersons.counterpartyId')
    .where('contactPersons.birthday', 'is not', null)
    .where('contactPersons.archivedAt', 'is', null)
    .where('cp.archivedAt', 'is', null);
}

/** The smallest "remind N days before" above `after` among candidates: walks the few distinct
 * values through the partial index (contact_persons_birthday_idx) instead of scanning persons. */
export async function nextReminderDays(db: DbOrTrx, after: number | null): Promise<number | null> {
  let q = db
    .selectFrom('contactPersons')
    .select((eb) => eb.fn.min('birthdayReminderDays').as('n'))
    .where('birthday', 'is not', null)
    .where('birthdayReminderDays', 'is not', null)
    .where('archivedAt', 'is', null);
  if (after !== null) q = q.where('birthdayReminderDays', '>', after);
  const row = await q.executeTakeFirst();
  return row?.n ?? null;
}

/** The scheduled-jobs user as the job acts for them, or null when there is none or they are blocked.
 * The job runs unattended, as an integration token does. */
export async function activeJobsUser(db: DbOrTrx, id: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('users')
    .select(ACTOR_COLUMNS)
    .where('users.id', '=', id)
    .where('users.blockedAt', 'is', null)
    .executeTakeFirst();
  return row ? { ...row, via: 'token' } : null;
}

export interface Candidate {
  id: string;
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  birthday: string;
  counterpartyName: string | null;
  /** The counterparty's responsible manager, null when there is none or the user is blocked. */
  responsibleUserId: string | null;
  /** 1 when the scheduled-jobs user may see the person (by `jobsUser` visibility), else 0. */
  visibleToJobsUser: number;
}

/** One keyset batch of persons reminded n days ahead whose birthday falls on one of monthDays, each
 * with whether `jobsUser` (the scheduled-jobs user's visibility) shows it. */
export async function candidates(
  db: DbOrTrx,
  n: number,
  monthDays: string[],
  afterId: string,
  limit: number,
  jobsUser: Visibility,
): Promise<Candidate[]> {
  const rows = await activeWithBirthday(db)
    .leftJoin('users as ru', (j) => j.onRef('ru.id', '=', 'cp.responsibleUserId').on('ru.blockedAt', 'is', null))
    .select([
      'contactPersons.id',
      'contactPersons.lastName',
      'contactPersons.firstName',
      'contactPersons.middleName',
      'contactPersons.birthday',
      'cp.name as counterpartyName',
      'ru.id as responsibleUserId',
      (eb) =>
        eb
          .case()
          .when(personVisible(eb, jobsUser, { person: 'contactPersons', cp: 'cp' }))
          .then(eb.lit(1))
          .else(eb.lit(0))
          .end()
          .as('visibleToJobsUser'),
    ])
    .where('contactPersons.birthdayReminderDays', '=', n)
    .where(monthDay, 'in', monthDays)
    .where('contactPersons.id', '>', afterId)
    .orderBy('contactPersons.id')
    .limit(limit)
    .execute();
  return rows as Candidate[];
}

export interface UpcomingRow {
  id: string;
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  birthday: string;
  counterpartyId: string | null;
  counterpartyName: string | null;
}

/** Visible persons whose birthday falls on one of monthDays (dates of one calendar year),
 * in date order then by name. */
export async function upcoming(db: DbOrTrx, v: Visibility, monthDays: string[], limit: number): Promise<UpcomingRow[]> {
  const rows = await activeWithBirthday(db)
    .select([
      'contactPersons.id',
      'contactPersons.lastName',
      'contactPersons.firstName',
      'contactPersons.middleName',
      'contactPersons.birthday',
      'contactPersons.counterpartyId',
      'cp.name as counterpartyName',
    ])
    .where((eb) => personVisible(eb, v, { person: 'contactPersons', cp: 'cp' }))
    .where(monthDay, 'in', monthDays)
    .orderBy(monthDay)
    .orderBy('contactPersons.nameSearch')
    .orderBy('contactPersons.id')
    .limit(limit)
    .execute();
  return rows as UpcomingRow[];
}
