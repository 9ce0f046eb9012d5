import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AbcClassification,
  AbcClassificationCreate,
  AbcClassificationListItem,
  AbcClassificationListQuery,
  AbcClassificationPatch,
  AbcHistory,
  AbcLine,
  AbcLinesQuery,
} from '../../../shared/api/abc';
import type { Settings } from '../../../shared/api/settings';
import { api, type QueryParams } from '../../api/client';
import { keys } from '../../api/keys';
import type { Page } from '../counterparties/counterparties.queries';

const URL = '/api/abc-classifications';

export type AbcListParams = Omit<AbcClassificationListQuery, 'limit' | 'cursor'> & QueryParams;
export type AbcLinesParams = Omit<AbcLinesQuery, 'limit' | 'cursor'> & QueryParams;

export function useAbcList(params: AbcListParams, pageSize = 100) {
  return useInfiniteQuery({
    queryKey: keys.abc.list({ ...params, pageSize }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<AbcClassificationListItem>>(URL, { ...params, limit: pageSize, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useAbcClassification(id: string | undefined) {
  return useQuery({ queryKey: keys.abc.one(id ?? ''), queryFn: () => api.get<AbcClassification>(`${URL}/${id}`), enabled: !!id });
}

/** The distribution, paged from the server: only the rows in view are drawn, the next page on scroll. */
export function useAbcLines(id: string | undefined, params: AbcLinesParams, pageSize = 200) {
  return useInfiniteQuery({
    queryKey: keys.abc.lines(id ?? '', { ...params, pageSize }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<AbcLine>>(`${URL}/${id}/lines`, { ...params, limit: pageSize, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled: !!id,
  });
}

/** The basis and percents a new document starts with (the settings are an administrator's to read). */
export function useAbcDefaults(enabled: boolean) {
  return useQuery({ queryKey: keys.settings, queryFn: () => api.get<Settings>('/api/settings'), enabled });
}

export function useAbcHistory(counterpartyId: string) {
  return useQuery({
    queryKey: keys.abc.history(counterpartyId),
    queryFn: () => api.get<AbcHistory>(`/api/counterparties/${counterpartyId}/abc-history`),
  });
}

/** A classification's change reaches its lines, the lists, the counterparties' classes and the reports. */
function useAfterChange() {
  const qc = useQueryClient();
  return (c: AbcClassification) => {
    qc.setQueryData(keys.abc.one(c.id), c);
    void qc.invalidateQueries({ queryKey: ['abc', 'list'] });
    void qc.invalidateQueries({ queryKey: ['abc', 'lines', c.id] });
    void qc.invalidateQueries({ queryKey: ['abc', 'history'] });
    void qc.invalidateQueries({ queryKey: keys.counterparties.all });
    void qc.invalidateQueries({ queryKey: ['reports'] });
  };
}

export function useCreateAbc() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (body: AbcClassificationCreate) => api.post<AbcClassification>(URL, body), onSuccess: after });
}

export function useUpdateAbc(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (patch: AbcClassificationPatch) => api.patch<AbcClassification>(`${URL}/${id}`, patch),
    onSuccess: after,
  });
}

export type AbcAction = 'fill' | 'apply' | 'cancel';

/** «Заполнить», «Провести»/«Перераспределить» and «Отменить проведение»: the server answers with the document. */
export function useAbcAction(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (action: AbcAction) => api.post<AbcClassification>(`${URL}/${id}/${action}`, {}),
    onSuccess: after,
  });
}
