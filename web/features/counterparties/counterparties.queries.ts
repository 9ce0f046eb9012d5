import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Counterparty, CounterpartyCreate, CounterpartyPatch } from '../../../shared/api/counterparties';
import { api, type QueryParams } from '../../api/client';
import { keys } from '../../api/keys';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CounterpartyListParams extends QueryParams {
  q?: string;
  sort?: string;
  archived?: 'active' | 'archived' | 'all';
  responsibleUserId?: string;
  abcClass?: 'A' | 'B' | 'C' | 'none';
}

const PAGE_SIZE = 100;

export function useCounterpartyList(params: CounterpartyListParams) {
  return useInfiniteQuery({
    queryKey: keys.counterparties.list(params),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<Counterparty>>('/api/counterparties', { ...params, limit: PAGE_SIZE, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** A short list for the counterparty picker; the server searches name, INN, phones and e-mails. */
export function useCounterpartyOptions(q: string) {
  return useQuery({
    queryKey: keys.counterparties.options(q),
    queryFn: () => api.get<Page<Counterparty>>('/api/counterparties', { q, limit: 20 }),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
  });
}

export function useCounterparty(id: string | undefined) {
  return useQuery({
    queryKey: keys.counterparties.one(id ?? ''),
    queryFn: () => api.get<Counterparty>(`/api/counterparties/${id}`),
    enabled: !!id,
  });
}

function useAfterChange() {
  const qc = useQueryClient();
  return (c: Counterparty) => {
    qc.setQueryData(keys.counterparties.one(c.id), c);
    void qc.invalidateQueries({ queryKey: ['counterparties', 'list'] });
    void qc.invalidateQueries({ queryKey: ['counterparties', 'options'] });
    void qc.invalidateQueries({ queryKey: keys.contactPersons.all });
  };
}

export function useCreateCounterparty() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (body: CounterpartyCreate) => api.post<Counterparty>('/api/counterparties', body), onSuccess: after });
}

export function useUpdateCounterparty(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (patch: CounterpartyPatch) => api.patch<Counterparty>(`/api/counterparties/${id}`, patch),
    onSuccess: after,
  });
}

export function useArchiveCounterparty(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (archive: boolean) => api.post<Counterparty>(`/api/counterparties/${id}/${archive ? 'archive' : 'restore'}`, {}),
    onSuccess: after,
  });
}
