import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Product } from '../../../shared/api/products';
import type { Sale, SaleCreate, SaleImportResult, SaleListItem, SaleListQuery, SaleTotals } from '../../../shared/api/sales';
import type { ErrorBody } from '../../../shared/api/common';
import { ApiError, api, type QueryParams } from '../../api/client';
import { keys } from '../../api/keys';
import type { Page } from '../counterparties/counterparties.queries';

export type SaleListParams = Omit<SaleListQuery, 'limit' | 'cursor'> & QueryParams;

export function useSaleList(params: SaleListParams, pageSize = 100, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.sales.list({ ...params, pageSize }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<SaleListItem>>('/api/sales', { ...params, limit: pageSize, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSale(id: string | undefined) {
  return useQuery({ queryKey: keys.sales.one(id ?? ''), queryFn: () => api.get<Sale>(`/api/sales/${id}`), enabled: !!id });
}

export function useSaleTotals(params: { counterpartyId?: string; from?: string; to?: string }) {
  return useQuery({
    queryKey: keys.sales.totals(params),
    queryFn: () => api.get<SaleTotals>('/api/sales/totals', params),
    placeholderData: keepPreviousData,
  });
}

function useAfterSales() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: keys.sales.all });
    void qc.invalidateQueries({ queryKey: ['reports'] });
  };
}

export function useCreateSale() {
  const after = useAfterSales();
  return useMutation({ mutationFn: (body: SaleCreate) => api.post<Sale>('/api/sales', body), onSuccess: after });
}

/** Sends a CSV file as it is (`text/csv`), reporting the upload's progress from 0 to 1. */
export function uploadSalesCsv(file: Blob, onProgress: (share: number) => void): Promise<SaleImportResult> {
  return new Promise((resolve, reject) => {
    // XMLHttpRequest, not fetch: only it reports how much of a request body has been sent.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/sales/import');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'Network error'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as SaleImportResult);
      const error = (body as Partial<ErrorBody> | null)?.error;
      if (error && typeof error.code === 'string') return reject(new ApiError(xhr.status, error.code, error.message, error.details ?? []));
      reject(new ApiError(xhr.status, xhr.status >= 500 ? 'internal_error' : 'http_error', xhr.statusText || `HTTP ${xhr.status}`));
    };
    xhr.send(file);
  });
}

export function useImportSales(onProgress: (share: number) => void) {
  const after = useAfterSales();
  return useMutation({ mutationFn: (file: Blob) => uploadSalesCsv(file, onProgress), onSuccess: after });
}

/** Products for a sale line's picker; the server searches SKU and name. */
export function useProductOptions(q: string) {
  return useQuery({
    queryKey: keys.sales.productOptions(q),
    queryFn: async () => (await api.get<Page<Product>>('/api/products', { q, limit: 30 })).items,
    placeholderData: keepPreviousData,
  });
}
