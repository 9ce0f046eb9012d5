import { Anchor, Button, EmptyState, Group, SimpleGrid, Text } from '@mantine/core';
import { IconFileUpload, IconPlus, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SaleListItem } from '../../../shared/api/sales';
import { DateField } from '../../components/DateFields';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList, type RowCard } from '../../components/ResponsiveList';
import type { Column } from '../../components/VirtualTable';
import { useListParams } from '../../lib/useListParams';
import { CounterpartyPicker } from '../counterparties/CounterpartyPicker';
import { useCounterparty } from '../counterparties/counterparties.queries';
import { Amount } from './Amount';
import { SaleImportDialog } from './SaleImportDialog';
import { useSaleList, type SaleListParams } from './sales.queries';
import { useSaleFormat } from './useSaleFormat';
import './sales.css';

export function useSaleColumns(opts: { hideCustomer?: boolean } = {}): Column<SaleListItem>[] {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const cols: Column<SaleListItem>[] = [
    { key: 'number', header: t('sales.number'), width: 70, render: (s) => String(s.number) },
    { key: 'date', header: t('sales.date'), width: 104, render: (s) => f.day(s.date) },
    { key: 'customer', header: t('sales.customer'), minWidth: 200, wrap: true, render: (s) => s.counterpartyName },
    {
      key: 'order',
      header: t('sales.orderNumber'),
      width: 96,
      render: (s) =>
        s.orderId ? (
          <Anchor component={Link} to={`/orders/${s.orderId}`} size="sm" onClick={(e) => e.stopPropagation()}>
            {s.orderNumber ?? ''}
          </Anchor>
        ) : (
          ''
        ),
    },
    { key: 'revenue', header: t('sales.revenue'), width: 140, render: (s) => <Amount testId="sale-revenue">{f.money(s.revenue)}</Amount> },
    { key: 'cost', header: t('sales.cost'), width: 140, render: (s) => <Amount>{f.money(s.cost)}</Amount> },
    { key: 'grossProfit', header: t('sales.grossProfit'), width: 140, render: (s) => <Amount>{f.money(s.grossProfit)}</Amount> },
  ];
  return cols.filter((c) => !(opts.hideCustomer && c.key === 'customer'));
}

export function useSaleCard(): (s: SaleListItem) => RowCard {
  const { t } = useTranslation();
  const f = useSaleFormat();
  return (s) => ({
    title: s.counterpartyName,
    facts: [
      [`№ ${s.number}`, f.day(s.date), s.orderNumber ? t('sales.basedOnOrder', { number: s.orderNumber }) : null]
        .filter(Boolean)
        .join(' · '),
      `${t('sales.revenue')}: ${f.money(s.revenue)} · ${t('sales.grossProfit')}: ${f.money(s.grossProfit)}`,
    ],
  });
}

/** «Реализации товаров и услуг»: the shipments, newest first, with a period and a customer to narrow them. */
export function SaleListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lp = useListParams({});
  const [importOpen, setImportOpen] = useState(false);
  const opt = (k: string) => lp.get(k) || undefined;
  const params: SaleListParams = { from: opt('from'), to: opt('to'), counterpartyId: opt('counterpartyId') };
  // The name of the customer in the address is read from the server (the address holds only the id).
  const counterparty = useCounterparty(params.counterpartyId);
  const list = useSaleList(params);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useSaleColumns();
  const card = useSaleCard();
  const filtered = !!(params.from || params.to || params.counterpartyId);
  const newUrl = params.counterpartyId ? `/sales/new?counterpartyId=${encodeURIComponent(params.counterpartyId)}` : '/sales/new';

  return (
    <>
      <PageHeader title={t('sales.title')}>
        <Button
          variant="light"
          leftSection={<IconFileUpload size={16} />}
          onClick={() => setImportOpen(true)}
          data-testid="sales-import-open"
        >
          {t('sales.import.open')}
        </Button>
        <Button component={Link} to={newUrl} leftSection={<IconPlus size={16} />} data-testid="sale-create">
          {t('sales.new')}
        </Button>
      </PageHeader>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md" data-testid="sales-filters">
        <DateField
          label={t('sales.filters.from')}
          value={lp.get('from')}
          onChange={(v) => lp.set('from', v)}
          testId="sales-from"
          clearable
        />
        <DateField label={t('sales.filters.to')} value={lp.get('to')} onChange={(v) => lp.set('to', v)} testId="sales-to" clearable />
        <div style={{ gridColumn: 'span 2' }}>
          <CounterpartyPicker
            label={t('sales.customer')}
            value={params.counterpartyId ?? null}
            valueLabel={counterparty.data?.name ?? null}
            key={`cp-${counterparty.data?.id ?? ''}`}
            placeholder={t('sales.filters.any')}
            testId="sales-counterparty"
            onChange={(id) => lp.set('counterpartyId', id ?? '')}
          />
        </div>
      </SimpleGrid>
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 ? (
        <EmptyState
          mt="xl"
          icon={<IconReceipt size={32} />}
          title={filtered ? t('common.nothingFound') : t('sales.emptyTitle')}
          description={filtered ? t('common.nothingFoundHint') : t('sales.emptyHint')}
          data-testid="sales-empty"
        />
      ) : (
        <ResponsiveList
          rows={rows}
          columns={columns}
          card={card}
          rowKey={(s) => s.id}
          onRowClick={(s) => navigate(`/sales/${s.id}`)}
          hasMore={list.hasNextPage}
          stale={list.isPlaceholderData}
          loadingMore={list.isFetchingNextPage || list.isPending}
          onLoadMore={() => void list.fetchNextPage()}
          height="calc(100vh - 280px)"
          testId="sales-table"
          rowTestId="sale-row"
          footer={
            <Group gap="xs">
              <Text size="xs" c="dimmed" data-testid="list-count">
                {t(list.hasNextPage ? 'common.loadedMore' : 'common.loaded', { count: rows.length })}
              </Text>
            </Group>
          }
        />
      )}
      <SaleImportDialog opened={importOpen} onClose={() => setImportOpen(false)} />
    </>
  );
}
