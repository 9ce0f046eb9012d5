import { Anchor, EmptyState, Group, SegmentedControl, Text } from '@mantine/core';
import { IconChartPie } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@mantine/hooks';
import type { AbcClassification, AbcLine } from '../../../shared/api/abc';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ResponsiveList, type RowCard } from '../../components/ResponsiveList';
import { SearchBox } from '../../components/SearchBox';
import type { Column } from '../../components/VirtualTable';
import { Amount } from '../sales/Amount';
import { useSaleFormat } from '../sales/useSaleFormat';
import { ABC_CLASSES, AbcClassBadge, type AbcLetter } from './abcLabels';
import { useAbcLines } from './abc.queries';

/** «Распределение»: the customers in rank order with their class, paged from the server and drawn as they scroll into view. */
export function AbcLinesTab({ doc }: { doc: AbcClassification }) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const [abcClass, setAbcClass] = useState<AbcLetter | ''>('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const lines = useAbcLines(doc.id, { abcClass: abcClass || undefined, q: q || undefined });
  const rows = lines.data?.pages.flatMap((p) => p.items) ?? [];
  const customer = (l: AbcLine) => (
    <Anchor component={Link} to={`/counterparties/${l.counterpartyId}`} size="sm" onClick={(e) => e.stopPropagation()}>
      {l.counterpartyName}
    </Anchor>
  );
  const columns: Column<AbcLine>[] = [
    { key: 'position', header: '№', label: t('abc.rank'), width: 60, render: (l) => String(l.position) },
    { key: 'customer', header: t('abc.customer'), minWidth: 240, wrap: true, render: customer },
    { key: 'amount', header: t('abc.amount'), width: 150, render: (l) => <Amount testId="abc-line-amount">{f.money(l.amount)}</Amount> },
    { key: 'share', header: t('abc.share'), width: 90, render: (l) => <Amount>{f.percent(l.share)}</Amount> },
    { key: 'cumulative', header: t('abc.cumulativeShare'), width: 120, render: (l) => <Amount>{f.percent(l.cumulativeShare)}</Amount> },
    { key: 'class', header: t('abc.class'), width: 70, render: (l) => <AbcClassBadge value={l.abcClass} testId="abc-line-class" /> },
    {
      key: 'previous',
      header: t('abc.previousClass'),
      width: 110,
      render: (l) => <AbcClassBadge value={l.previousClass} testId="abc-line-previous" />,
    },
    { key: 'xyz', header: 'XYZ', label: t('abc.xyzClass'), width: 60, render: (l) => l.xyzClass ?? '' },
  ];
  const card = (l: AbcLine): RowCard => ({
    title: `${l.position}. ${l.counterpartyName}`,
    badges: <AbcClassBadge value={l.abcClass} testId="abc-line-class" />,
    facts: [
      `${t('abc.amount')}: ${f.money(l.amount)}`,
      `${t('abc.share')}: ${f.percent(l.share)} · ${t('abc.cumulativeShare')}: ${f.percent(l.cumulativeShare)}`,
      [l.previousClass && `${t('abc.previousClass')}: ${l.previousClass}`, l.xyzClass && `XYZ: ${l.xyzClass}`].filter(Boolean).join(' · '),
    ],
  });
  const filtered = !!abcClass || !!q;

  if (!doc.filledAt)
    return (
      <EmptyState
        mt="lg"
        icon={<IconChartPie size={32} />}
        title={t('abc.notFilled')}
        description={t('abc.notFilledHint')}
        data-testid="abc-lines-empty"
      />
    );
  return (
    <>
      <Group mb="sm" gap="md" wrap="wrap">
        <SegmentedControl
          value={abcClass}
          onChange={(v) => setAbcClass(v as AbcLetter | '')}
          aria-label={t('abc.classFilter')}
          data={[{ value: '', label: t('filters.all') }, ...ABC_CLASSES.map((c) => ({ value: c, label: c }))]}
          data-testid="abc-lines-class-filter"
        />
        <SearchBox value={search} onChange={setSearch} placeholder={t('abc.searchCustomer')} testId="abc-lines-search" />
      </Group>
      {lines.isError && <ErrorPanel error={lines.error} onRetry={() => void lines.refetch()} />}
      {lines.isSuccess && rows.length === 0 ? (
        <EmptyState
          mt="lg"
          icon={<IconChartPie size={32} />}
          title={filtered ? t('common.nothingFound') : t('abc.noCustomers')}
          description={filtered ? t('common.nothingFoundHint') : undefined}
          data-testid="abc-lines-empty"
        />
      ) : (
        <ResponsiveList
          rows={rows}
          columns={columns}
          card={card}
          rowKey={(l) => l.counterpartyId}
          hasMore={lines.hasNextPage}
          stale={lines.isPlaceholderData}
          loadingMore={lines.isFetchingNextPage || lines.isPending}
          onLoadMore={() => void lines.fetchNextPage()}
          height="calc(100vh - 330px)"
          testId="abc-lines"
          rowTestId="abc-line"
          footer={
            <Text size="xs" c="dimmed" data-testid="abc-lines-count">
              {t('abc.linesFooter', { count: doc.customerCount, total: f.money(doc.total) })}
            </Text>
          }
        />
      )}
    </>
  );
}
