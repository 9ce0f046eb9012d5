import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContactPerson, ContactPersonCreate, ContactPersonPatch } from '../../../shared/api/contact-persons';
import { api, type QueryParams } from '../../api/client';
import { keys } from '../../api/keys';
import type { Page } from '../counterparties/counterparties.queries';

export interface ContactPersonListParams extends QueryParams {
  q?: string;
  counterpartyId?: string;
  individuals?: boolean;
  archived?: 'active' | 'archived' | 'all';
}

export function useContactPersonList(params: ContactPersonListParams, pageSize = 100) {
  return useInfiniteQuery({
    queryKey: keys.contactPersons.list({ ...params, pageSize }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<ContactPerson>>('/api/contact-persons', { ...params, limit: pageSize, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useContactPerson(id: string | undefined) {
  return useQuery({
    queryKey: keys.contactPersons.one(id ?? ''),
    queryFn: () => api.get<ContactPerson>(`/api/contact-persons/${id}`),
    enabled: !!id,
  });
}

function useAfterChange() {
  const qc = useQueryClient();
  return (p: ContactPerson) => {
    qc.setQueryData(keys.contactPersons.one(p.id), p);
    void qc.invalidateQueries({ queryKey: ['contact-persons', 'list'] });
  };
}

export function useCreateContactPerson() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (body: ContactPersonCreate) => api.post<ContactPerson>('/api/contact-persons', body),
    onSuccess: after,
  });
}

export function useUpdateContactPerson(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (patch: ContactPersonPatch) => api.patch<ContactPerson>(`/api/contact-persons/${id}`, patch),
    onSuccess: after,
  });
}

export function useArchiveContactPerson(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (archive: boolean) => api.post<ContactPerson>(`/api/contact-persons/${id}/${archive ? 'archive' : 'restore'}`, {}),
    onSuccess: after,
  });
}
