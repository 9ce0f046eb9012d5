import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Product, ProductCreate, ProductListQuery, ProductPatch } from '../../../shared/api/products';
import { api, type QueryParams } from '../../api/client';
import { keys } from '../../api/keys';
import type { Page } from '../counterparties/counterparties.queries';

export type ProductListParams = Omit<ProductListQuery, 'limit' | 'cursor'> & QueryParams;

const PAGE_SIZE = 100;

export function useProductList(params: ProductListParams) {
  return useInfiniteQuery({
    queryKey: keys.products.list(params),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<Product>>('/api/products', { ...params, limit: PAGE_SIZE, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** A short list for the product picker of an order line: the server searches SKU and name. */
export function useProductOptions(q: string) {
  return useQuery({
    queryKey: keys.products.options(q),
    queryFn: () => api.get<Page<Product>>('/api/products', { q, limit: 30, archived: 'active' }),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
  });
}

export function useProduct(id: string | undefined) {
  return useQuery({
    queryKey: keys.products.one(id ?? ''),
    queryFn: () => api.get<Product>(`/api/products/${id}`),
    enabled: !!id,
  });
}

function useAfterChange() {
  const qc = useQueryClient();
  return (p: Product) => {
    qc.setQueryData(keys.products.one(p.id), p);
    void qc.invalidateQueries({ queryKey: ['products', 'list'] });
    void qc.invalidateQueries({ queryKey: ['products', 'options'] });
  };
}

export function useCreateProduct() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (body: ProductCreate) => api.post<Product>('/api/products', body), onSuccess: after });
}

export function useUpdateProduct(id: string) {
  const after = useAfterChange();
  return useMutation({ mutationFn: (patch: ProductPatch) => api.patch<Product>(`/api/products/${id}`, patch), onSuccess: after });
}

/** true moves the product to the archive, false brings it back. */
export function useArchiveProduct(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (archived: boolean) => api.patch<Product>(`/api/products/${id}`, { archived } satisfies ProductPatch),
    onSuccess: after,
  });
}
