import type { Deps } from '../../deps.js';
import { isAdmin, type Actor } from '../../lib/actor.js';
import { getSettings } from '../settings/settings.service.js';
import { SEES_ALL, visibilityOf, type Visibility } from './access.logic.js';

export { SEES_ALL, seesCounterparty, visibilityOf, type Visibility } from './access.logic.js';

/** The actor's visibility; an administrator needs no settings read. Callers that already hold the
 * settings use `visibilityOf(settings, actor)`: the same rule. */
export async function visibilityFor(deps: Pick<Deps, 'db'>, actor: Actor): Promise<Visibility> {
  return isAdmin(actor) ? SEES_ALL : visibilityOf(await getSettings(deps), actor);
}
