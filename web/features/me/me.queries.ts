import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeSettingsPatch, TokenInfo, User } from '../../../shared/api/users';
import { api } from '../../api/client';
import { keys } from '../../api/keys';

export function useUpdateMySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: MeSettingsPatch) => api.patch<User>('/api/me/settings', patch),
    onSuccess: (user) => qc.setQueryData(keys.me, user),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<{ ok: boolean }>('/api/me/password', body),
  });
}

export function useTokens() {
  return useQuery({ queryKey: keys.tokens, queryFn: () => api.get<{ items: TokenInfo[] }>('/api/me/tokens'), select: (d) => d.items });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<{ id: string; name: string; token: string }>('/api/me/tokens', { name }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: boolean }>(`/api/me/tokens/${id}/revoke`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}
