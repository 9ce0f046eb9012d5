import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderState } from '../../../shared/api/orders';

export const ORDER_STATES: readonly OrderState[] = ['draft', 'confirmed', 'shipped', 'cancelled'];

const COLORS: Record<OrderState, string> = { draft: 'gray', confirmed: 'blue', shipped: 'green', cancelled: 'red' };

/** «Черновик», «Проведён», «Отгружен», «Отменён». */
export function OrderStateBadge({ state, size }: { state: OrderState; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light" size={size} data-testid="order-state" data-state={state}>
      {t(`orders.states.${state}`)}
    </Badge>
  );
}

/** Shipped and cancelled orders are history: their fields are shown, not edited. */
export const isOrderEditable = (state: OrderState | undefined) => state === undefined || state === 'draft' || state === 'confirmed';
