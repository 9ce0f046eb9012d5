import type { User } from '../../../shared/api/users';
import { resolveTimeZone } from '../../lib/zonedTime';
import { useMe } from './auth.queries';

/**
 * The signed-in user as App already loaded it (this never asks the server itself), and the time
 * zone every date and time on screen is shown and entered in.
 */
export function useCurrentUser(): { user: User | null; timeZone: string } {
  const user = useMe(false).data ?? null;
  return { user, timeZone: resolveTimeZone(user?.timeZone) };
}
