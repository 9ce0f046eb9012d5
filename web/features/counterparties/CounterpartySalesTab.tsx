import { useState } from 'react';
import { Anchor, Box, Button, Center, EmptyState, Group, Loader, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { usePhone } from '../../lib/usePhone';
import { IconPlus, IconReceipt } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Counterparty } from '../../../shared/api/counterparties';
import { DateField } from '../../components/DateFields';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Amount } from '../sales/Amount';
import { useSaleList, useSaleTotals } from '../sales/sales.queries';
import { useSaleFormat } from '../sales/useSaleFormat';
import { TradeFigures } from './TradeFigures';

/** «Продажи» of one customer: revenue, cost and gross profit for all time or a period, then the sales. */
export function CounterpartySalesTab({ counterparty }: { counterparty: Counterparty }) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const phone = usePhone();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const period = { counterpartyId: counterparty.id, from: from || undefined, to: to || undefined };
  const totals = useSaleTotals(period);
  const list = useSaleList(period, 50);
  const sales = list.data?.pages.flatMap((p) => p.items) ?? [];
  const newUrl = `/sales/new?counterpartyId=${encodeURIComponent(counterparty.id)}`;

  return (
    <Stack gap="sm" data-testid="counterparty-sales">
      <Group justify="space-between" align="flex-end">
        <SimpleGrid cols={2} spacing="sm">
          <DateField label={t('sales.filters.from')} value={from} onChange={setFrom} testId="counterparty-sales-from" clearable w={170} />
          <DateField label={t('sales.filters.to')} value={to} onChange={setTo} testId="counterparty-sales-to" clearable w={170} />
        </SimpleGrid>
        <Button component={Link} to={newUrl} leftSection={<IconPlus size={16} />} variant="light" data-testid="counterparty-new-sale">
          {t('sales.tabs.newSale')}
        </Button>
      </Group>
      {totals.isError && <ErrorPanel error={totals.error} onRetry={() => void totals.refetch()} />}
      {totals.data && (
        <TradeFigures
          testId="counterparty-sales-totals"
          items={[
            { label: t('sales.revenue'), value: f.money(totals.data.revenue), testId: 'sales-total-revenue' },
            { label: t('sales.cost'), value: f.money(totals.data.cost), testId: 'sales-total-cost' },
            { label: t('sales.grossProfit'), value: f.money(totals.data.grossProfit), testId: 'sales-total-gross-profit' },
          ]}
        />
      )}
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending ? (
        <Center p="lg">
          <Loader size="sm" />
        </Center>
      ) : sales.length === 0 ? (
        <EmptyState
          icon={<IconReceipt size={28} />}
          title={from || to ? t('sales.tabs.noSalesInPeriod') : t('sales.tabs.noSales')}
          size="sm"
          data-testid="counterparty-sales-empty"
        />
      ) : phone ? (
        <Stack gap={0}>
          {sales.map((s) => (
            <Box key={s.id} py={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} data-testid="counterparty-sale-row">
              <Anchor component={Link} to={`/sales/${s.id}`} size="sm" fw={600}>
                {t('sales.saleTitle', { number: s.number })}
              </Anchor>
              <Text size="sm" c="dimmed">
                {[f.day(s.date), s.orderNumber ? t('sales.basedOnOrder', { number: s.orderNumber }) : null].filter(Boolean).join(' · ')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('sales.revenue')}: {f.money(s.revenue)} · {t('sales.grossProfit')}: {f.money(s.grossProfit)}
              </Text>
            </Box>
          ))}
        </Stack>
      ) : (
        <ScrollArea type="auto">
          <Table highlightOnHover miw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sales.tabs.sale')}</Table.Th>
                <Table.Th>{t('sales.date')}</Table.Th>
                <Table.Th>{t('sales.orderNumber')}</Table.Th>
                <Table.Th ta="right">{t('sales.revenue')}</Table.Th>
                <Table.Th ta="right">{t('sales.cost')}</Table.Th>
                <Table.Th ta="right">{t('sales.grossProfit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sales.map((s) => (
                <Table.Tr key={s.id} data-testid="counterparty-sale-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/sales/${s.id}`} size="sm">
                      {t('sales.saleTitle', { number: s.number })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{f.day(s.date)}</Table.Td>
                  <Table.Td>
                    {s.orderId && (
                      <Anchor component={Link} to={`/orders/${s.orderId}`} size="sm">
                        {s.orderNumber ?? ''}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Amount>{f.money(s.revenue)}</Amount>
                  </Table.Td>
                  <Table.Td>
                    <Amount>{f.money(s.cost)}</Amount>
                  </Table.Td>
                  <Table.Td>
                    <Amount>{f.money(s.grossProfit)}</Amount>
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
