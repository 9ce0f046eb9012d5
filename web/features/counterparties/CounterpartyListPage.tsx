import { Badge, Button, Checkbox, EmptyState, Group, SegmentedControl, Select, Text } from '@mantine/core';
import { IconBuildingStore, IconFileUpload, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Counterparty } from '../../../shared/api/counterparties';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { ResponsiveList, type RowCard } from '../../components/ResponsiveList';
import { TwoLines } from '../../components/TwoLines';
import type { Column } from '../../components/VirtualTable';
import { firstValue } from '../contact-info/contactInfo';
import { useFormat } from '../../lib/useFormat';
import { useListParams } from '../../lib/useListParams';
import { AbcClassBadge } from '../abc/abcLabels';
import { useCounterpartyList, type CounterpartyListParams } from './counterparties.queries';

const SORTS = ['name', '-name', 'inn', '-inn', 'createdAt', '-createdAt'];
const ABC_FILTERS = ['A', 'B', 'C', 'none'];
type Archived = NonNullable<CounterpartyListParams['archived']>;

/** «Контрагенты»: server-paged, searchable, sortable list. */
export function CounterpartyListPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const lp = useListParams({ sort: 'name', archived: 'active', mine: '', abc: '' });
  const sort = SORTS.includes(lp.get('sort')) ? lp.get('sort') : 'name';
  const archived = (['active', 'archived', 'all'].includes(lp.get('archived')) ? lp.get('archived') : 'active') as Archived;
  const mine = lp.get('mine') === '1';
  const abcClass = ABC_FILTERS.includes(lp.get('abc')) ? (lp.get('abc') as CounterpartyListParams['abcClass']) : undefined;
  const params: CounterpartyListParams = { q: lp.q || undefined, sort, archived, responsibleUserId: mine ? 'me' : undefined, abcClass };
  const list = useCounterpartyList(params);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const archivedBadge = (c: Counterparty) =>
    c.archivedAt && (
      <Badge size="xs" color="gray" variant="light">
        {t('common.archived')}
      </Badge>
    );
  // The name is what a manager reads: it takes the free width and wraps; the rest is kept narrow.
  const columns: Column<Counterparty>[] = [
    {
      key: 'name',
      header: t('counterparty.name'),
      sortKey: 'name',
      minWidth: 260,
      wrap: true,
      render: (c) => (
        <Group gap={6} wrap="nowrap" align="flex-start" title={c.name}>
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="counterparty-name-cell">
            {c.name}
          </Text>
          {archivedBadge(c)}
        </Group>
      ),
    },
    { key: 'kind', header: t('counterparty.kind'), width: 92, render: (c) => t(`counterpartyKindsShort.${c.kind}`) },
    {
      key: 'inn',
      header: `${t('counterparty.inn')} / ${t('counterparty.kpp')}`,
      sortKey: 'inn',
      width: 130,
      render: (c) => <Requisites inn={c.inn} kpp={c.kpp} />,
    },
    {
      key: 'contacts',
      header: `${t('contactInfoKinds.phone')} / ${t('contactInfoKindsShort.email')}`,
      width: 200,
      render: (c) => <TwoLines first={firstValue(c.contactInfo, 'phone')} second={firstValue(c.contactInfo, 'email')} />,
    },
    { key: 'responsible', header: t('counterparty.responsible'), width: 140, wrap: true, render: (c) => c.responsibleUserName ?? '' },
    {
      key: 'abc',
      header: t('counterparty.abcClass'),
      width: 50,
      render: (c) => <AbcClassBadge value={c.abcClass} testId="counterparty-abc-class" />,
    },
    { key: 'createdAt', header: t('common.createdAt'), sortKey: 'createdAt', width: 100, render: (c) => fmt.date(c.createdAt) },
  ];
  const card = (c: Counterparty): RowCard => ({
    title: c.name,
    badges: (
      <>
        {archivedBadge(c)}
        <AbcClassBadge value={c.abcClass} testId="counterparty-abc-class" />
      </>
    ),
    facts: [
      [t(`counterpartyKindsShort.${c.kind}`), c.inn && `${t('counterparty.inn')} ${c.inn}`, c.kpp && `${t('counterparty.kpp')} ${c.kpp}`]
        .filter(Boolean)
        .join(' · '),
      [firstValue(c.contactInfo, 'phone'), firstValue(c.contactInfo, 'email')].filter(Boolean).join(' · '),
      c.responsibleUserName,
    ],
  });

  const empty = list.isSuccess && rows.length === 0;
  const filtered = !!lp.q || mine || archived !== 'active' || !!abcClass;

  return (
    <>
      <PageHeader title={t('nav.counterparties')}>
        <Button
          component={Link}
          to="/counterparties/import"
          variant="default"
          leftSection={<IconFileUpload size={16} />}
          data-testid="counterparty-import"
        >
          {t('counterpartyImport.open')}
        </Button>
        <Button component={Link} to="/counterparties/new" leftSection={<IconPlus size={16} />} data-testid="counterparty-create">
          {t('common.create')}
        </Button>
      </PageHeader>
      <Group mb="sm" gap="md" wrap="wrap">
        <SearchBox
          value={lp.search}
          onChange={lp.setSearch}
          placeholder={t('counterparty.searchPlaceholder')}
          testId="counterparty-search"
        />
        <SegmentedControl
          value={archived}
          onChange={(v) => lp.set('archived', v)}
          data-testid="counterparty-archived-filter"
          data={[
            { value: 'active', label: t('filters.active') },
            { value: 'archived', label: t('filters.archived') },
            { value: 'all', label: t('filters.all') },
          ]}
        />
        <Checkbox
          label={t('filters.mine')}
          checked={mine}
          onChange={(e) => lp.set('mine', e.currentTarget.checked ? '1' : '')}
          data-testid="counterparty-mine-filter"
        />
        <Select
          aria-label={t('abc.listFilter')}
          placeholder={t('abc.listFilterAny')}
          value={abcClass ?? null}
          onChange={(v) => lp.set('abc', v ?? '')}
          clearable
          w={160}
          data={[
            ...['A', 'B', 'C'].map((c) => ({ value: c, label: t('abc.classTitle', { value: c }) })),
            { value: 'none', label: t('abc.listFilterNone') },
          ]}
          data-testid="counterparty-abc-filter"
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {empty ? (
        <EmptyState
          mt="xl"
          icon={<IconBuildingStore size={32} />}
          title={filtered ? t('common.nothingFound') : t('counterparty.emptyTitle')}
          description={filtered ? t('common.nothingFoundHint') : t('counterparty.emptyHint')}
          data-testid="counterparty-empty"
        />
      ) : (
        <ResponsiveList
          rows={rows}
          columns={columns}
          card={card}
          rowKey={(c) => c.id}
          sort={sort}
          onSortChange={(s) => lp.set('sort', s)}
          onRowClick={(c) => navigate(`/counterparties/${c.id}`)}
          hasMore={list.hasNextPage}
          stale={list.isPlaceholderData}
          loadingMore={list.isFetchingNextPage || list.isPending}
          onLoadMore={() => void list.fetchNextPage()}
          testId="counterparty-table"
          rowTestId="counterparty-row"
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

/** INN over KPP in one narrow cell. */
function Requisites({ inn, kpp }: { inn: string | null; kpp: string | null }) {
  return <TwoLines first={inn ?? ''} second={kpp ?? ''} />;
}
