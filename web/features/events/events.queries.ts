import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Event,
  EventCreate,
  EventListQuery,
  EventPatch,
  EventRelated,
  EventReminderAnswer,
  EventUpdate,
} from '../../../shared/api/events';
import type { ContactPerson } from '../../../shared/api/contact-persons';
import { api, type QueryParams } from '../../api/client';
import type { Page } from '../counterparties/counterparties.queries';

export type EventListParams = Omit<EventListQuery, 'limit' | 'cursor'> & QueryParams;

/** Query keys of this feature; every list of events sits under ['events']. */
const eventKeys = {
  all: ['events'] as const,
  list: (params: QueryParams) => ['events', 'list', params] as const,
  one: (id: string) => ['events', 'one', id] as const,
  related: (id: string) => ['events', 'related', id] as const,
  reminder: (id: string) => ['events', 'reminder', id] as const,
  personOptions: (params: QueryParams) => ['contact-persons', 'event-options', params] as const,
};

export function useEventList(params: EventListParams, pageSize = 100, enabled = true) {
  return useInfiniteQuery({
    queryKey: eventKeys.list({ ...params, pageSize }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<Event>>('/api/events', { ...params, limit: pageSize, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEvent(id: string | undefined | null) {
  return useQuery({
    queryKey: eventKeys.one(id ?? ''),
    queryFn: () => api.get<Event>(`/api/events/${id}`),
    enabled: !!id,
  });
}

export function useEventRelated(id: string | undefined) {
  return useQuery({
    queryKey: eventKeys.related(id ?? ''),
    queryFn: () => api.get<EventRelated>(`/api/events/${id}/related`),
    enabled: !!id,
  });
}

function useAfterChange() {
  const qc = useQueryClient();
  return (e: Event) => {
    qc.setQueryData(eventKeys.one(e.id), e);
    void qc.invalidateQueries({ queryKey: ['events', 'list'] });
    void qc.invalidateQueries({ queryKey: ['events', 'related'] });
    void qc.invalidateQueries({ queryKey: ['events', 'reminder'] });
    void qc.invalidateQueries({ queryKey: ['reports'] });
    // A reminder on create becomes a task.
    void qc.invalidateQueries({ queryKey: ['tasks'] });
  };
}

export function useCreateEvent() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (body: EventCreate) => api.post<Event>('/api/events', body), onSuccess: after });
}

export function useUpdateEvent(id: string) {
  const after = useAfterChange();
  return useMutation({ mutationFn: (patch: EventPatch) => api.patch<Event>(`/api/events/${id}`, patch), onSuccess: after });
}

/** The event's open reminder («Напомнить» on a saved event). */
export function useEventReminder(id: string | undefined) {
  return useQuery({
    queryKey: eventKeys.reminder(id ?? ''),
    queryFn: () => api.get<EventReminderAnswer>(`/api/events/${id}/reminder`),
    enabled: !!id,
  });
}

/** Changes only the reminder or the basis of a saved event (the card's other fields are left alone). */
export function useSetEventLinks(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (patch: Pick<EventUpdate, 'reminder' | 'basis'>) => api.patch<Event>(`/api/events/${id}`, patch),
    onSuccess: after,
  });
}

export function useArchiveEvent(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (archive: boolean) => api.post<Event>(`/api/events/${id}/${archive ? 'archive' : 'restore'}`, {}),
    onSuccess: after,
  });
}

/**
 * Contact persons to pick for an event: with a counterparty chosen, its persons and the
 * individuals (people without a counterparty); without one, anyone matching the search.
 */
export function useContactPersonOptions(q: string, counterpartyId: string | null) {
  return useQuery({
    queryKey: eventKeys.personOptions({ q, counterpartyId }),
    queryFn: async () => {
      if (!counterpartyId) return (await api.get<Page<ContactPerson>>('/api/contact-persons', { q, limit: 30 })).items;
      const [own, individuals] = await Promise.all([
        api.get<Page<ContactPerson>>('/api/contact-persons', { q, counterpartyId, limit: 50 }),
        api.get<Page<ContactPerson>>('/api/contact-persons', { q, individuals: true, limit: 20 }),
      ]);
      return [...own.items, ...individuals.items];
    },
    placeholderData: keepPreviousData,
  });
}
