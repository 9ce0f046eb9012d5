import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Order, OrderCreate, OrderListItem, OrderListQuery, OrderPatch, OrderTotals } from '../../../shared/api/orders';
import type { Sale } from '../../../shared/api/sales';
import { api, type QueryParams } from '../../api/client';
import { keys } from '../../api/keys';
import type { Page } from '../counterparties/counterparties.queries';

export type OrderListParams = Omit<OrderListQuery, 'limit' | 'cursor'> & QueryParams;

export function useOrderList(params: OrderListParams, pageSize = 100) {
  return useInfiniteQuery({
    queryKey: keys.orders.list({ ...params, pageSize }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<OrderListItem>>('/api/orders', { ...params, limit: pageSize, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useOrderTotals(counterpartyId: string | undefined) {
  return useQuery({
    queryKey: keys.orders.totals({ counterpartyId }),
    queryFn: () => api.get<OrderTotals>('/api/orders/totals', { counterpartyId }),
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: keys.orders.one(id ?? ''),
    queryFn: () => api.get<Order>(`/api/orders/${id}`),
    enabled: !!id,
  });
}

/** What an order's change touches elsewhere: lists, totals, the basis event's related documents, sales. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['orders', 'list'] });
    void qc.invalidateQueries({ queryKey: ['orders', 'totals'] });
    void qc.invalidateQueries({ queryKey: ['events', 'related'] });
  };
}

function useAfterChange() {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return (o: Order) => {
    qc.setQueryData(keys.orders.one(o.id), o);
    invalidate();
  };
}

export function useCreateOrder() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (body: OrderCreate) => api.post<Order>('/api/orders', body), onSuccess: after });
}

export function useUpdateOrder(id: string) {
  const after = useAfterChange();
  return useMutation({ mutationFn: (patch: OrderPatch) => api.patch<Order>(`/api/orders/${id}`, patch), onSuccess: after });
}

export type OrderAction = 'confirm' | 'cancel';

/** «Провести» and «Отменить»: the server answers with the order in its new state. */
export function useOrderAction(id: string) {
  const after = useAfterChange();
  return useMutation({ mutationFn: (action: OrderAction) => api.post<Order>(`/api/orders/${id}/${action}`, {}), onSuccess: after });
}

/** «Отгрузить»: creates the sale (201 with it); the order is read again for its new state and link. */
export function useShipOrder(id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<Sale>(`/api/orders/${id}/ship`, {}),
    onSuccess: async () => {
      invalidate();
      void qc.invalidateQueries({ queryKey: keys.sales.all });
      await qc.invalidateQueries({ queryKey: keys.orders.one(id) });
    },
  });
}

/** The printed form's address (a new tab shows or downloads it with the session cookie). */
export const printUrl = (id: string, format: 'pdf' | 'html') => `/api/orders/${encodeURIComponent(id)}/print?format=${format}`;
