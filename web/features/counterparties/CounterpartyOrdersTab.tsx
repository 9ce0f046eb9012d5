import { Anchor, Badge, Box, Button, Center, EmptyState, Group, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { usePhone } from '../../lib/usePhone';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Counterparty } from '../../../shared/api/counterparties';
import type { OrderState } from '../../../shared/api/orders';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Amount } from '../sales/Amount';
import { useSaleFormat } from '../sales/useSaleFormat';
import { TradeFigures } from './TradeFigures';
import { useCounterpartyOrderTotals, useCounterpartyOrders } from './counterparty-trade.queries';

const STATE_COLOR: Record<OrderState, string> = { draft: 'gray', confirmed: 'blue', shipped: 'teal', cancelled: 'red' };

/** «Заказы» of one customer: how many, their sum and what is still to ship, then the orders themselves. */
export function CounterpartyOrdersTab({ counterparty }: { counterparty: Counterparty }) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const phone = usePhone();
  const totals = useCounterpartyOrderTotals(counterparty.id);
  const list = useCounterpartyOrders(counterparty.id);
  const orders = list.data?.pages.flatMap((p) => p.items) ?? [];
  const newUrl = `/orders/new?counterpartyId=${encodeURIComponent(counterparty.id)}`;

  return (
    <Stack gap="sm" data-testid="counterparty-orders">
      <Group>
        <Button component={Link} to={newUrl} leftSection={<IconPlus size={16} />} variant="light" data-testid="counterparty-new-order">
          {t('sales.tabs.newOrder')}
        </Button>
      </Group>
      {totals.isError && <ErrorPanel error={totals.error} onRetry={() => void totals.refetch()} />}
      {totals.data && (
        <TradeFigures
          testId="counterparty-orders-totals"
          items={[
            { label: t('sales.tabs.ordersCount'), value: String(totals.data.count), testId: 'orders-total-count' },
            { label: t('sales.tabs.ordersTotal'), value: f.money(totals.data.total), testId: 'orders-total-sum' },
            { label: t('sales.tabs.toShip'), value: f.money(totals.data.toShip), testId: 'orders-total-to-ship' },
          ]}
        />
      )}
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending ? (
        <Center p="lg">
          <Loader size="sm" />
        </Center>
      ) : orders.length === 0 ? (
        <EmptyState
          icon={<IconClipboardList size={28} />}
          title={t('sales.tabs.noOrders')}
          size="sm"
          data-testid="counterparty-orders-empty"
        />
      ) : phone ? (
        <Stack gap={0}>
          {orders.map((o) => (
            <Box key={o.id} py={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} data-testid="counterparty-order-row">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/orders/${o.id}`} size="sm" fw={600}>
                  {t('sales.orderTitle', { number: o.number })}
                </Anchor>
                <Badge variant="light" color={STATE_COLOR[o.state]} style={{ flexShrink: 0 }}>
                  {t(`sales.tabs.orderStates.${o.state}`)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {f.day(o.date)} · {t('sales.tabs.sum')}: {f.money(o.total)}
              </Text>
            </Box>
          ))}
        </Stack>
      ) : (
        <ScrollArea type="auto">
          <Table highlightOnHover miw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sales.tabs.order')}</Table.Th>
                <Table.Th>{t('sales.date')}</Table.Th>
                <Table.Th>{t('sales.tabs.state')}</Table.Th>
                <Table.Th ta="right">{t('sales.tabs.sum')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.map((o) => (
                <Table.Tr key={o.id} data-testid="counterparty-order-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/orders/${o.id}`} size="sm">
                      {t('sales.orderTitle', { number: o.number })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{f.day(o.date)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATE_COLOR[o.state]}>
                      {t(`sales.tabs.orderStates.${o.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Amount>{f.money(o.total)}</Amount>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="subtle" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
