import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { isAdmin } from '../../lib/actor.js';
import { forbidden, invalidMany } from '../../errors.js';
import type { Settings, SettingsPatch } from '../../../shared/api/settings.js';
import { assertTimeZone } from '../../lib/time.js';
import { assertPhoneRegion, mergeSettings, requisitesErrors } from './settings.logic.js';
import * as repo from './settings.repo.js';
import { assertActiveUser } from '../users/users.service.js';
import { classPercentErrors, xyzBoundErrors } from '../abc/abc.logic.js';

const REQUISITES = ['companyInn', 'companyKpp', 'companyBik', 'companyAccount', 'companyCorrAccount'] as const;
const ABC_PERCENTS = ['abcClassAPercent', 'abcClassBPercent', 'abcClassCPercent'] as const;

/**
 * The settings, from memory when cached (deps.caches): most requests need them (visibility, phone
 * region, zone) and they change rarely. An update drops them here and on every instance (pub/sub);
 * the TTL is the safety net. A copy is returned: callers may spread or change it freely.
 */
export async function getSettings(deps: Pick<Deps, 'db' | 'caches'>): Promise<Settings> {
  const caches = deps.caches;
  const hit = caches?.settings.get('settings') as Settings | undefined;
  if (hit) return { ...hit };
  const generation = caches?.generation;
  const settings = mergeSettings(await repo.readAll(deps.db));
  // Not stored when an update came while the query ran: what it read may be the old values.
  if (caches && caches.generation === generation) caches.settings.set('settings', { ...settings });
  return settings;
}

export async function getSettingsAsAdmin(deps: Deps, actor: Actor): Promise<Settings> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can view the settings');
  return getSettings(deps);
}

export async function updateSettings(deps: Deps, actor: Actor, patch: SettingsPatch): Promise<Settings> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can change the settings');
  if (patch.timeZone !== undefined) assertTimeZone('timeZone', patch.timeZone);
  if (patch.defaultPhoneRegion !== undefined) assertPhoneRegion('defaultPhoneRegion', patch.defaultPhoneRegion);
  if (patch.scheduledJobsUserId) await assertActiveUser(deps.db, patch.scheduledJobsUserId, 'scheduledJobsUserId');
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    // The account's key depends on the BIK, so the requisites are checked together, as they will be after the change.
    if (REQUISITES.some((k) => patch[k] !== undefined)) {
      const problems = requisitesErrors({ ...mergeSettings(await repo.readAll(trx)), ...patch });
      if (problems.length > 0) throw invalidMany(problems);
    }
    // The three ABC percents sum to 100 as they will be after the change; so do the XYZ bounds' order.
    if (ABC_PERCENTS.some((k) => patch[k] !== undefined) || patch.xyzXPercent !== undefined || patch.xyzYPercent !== undefined) {
      const s = { ...mergeSettings(await repo.readAll(trx)), ...patch };
      const problems = [
        ...classPercentErrors({ a: s.abcClassAPercent, b: s.abcClassBPercent, c: s.abcClassCPercent }, [...ABC_PERCENTS]),
        ...xyzBoundErrors(s.xyzXPercent, s.xyzYPercent),
      ];
      if (problems.length > 0) throw invalidMany(problems);
    }
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) await repo.upsert(trx, key, JSON.stringify(value), at, actor.id);
    }
  });
  // After the commit, so no request reads the old rows back into memory.
  await deps.caches?.settingsChanged().catch((err) => deps.log.warn({ err }, 'settings cache invalidation not sent'));
  return getSettings(deps);
}
