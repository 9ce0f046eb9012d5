import type { Settings } from '../../../shared/api/settings.js';
import { isAdmin, type Actor } from '../../lib/actor.js';

/**
 * Who may see which counterparties: everybody's, or only those the user is responsible for.
 * Everything hanging off a counterparty (contact persons, events, later orders, sales and ABC lines)
 * follows its counterparty; see access.repo.ts for how each kind of record applies it in SQL.
 */
export type Visibility = { all: true } | { all: false; userId: string };

export const SEES_ALL: Visibility = { all: true };

/** Admins see all; managers see all unless the setting limits them to their own counterparties. */
export const visibilityOf = (s: Pick<Settings, 'managersSeeAllCounterparties'>, actor: Actor): Visibility =>
  isAdmin(actor) || s.managersSeeAllCounterparties ? SEES_ALL : { all: false, userId: actor.id };

/** The same rule for a counterparty already read (by its responsible user), without another query. */
export const seesCounterparty = (v: Visibility, responsibleUserId: string | null): boolean => v.all || responsibleUserId === v.userId;
