import { Badge, Button, EmptyState, Group, SegmentedControl, Text } from '@mantine/core';
import { IconPackage, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/api/products';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList, type RowCard } from '../../components/ResponsiveList';
import { SearchBox } from '../../components/SearchBox';
import type { Column } from '../../components/VirtualTable';
import { useListParams } from '../../lib/useListParams';
import { decimalText, langOf } from '../orders/decimalText';
import { MoneyCell, vatRateLabel } from './productLabels';
import { useProductList, type ProductListParams } from './products.queries';

type Archived = NonNullable<ProductListParams['archived']>;

/** «Номенклатура»: products searched by SKU or name, paged by the server. */
export function ProductListPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const navigate = useNavigate();
  const lp = useListParams({ archived: 'active' });
  const archived = (['active', 'archived', 'all'].includes(lp.get('archived')) ? lp.get('archived') : 'active') as Archived;
  const list = useProductList({ q: lp.q || undefined, archived });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const archivedBadge = (p: Product) =>
    p.archivedAt && (
      <Badge size="xs" color="gray" variant="light">
        {t('common.archived')}
      </Badge>
    );
  const columns: Column<Product>[] = [
    { key: 'sku', header: t('products.sku'), width: 130, wrap: true, render: (p) => p.sku },
    {
      key: 'name',
      header: t('products.name'),
      minWidth: 240,
      wrap: true,
      render: (p) => (
        <Group gap={6} wrap="nowrap" align="flex-start" title={p.name}>
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {p.name}
          </Text>
          {archivedBadge(p)}
        </Group>
      ),
    },
    { key: 'unit', header: t('products.unitShort'), label: t('products.unit'), width: 80, render: (p) => p.unit },
    { key: 'price', header: t('products.price'), width: 120, render: (p) => <MoneyCell value={p.price} /> },
    { key: 'costPrice', header: t('products.costPrice'), width: 130, render: (p) => <MoneyCell value={p.costPrice} /> },
    { key: 'vatRate', header: t('products.vatRate'), width: 100, render: (p) => vatRateLabel(p.vatRate, t) },
  ];
  const card = (p: Product): RowCard => ({
    title: p.name,
    badges: archivedBadge(p),
    facts: [
      `${t('products.sku')}: ${p.sku}`,
      `${t('products.price')}: ${decimalText(p.price, lang)} · ${t('products.costPrice')}: ${decimalText(p.costPrice, lang)}`,
      `${p.unit} · ${vatRateLabel(p.vatRate, t)}`,
    ],
  });
  const filtered = !!lp.q || archived !== 'active';

  return (
    <>
      <PageHeader title={t('products.title')}>
        <Button component={Link} to="/products/new" leftSection={<IconPlus size={16} />} data-testid="product-create">
          {t('common.create')}
        </Button>
      </PageHeader>
      <Group mb="sm" gap="md" wrap="wrap">
        <SearchBox value={lp.search} onChange={lp.setSearch} placeholder={t('products.searchPlaceholder')} testId="product-search" />
        <SegmentedControl
          value={archived}
          onChange={(v) => lp.set('archived', v)}
          data-testid="product-archived-filter"
          data={[
            { value: 'active', label: t('filters.active') },
            { value: 'archived', label: t('filters.archived') },
            { value: 'all', label: t('filters.all') },
          ]}
        />
      </Group>
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 ? (
        <EmptyState
          mt="xl"
          icon={<IconPackage size={32} />}
          title={filtered ? t('common.nothingFound') : t('products.emptyTitle')}
          description={filtered ? t('common.nothingFoundHint') : t('products.emptyHint')}
          data-testid="product-empty"
        />
      ) : (
        <ResponsiveList
          rows={rows}
          columns={columns}
          card={card}
          rowKey={(p) => p.id}
          onRowClick={(p) => navigate(`/products/${p.id}`)}
          hasMore={list.hasNextPage}
          stale={list.isPlaceholderData}
          loadingMore={list.isFetchingNextPage || list.isPending}
          onLoadMore={() => void list.fetchNextPage()}
          testId="product-table"
          rowTestId="product-row"
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
