import { Badge, Button, EmptyState, Group, SegmentedControl, Text } from '@mantine/core';
import { IconAddressBook, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContactPerson } from '../../../shared/api/contact-persons';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { ResponsiveList, type RowCard } from '../../components/ResponsiveList';
import { TwoLines } from '../../components/TwoLines';
import type { Column } from '../../components/VirtualTable';
import { firstValue } from '../contact-info/contactInfo';
import { useFormat } from '../../lib/useFormat';
import { useListParams } from '../../lib/useListParams';
import { useContactPersonList, type ContactPersonListParams } from './contact-persons.queries';
import { usePhone } from '../../lib/usePhone';

type Archived = NonNullable<ContactPersonListParams['archived']>;

/** «Контактные лица»: persons of counterparties and individuals without one. */
export function ContactPersonListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lp = useListParams({ owner: 'all', archived: 'active' });
  const owner = lp.get('owner');
  const archived = (['active', 'archived', 'all'].includes(lp.get('archived')) ? lp.get('archived') : 'active') as Archived;
  const params: ContactPersonListParams = {
    q: lp.q || undefined,
    archived,
    individuals: owner === 'individuals' ? true : owner === 'counterparties' ? false : undefined,
  };
  const list = useContactPersonList(params);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const fmt = useFormat();
  const phone = usePhone();

  const archivedBadge = (p: ContactPerson) =>
    p.archivedAt && (
      <Badge size="xs" color="gray" variant="light">
        {t('common.archived')}
      </Badge>
    );
  const ownerOf = (p: ContactPerson) =>
    p.counterpartyName ?? (
      <Text size="sm" c="dimmed" span>
        {t('contactPerson.individual')}
      </Text>
    );
  // The person's and the counterparty's names take the free width and wrap; the rest is narrow.
  const columns: Column<ContactPerson>[] = [
    {
      key: 'fullName',
      header: t('contactPerson.fullName'),
      minWidth: 200,
      wrap: true,
      render: (p) => (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {p.fullName}
          </Text>
          {archivedBadge(p)}
        </Group>
      ),
    },
    { key: 'counterparty', header: t('contactPerson.counterparty'), minWidth: 200, wrap: true, render: ownerOf },
    { key: 'position', header: t('contactPerson.position'), width: 160, wrap: true, render: (p) => p.position ?? '' },
    {
      key: 'contacts',
      header: `${t('contactInfoKinds.phone')} / ${t('contactInfoKindsShort.email')}`,
      width: 200,
      render: (p) => <TwoLines first={firstValue(p.contactInfo, 'phone')} second={firstValue(p.contactInfo, 'email')} />,
    },
    { key: 'birthday', header: t('contactPerson.birthday'), width: 150, render: (p) => fmt.day(p.birthday) },
  ];
  const card = (p: ContactPerson): RowCard => ({
    title: p.fullName,
    badges: archivedBadge(p),
    facts: [
      ownerOf(p),
      p.position,
      [firstValue(p.contactInfo, 'phone'), firstValue(p.contactInfo, 'email')].filter(Boolean).join(' · '),
      p.birthday && `${t('contactPerson.birthday')}: ${fmt.day(p.birthday)}`,
    ],
  });
  const filtered = !!lp.q || owner !== 'all' || archived !== 'active';

  return (
    <>
      <PageHeader title={t('nav.contactPersons')}>
        <Button component={Link} to="/contact-persons/new" leftSection={<IconPlus size={16} />} data-testid="contact-person-create">
          {t('common.create')}
        </Button>
      </PageHeader>
      <Group mb="sm" gap="md" wrap="wrap">
        <SearchBox
          value={lp.search}
          onChange={lp.setSearch}
          placeholder={t('contactPerson.searchPlaceholder')}
          testId="contact-person-search"
        />
        <SegmentedControl
          value={owner}
          onChange={(v) => lp.set('owner', v)}
          // Its three long choices do not fit a phone's width side by side.
          orientation={phone ? 'vertical' : 'horizontal'}
          fullWidth={phone}
          data-testid="contact-person-owner-filter"
          data={[
            { value: 'all', label: t('filters.all') },
            { value: 'counterparties', label: t('contactPerson.ofCounterparties') },
            { value: 'individuals', label: t('contactPerson.individuals') },
          ]}
        />
        <SegmentedControl
          value={archived}
          onChange={(v) => lp.set('archived', v)}
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
          icon={<IconAddressBook size={32} />}
          title={filtered ? t('common.nothingFound') : t('contactPerson.emptyTitle')}
          description={filtered ? t('common.nothingFoundHint') : t('contactPerson.emptyHint')}
          data-testid="contact-person-empty"
        />
      ) : (
        <ResponsiveList
          rows={rows}
          columns={columns}
          card={card}
          rowKey={(p) => p.id}
          onRowClick={(p) => navigate(`/contact-persons/${p.id}`)}
          hasMore={list.hasNextPage}
          stale={list.isPlaceholderData}
          loadingMore={list.isFetchingNextPage || list.isPending}
          onLoadMore={() => void list.fetchNextPage()}
          testId="contact-person-table"
          rowTestId="contact-person-row"
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
