import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { isAdmin } from '../../lib/actor.js';
import { forbidden, invalid } from '../../errors.js';
import type { Settings, SettingsPatch } from '../../../shared/api/settings.js';
import { assertPhoneRegion, assertTimeZone, mergeSettings } from './settings.logic.js';
import * as repo from './settings.repo.js';
import { userExists } from '../users/users.repo.js';

export async function getSettings(deps: Pick<Deps, 'db'>): Promise<Settings> {
  return mergeSettings(await repo.readAll(deps.db));
}

export async function getSettingsAsAdmin(deps: Deps, actor: Actor): Promise<Settings> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can view the settings');
  return getSettings(deps);
}

export async function updateSettings(deps: Deps, actor: Actor, patch: SettingsPatch): Promise<Settings> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can change the settings');
  if (patch.timeZone !== undefined) assertTimeZone('timeZone', patch.timeZone);
  if (patch.defaultPhoneRegion !== undefined) assertPhoneRegion('defaultPhoneRegion', patch.defaultPhoneRegion);
  if (patch.scheduledJobsUserId && !(await userExists(deps.db, patch.scheduledJobsUserId))) {
    throw invalid('scheduledJobsUserId', 'no such active user', 'user_not_found');
  }
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) await repo.upsert(trx, key, JSON.stringify(value), at, actor.id);
    }
  });
  return getSettings(deps);
}
