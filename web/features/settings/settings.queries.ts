import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings, SettingsPatch } from '../../../shared/api/settings';
import { api } from '../../api/client';
import { keys } from '../../api/keys';

export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => api.get<Settings>('/api/settings') });
}

export function useUpdateSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => api.patch<Settings>('/api/settings', patch),
    onSuccess: (s) => qc.setQueryData(keys.settings, s),
  });
}
