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

export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: () => api.get<{ items: User[] }>('/api/users'), select: (d) => d.items });
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
