import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../shared/api/users';
import { api, ApiError } from '../../api/client';
import { keys } from '../../api/keys';
import { currentLanguage } from '../../i18n';
import { leaveThen } from '../../lib/leaveGuard';

interface Credentials {
  email: string;
  password: string;
}

export function useSetupStatus() {
  return useQuery({ queryKey: keys.setup, queryFn: () => api.get<{ needsSetup: boolean }>('/api/setup'), staleTime: Infinity });
}

/** The signed-in user, or null when nobody is signed in (401 is an answer here, not an error). */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: keys.me,
    enabled,
    staleTime: 60_000,
    queryFn: async (): Promise<User | null> => {
      try {
        return await api.get<User>('/api/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
  });
}

export function useSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Credentials & { name: string }) => {
      const user = await api.post<User>('/api/setup', body);
      // Setup takes no language: keep the one the administrator chose on the setup page.
      const language = currentLanguage();
      return user.language === language ? user : api.patch<User>('/api/me/settings', { language });
    },
    onSuccess: (user) => {
      qc.setQueryData(keys.setup, { needsSetup: false });
      qc.setQueryData(keys.me, user);
    },
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Credentials) => api.post<User>('/api/auth/login', body),
    onSuccess: (user) => qc.setQueryData(keys.me, user),
  });
}

/** Signing out; a card with unsaved changes asks first whether to save them (see lib/leaveGuard). */
export function useLogout() {
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => api.post<{ ok: boolean }>('/api/auth/logout', {}),
    onSettled: () => {
      // Nothing of the previous user's data may stay in the cache.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup' });
      qc.setQueryData(keys.me, null);
    },
  });
  return { ...m, mutate: () => leaveThen(() => m.mutate()) };
}
