import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import type { InfoSource as InfoSourceSchema } from '../../../shared/api/events';
import { api } from '../../api/client';

export type InfoSource = Static<typeof InfoSourceSchema>;

const infoSourceKeys = { all: ['info-sources'] as const };

/** «Источники информации при обращении», archived ones included (pickers hide them). */
export function useInfoSources() {
  return useQuery({
    queryKey: infoSourceKeys.all,
    queryFn: () => api.get<{ items: InfoSource[] }>('/api/info-sources'),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

function useAfter() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: infoSourceKeys.all });
  };
}

export function useCreateInfoSource() {
  const after = useAfter();
  return useMutation({ mutationFn: (name: string) => api.post<InfoSource>('/api/info-sources', { name }), onSuccess: after });
}

export function useUpdateInfoSource() {
  const after = useAfter();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: { name?: string; archived?: boolean } }) =>
      api.patch<InfoSource>(`/api/info-sources/${id}`, patch),
    onSuccess: after,
  });
}
