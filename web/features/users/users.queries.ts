import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate, UserPatch, UserRef } from '../../../shared/api/users';
import { api } from '../../api/client';
import { keys } from '../../api/keys';

/** Names of all users for pickers such as «Ответственный». */
export function useUserRefs() {
  return useQuery({
    queryKey: keys.userRefs,
    queryFn: () => api.get<{ items: UserRef[] }>('/api/user-refs'),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

/** All users for the admin's page: the list is paged like the others, so follow the cursor. */
export function useUsers() {
  return useQuery({
    queryKey: keys.users,
    queryFn: async () => {
      const all: User[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: User[]; nextCursor: string | null } = await api.get('/api/users', { limit: 500, cursor });
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<User>('/api/users', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.users });
      void qc.invalidateQueries({ queryKey: keys.userRefs });
    },
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => api.patch<User>(`/api/users/${id}`, patch),
    onSuccess: (user) => {
      void qc.invalidateQueries({ queryKey: keys.users });
      void qc.invalidateQueries({ queryKey: keys.userRefs });
      const me = qc.getQueryData<User | null>(keys.me);
      if (me && me.id === user.id) qc.setQueryData(keys.me, user);
    },
  });
}
