import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobStatus, JobStatusList } from '../../../shared/api/scheduler';
import { api } from '../../api/client';

const schedulerKeys = { jobs: ['scheduler', 'jobs'] as const };

/** «Регламентные задания» with their last and next runs; refreshed every 5 s while the page is open. */
export function useJobs() {
  return useQuery({
    queryKey: schedulerKeys.jobs,
    queryFn: () => api.get<JobStatusList>('/api/scheduler/jobs'),
    select: (d) => d.items,
    refetchInterval: 5_000,
    staleTime: 0,
  });
}

export function useRunJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<JobStatus>(`/api/scheduler/jobs/${encodeURIComponent(name)}/run`, {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: schedulerKeys.jobs });
      // A run may have created tasks (birthdays).
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
