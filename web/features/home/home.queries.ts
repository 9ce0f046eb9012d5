import { useQuery } from '@tanstack/react-query';
import type { UpcomingBirthdays } from '../../../shared/api/birthdays';
import { api } from '../../api/client';

export function useUpcomingBirthdays(days = 30) {
  return useQuery({
    queryKey: ['birthdays', 'upcoming', days],
    queryFn: () => api.get<UpcomingBirthdays>('/api/birthdays/upcoming', { days }),
    staleTime: 5 * 60_000,
  });
}
