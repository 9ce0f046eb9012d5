import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { addDays, zonedDayStart, zonedToday } from '../../lib/time.js';
import type { UpcomingBirthday, UpcomingBirthdays } from '../../../shared/api/birthdays.js';
import { getSettings } from '../settings/settings.service.js';
import { SEES_ALL, visibilityFor, visibilityOf } from '../access/access.service.js';
import { fullNameOf } from '../../lib/names.js';
import { createGenerated, type NewTask } from '../tasks/task-creation.service.js';
import { languagesOfUsers } from '../users/users.service.js';
import { sendTaskReminders } from '../mail/mail.service.js';
import {
  assigneesOf,
  byYear,
  datesFrom,
  daysBetween,
  monthDaysOf,
  nextOccurrence,
  reminderKey,
  reminderTitle,
  reminderWindow,
} from './birthdays.logic.js';
import * as repo from './birthdays.repo.js';

/** Persons read per query: bounded memory with a million contact persons. */
const BATCH = 500;
/** Tasks per INSERT: well under the bound-parameter limits of both databases. */
const INSERT_CHUNK = 200;

export interface BirthdayJobResult {
  /** Tasks inserted by this run (0 when an earlier run or another instance already made them). */
  created: number;
  /** Persons whose reminder window is open today. */
  candidates: number;
  /** Of those, persons nobody could be reminded for (no jobs user, no active responsible manager). */
  unassigned: number;
  /** Of those, persons the scheduled-jobs user may not see (visibility limited): not given to them. */
  hidden: number;
  summary: string;
}

async function insertAll(deps: Deps, tasks: (NewTask & { sourceKey: string })[], now: string): Promise<number> {
  let created = 0;
  for (let i = 0; i < tasks.length; i += INSERT_CHUNK) {
    const ids = await createGenerated(deps.db, tasks.slice(i, i + INSERT_CHUNK), now);
    created += ids.length;
    // The insert has committed; only the tasks this run created are mailed, so reruns send nothing.
    await sendTaskReminders(deps, ids, { creation: true });
  }
  return created;
}

/** The scheduled job: creates the birthday tasks whose reminder day has come in the company's time
 * zone. Idempotent (one task per person, year and assignee by a unique key), so any number of runs,
 * restarts or instances create each task once, and a run after an outage back-fills what is still due. */
export async function runBirthdayJob(deps: Deps): Promise<BirthdayJobResult> {
  const s = await getSettings(deps);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const today = zonedToday(now, s.timeZone);
  // A blocked or deleted jobs user gets nothing; the responsible managers may still be reminded.
  const jobsActor = s.scheduledJobsUserId ? await repo.activeJobsUser(deps.db, s.scheduledJobsUserId) : null;
  const jobsUser = jobsActor?.id ?? null;
  // The jobs user gets only persons they may see: a task's title names the person and counterparty.
  const jobsVisibility = jobsActor ? visibilityOf(s, jobsActor) : SEES_ALL;
  if (!jobsUser && !s.birthdayRemindResponsible) {
    return {
      created: 0,
      candidates: 0,
      unassigned: 0,
      hidden: 0,
      summary: 'Nothing created: no active scheduled-jobs user is set and reminding responsible managers is off',
    };
  }

  const languages = await languagesOfUsers(deps.db);
  let created = 0;
  let candidates = 0;
  let unassigned = 0;
  let hidden = 0;
  for (let n = await repo.nextReminderDays(deps.db, null); n !== null; n = await repo.nextReminderDays(deps.db, n)) {
    // Only birthdays within n days of today can be due: the SQL narrows, reminderWindow decides.
    const monthDays = monthDaysOf(datesFrom(today, n));
    for (let afterId = ''; ;) {
      const rows = await repo.candidates(deps.db, n, monthDays, afterId, BATCH, jobsVisibility);
      const tasks: (NewTask & { sourceKey: string })[] = [];
      for (const p of rows) {
        const w = reminderWindow(p.birthday, n, today);
        if (!w.due) continue;
        candidates++;
        const seen = Number(p.visibleToJobsUser) === 1;
        if (jobsUser && !seen) hidden++;
        const assignees = assigneesOf(seen ? jobsUser : null, p.responsibleUserId, s.birthdayRemindResponsible);
        if (assignees.length === 0) unassigned++;
        for (const assigneeId of assignees) {
          tasks.push({
            title: reminderTitle(fullNameOf(p), p.counterpartyName, w.occurrence, languages.get(assigneeId) ?? 'ru'),
            assigneeId,
            subject: { type: 'contactPerson', id: p.id },
            source: 'birthday',
            sourceKey: reminderKey(p.id, w.occurrence, assigneeId),
            // Due now, so the popup comes on the next reminders tick; to be done by 23:59 of the birthday.
            remindAt: nowIso,
            dueAt: new Date(Date.parse(zonedDayStart(addDays(w.occurrence, 1), s.timeZone)) - 60_000).toISOString(),
          });
        }
      }
      created += await insertAll(deps, tasks, nowIso);
      if (rows.length < BATCH) break;
      afterId = rows[rows.length - 1].id;
    }
  }
  const parts = [`${created} task(s) created`, `${candidates} birthday(s) due`];
  if (hidden) parts.push(`${hidden} not visible to the scheduled-jobs user`);
  if (unassigned) parts.push(`${unassigned} with nobody to remind: set the scheduled-jobs user`);
  return { created, candidates, unassigned, hidden, summary: parts.join('; ') };
}

/** Birthdays from today (in the user's time zone) over the next `days` days, visible to the user. */
export async function upcomingBirthdays(deps: Deps, actor: Actor, days = 30, limit = 100): Promise<UpcomingBirthdays> {
  const v = await visibilityFor(deps, actor);
  const today = zonedToday(deps.clock.now(), actor.timeZone);
  const items: UpcomingBirthday[] = [];
  const seen = new Set<string>();
  let truncated = false;
  // Each calendar-year part sorts by month-day in date order, so a limit cuts the list at the right place.
  for (const part of byYear(datesFrom(today, days - 1))) {
    const rows = await repo.upcoming(deps.db, v, monthDaysOf(part), limit - items.length + 1);
    for (const r of rows) {
      const nextDate = nextOccurrence(r.birthday, today);
      const daysLeft = daysBetween(today, nextDate);
      // A 366-day window can meet the same month-day twice; a person born lately is next year's.
      if (seen.has(r.id) || daysLeft >= days) continue;
      if (items.length === limit) {
        truncated = true;
        break;
      }
      seen.add(r.id);
      items.push({
        contactPersonId: r.id,
        name: fullNameOf(r),
        counterpartyId: r.counterpartyId,
        counterpartyName: r.counterpartyName,
        birthday: r.birthday,
        nextDate,
        daysLeft,
        age: Number(nextDate.slice(0, 4)) - Number(r.birthday.slice(0, 4)),
      });
    }
    if (truncated) break;
  }
  // 28 February and 29 February birthdays fall on one day in non-leap years: order each day by name.
  items.sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name, 'ru'));
  return { items, truncated };
}
