import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { OrderListItem, OrderTotals } from '../../../shared/api/orders';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import type { Page } from './counterparties.queries';

/** One counterparty's customer orders, newest first (the card's «Заказы» tab). */
export function useCounterpartyOrders(counterpartyId: string, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: keys.counterpartyOrders.list({ counterpartyId, pageSize }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<OrderListItem>>('/api/orders', { counterpartyId, limit: pageSize, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useCounterpartyOrderTotals(counterpartyId: string) {
  return useQuery({
    queryKey: keys.counterpartyOrders.totals({ counterpartyId }),
    queryFn: () => api.get<OrderTotals>('/api/orders/totals', { counterpartyId }),
  });
}
