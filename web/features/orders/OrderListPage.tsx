import { Button, EmptyState, Group, Select, Text, Tooltip } from '@mantine/core';
import { IconFileInvoice, IconFilterOff, IconLink, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrderListItem, OrderState } from '../../../shared/api/orders';
import { DateField } from '../../components/DateFields';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList, type RowCard } from '../../components/ResponsiveList';
import type { Column } from '../../components/VirtualTable';
import { useListParams } from '../../lib/useListParams';
import { CounterpartyPicker } from '../counterparties/CounterpartyPicker';
import { useCounterparty } from '../counterparties/counterparties.queries';
import { MoneyCell } from '../products/productLabels';
import { decimalText, langOf, plainDate } from './decimalText';
import { ORDER_STATES, OrderStateBadge } from './orderLabels';
import { useOrderList, type OrderListParams } from './orders.queries';

const FILTERS = ['state', 'from', 'to', 'counterpartyId'] as const;

/** «Заказы покупателей»: newest first, filtered by state, period and customer (kept in the URL). */
export function OrderListPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const lp = useListParams({});
  const opt = (k: string) => lp.get(k) || undefined;
  const state = ORDER_STATES.includes(lp.get('state') as OrderState) ? (lp.get('state') as OrderState) : undefined;
  const params: OrderListParams = { state, from: opt('from'), to: opt('to'), counterpartyId: opt('counterpartyId') };
  const list = useOrderList(params);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const counterparty = useCounterparty(params.counterpartyId);
  const filtered = FILTERS.some((k) => lp.get(k));
  const reset = () => setParams(new URLSearchParams(), { replace: true });

  const basisMark = (o: OrderListItem) =>
    o.basis && (
      <Tooltip label={t('orders.basedOnEvent')} withinPortal>
        <IconLink size={16} aria-label={t('orders.basedOnEvent')} role="img" data-testid="order-basis-mark" />
      </Tooltip>
    );
  const columns: Column<OrderListItem>[] = [
    { key: 'number', header: t('orders.number'), width: 76, render: (o) => String(o.number) },
    { key: 'date', header: t('orders.date'), width: 104, render: (o) => plainDate(o.date, lang) },
    {
      key: 'customer',
      header: t('orders.customer'),
      minWidth: 240,
      wrap: true,
      render: (o) => (
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {o.counterpartyName}
        </Text>
      ),
    },
    { key: 'responsible', header: t('orders.responsible'), width: 150, wrap: true, render: (o) => o.responsibleUserName ?? '' },
    { key: 'state', header: t('orders.state'), width: 120, render: (o) => <OrderStateBadge state={o.state} size="sm" /> },
    { key: 'total', header: t('orders.total'), width: 130, render: (o) => <MoneyCell value={o.total} fw={500} /> },
    { key: 'basis', header: t('orders.basisShort'), label: t('orders.basedOnEvent'), width: 60, render: basisMark },
  ];
  const card = (o: OrderListItem): RowCard => ({
    title: o.counterpartyName,
    badges: (
      <>
        {basisMark(o)}
        <OrderStateBadge state={o.state} size="sm" />
      </>
    ),
    facts: [
      `${t('orders.numberShort', { number: o.number })} · ${plainDate(o.date, lang)} · ${decimalText(o.total, lang)}`,
      o.responsibleUserName,
    ],
  });

  return (
    <>
      <PageHeader title={t('orders.title')}>
        <Button component={Link} to="/orders/new" leftSection={<IconPlus size={16} />} data-testid="order-create">
          {t('common.create')}
        </Button>
      </PageHeader>
      <Group mb="sm" gap="sm" wrap="wrap" align="flex-end" data-testid="orders-filters">
        <Select
          label={t('orders.state')}
          placeholder={t('orders.anyState')}
          value={state ?? null}
          clearable
          w={170}
          data={ORDER_STATES.map((s) => ({ value: s, label: t(`orders.states.${s}`) }))}
          onChange={(v) => lp.set('state', v ?? '')}
          data-testid="orders-filter-state"
          comboboxProps={{ withinPortal: true }}
        />
        <DateField
          label={t('orders.from')}
          value={lp.get('from')}
          w={160}
          clearable
          onChange={(v) => lp.set('from', v)}
          testId="orders-filter-from"
        />
        <DateField
          label={t('orders.to')}
          value={lp.get('to')}
          w={160}
          clearable
          onChange={(v) => lp.set('to', v)}
          testId="orders-filter-to"
        />
        <CounterpartyPicker
          label={t('orders.customer')}
          value={params.counterpartyId ?? null}
          valueLabel={counterparty.data?.name ?? null}
          key={`cp-${counterparty.data?.id ?? ''}`}
          placeholder={t('orders.anyCustomer')}
          w={300}
          testId="orders-filter-counterparty"
          onChange={(id) => lp.set('counterpartyId', id ?? '')}
        />
        {filtered && (
          <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={reset} data-testid="orders-filter-reset">
            {t('orders.resetFilters')}
          </Button>
        )}
      </Group>
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 ? (
        <EmptyState
          mt="xl"
          icon={<IconFileInvoice size={32} />}
          title={filtered ? t('common.nothingFound') : t('orders.emptyTitle')}
          description={filtered ? t('common.nothingFoundHint') : t('orders.emptyHint')}
          data-testid="orders-empty"
        />
      ) : (
        <ResponsiveList
          rows={rows}
          columns={columns}
          card={card}
          rowKey={(o) => o.id}
          onRowClick={(o) => navigate(`/orders/${o.id}`)}
          hasMore={list.hasNextPage}
          stale={list.isPlaceholderData}
          loadingMore={list.isFetchingNextPage || list.isPending}
          onLoadMore={() => void list.fetchNextPage()}
          height="calc(100vh - 260px)"
          testId="orders-table"
          rowTestId="order-row"
          footer={
            <Text size="xs" c="dimmed" data-testid="list-count">
              {t(list.hasNextPage ? 'common.loadedMore' : 'common.loaded', { count: rows.length })}
            </Text>
          }
        />
      )}
    </>
  );
}
