import { Button, EmptyState, SegmentedControl, Group, Text } from '@mantine/core';
import { IconChartPie, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AbcClassificationListItem } from '../../../shared/api/abc';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList, type RowCard } from '../../components/ResponsiveList';
import type { Column } from '../../components/VirtualTable';
import { useListParams } from '../../lib/useListParams';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useSaleFormat } from '../sales/useSaleFormat';
import { AbcStateBadge } from './abcLabels';
import { useAbcList, type AbcListParams } from './abc.queries';

type StateFilter = '' | 'draft' | 'applied';

/** «ABC-классификации покупателей»: the documents, newest first. */
export function AbcListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const f = useSaleFormat();
  const isAdmin = useCurrentUser().user?.role === 'admin';
  const lp = useListParams({ state: '' });
  const state = (['draft', 'applied'].includes(lp.get('state')) ? lp.get('state') : '') as StateFilter;
  const params: AbcListParams = { state: state || undefined };
  const list = useAbcList(params);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const period = (c: AbcClassificationListItem) => `${f.day(c.periodFrom)} – ${f.day(c.periodTo)}`;

  const columns: Column<AbcClassificationListItem>[] = [
    { key: 'number', header: t('abc.number'), width: 70, render: (c) => String(c.number) },
    { key: 'date', header: t('abc.date'), width: 110, render: (c) => f.day(c.date) },
    { key: 'period', header: t('abc.period'), width: 210, render: period },
    { key: 'basis', header: t('abc.basis'), width: 150, render: (c) => t(`abc.bases.${c.basis}`) },
    { key: 'percents', header: t('abc.percents'), width: 110, render: (c) => `${c.classAPercent}/${c.classBPercent}/${c.classCPercent}` },
    { key: 'customers', header: t('abc.customers'), width: 100, render: (c) => String(c.customerCount) },
    { key: 'state', header: t('abc.state'), width: 120, render: (c) => <AbcStateBadge state={c.state} /> },
    { key: 'responsible', header: t('abc.responsible'), minWidth: 160, wrap: true, render: (c) => c.responsibleUserName ?? '' },
  ];
  const card = (c: AbcClassificationListItem): RowCard => ({
    title: t('abc.docTitle', { number: c.number, date: f.day(c.date) }),
    badges: <AbcStateBadge state={c.state} />,
    facts: [
      `${t('abc.period')}: ${period(c)}`,
      `${t(`abc.bases.${c.basis}`)} · ${c.classAPercent}/${c.classBPercent}/${c.classCPercent}`,
      c.responsibleUserName,
    ],
  });

  return (
    <>
      <PageHeader title={t('abc.listTitle')}>
        {isAdmin && (
          <Button component={Link} to="/abc/new" leftSection={<IconPlus size={16} />} data-testid="abc-create">
            {t('common.create')}
          </Button>
        )}
      </PageHeader>
      <Group mb="sm">
        <SegmentedControl
          value={state}
          onChange={(v) => lp.set('state', v)}
          data-testid="abc-state-filter"
          data={[
            { value: '', label: t('filters.all') },
            { value: 'draft', label: t('abc.statesPlural.draft') },
            { value: 'applied', label: t('abc.statesPlural.applied') },
          ]}
        />
      </Group>
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 ? (
        <EmptyState
          mt="xl"
          icon={<IconChartPie size={32} />}
          title={state ? t('common.nothingFound') : t('abc.emptyTitle')}
          description={state ? t('common.nothingFoundHint') : t(isAdmin ? 'abc.emptyHint' : 'abc.emptyHintManager')}
          data-testid="abc-empty"
        />
      ) : (
        <ResponsiveList
          rows={rows}
          columns={columns}
          card={card}
          rowKey={(c) => c.id}
          onRowClick={(c) => navigate(`/abc/${c.id}`)}
          hasMore={list.hasNextPage}
          stale={list.isPlaceholderData}
          loadingMore={list.isFetchingNextPage || list.isPending}
          onLoadMore={() => void list.fetchNextPage()}
          height="calc(100vh - 230px)"
          testId="abc-table"
          rowTestId="abc-row"
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
