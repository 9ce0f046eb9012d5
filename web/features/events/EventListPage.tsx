import { Badge, Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../shared/api/events';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList, type RowCard } from '../../components/ResponsiveList';
import type { Column } from '../../components/VirtualTable';
import { useFormat } from '../../lib/useFormat';
import { useListParams } from '../../lib/useListParams';
import { EventFilters, FILTER_KEYS } from './EventFilters';
import { DirectionLabel, ImportanceMark, KindLabel, StateLabel } from './eventLabels';
import { useEventList, type EventListParams } from './events.queries';

type Archived = NonNullable<EventListParams['archived']>;

/** The journal's columns; the counterparty and person cards reuse them. */
export function useEventColumns(opts: { hide?: ('counterparty' | 'contactPerson')[] } = {}): Column<Event>[] {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cols: Column<Event>[] = [
    {
      key: 'importance',
      header: '!',
      label: t('events.importance'),
      width: 30,
      render: (e) => <ImportanceMark importance={e.importance} />,
    },
    { key: 'number', header: t('events.number'), width: 56, render: (e) => String(e.number) },
    { key: 'startAt', header: t('events.date'), width: 146, render: (e) => fmt.dateTime(e.startAt) },
    {
      key: 'kind',
      header: t('events.kind'),
      width: 120,
      render: (e) => (
        <Stack gap={0}>
          <KindLabel kind={e.kind} short />
          <DirectionLabel direction={e.direction} short />
        </Stack>
      ),
    },
    // Who and what the event was about take the free width and wrap: they are what a manager reads.
    { key: 'counterparty', header: t('events.counterparty'), minWidth: 150, wrap: true, render: (e) => e.counterpartyName ?? '' },
    { key: 'contactPerson', header: t('events.contactPerson'), minWidth: 130, wrap: true, render: (e) => e.contactPersonName ?? '' },
    {
      key: 'subject',
      header: t('events.subject'),
      minWidth: 170,
      wrap: true,
      render: (e) => (
        <Group gap={6} wrap="nowrap" align="flex-start" title={e.subject}>
          <Text size="sm" fw={e.importance === 'high' ? 600 : undefined} style={{ overflowWrap: 'anywhere' }}>
            {e.subject}
          </Text>
          {e.archivedAt && <ArchivedBadge />}
        </Group>
      ),
    },
    {
      key: 'state',
      header: `${t('events.state')} / ${t('events.responsible')}`,
      width: 140,
      render: (e) => (
        <Stack gap={0}>
          <StateLabel state={e.state} />
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {e.responsibleUserName ?? ''}
          </Text>
        </Stack>
      ),
    },
  ];
  return cols.filter((c) => !opts.hide?.includes(c.key as 'counterparty'));
}

function ArchivedBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="xs" color="gray" variant="light">
      {t('common.archived')}
    </Badge>
  );
}

/** An event as a phone lists it: the subject, then with whom, when and how it stands. */
export function useEventCard(opts: { hide?: ('counterparty' | 'contactPerson')[] } = {}): (e: Event) => RowCard {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (e) => ({
    title: e.subject,
    badges: (
      <>
        <ImportanceMark importance={e.importance} />
        {e.archivedAt && <ArchivedBadge />}
      </>
    ),
    facts: [
      [opts.hide?.includes('counterparty') ? null : e.counterpartyName, opts.hide?.includes('contactPerson') ? null : e.contactPersonName]
        .filter(Boolean)
        .join(' — '),
      [
        `№ ${e.number}`,
        fmt.dateTime(e.startAt),
        t(`events.kinds.${e.kind}`),
        e.direction && t(`events.directions.${e.direction}`),
        t(`events.states.${e.state}`),
      ]
        .filter(Boolean)
        .join(' · '),
      e.responsibleUserName,
    ],
  });
}

/** «События»: the journal of calls, meetings and letters, newest first, paged by the server. */
export function EventListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lp = useListParams({ archived: 'active' });
  const archived = (['active', 'archived', 'all'].includes(lp.get('archived')) ? lp.get('archived') : 'active') as Archived;
  const opt = (k: string) => lp.get(k) || undefined;
  const params: EventListParams = {
    q: lp.q || undefined,
    from: opt('from'),
    to: opt('to'),
    counterpartyId: opt('counterpartyId'),
    contactPersonId: opt('contactPersonId'),
    kind: opt('kind') as EventListParams['kind'],
    importance: opt('importance') as EventListParams['importance'],
    state: opt('state') as EventListParams['state'],
    responsibleUserId: opt('responsible'),
    archived,
  };
  const list = useEventList(params);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useEventColumns();
  const card = useEventCard();
  const filtered = FILTER_KEYS.some((k) => k !== 'archived' && lp.get(k)) || archived !== 'active';
  const newUrl = params.counterpartyId ? `/events/new?counterpartyId=${encodeURIComponent(params.counterpartyId)}` : '/events/new';

  return (
    <>
      <PageHeader title={t('events.title')}>
        <Button component={Link} to={newUrl} leftSection={<IconPlus size={16} />} data-testid="event-create">
          {t('events.new')}
        </Button>
      </PageHeader>
      <EventFilters lp={lp} />
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 ? (
        <EmptyState
          mt="xl"
          icon={<IconCalendarEvent size={32} />}
          title={filtered ? t('common.nothingFound') : t('events.emptyTitle')}
          description={filtered ? t('common.nothingFoundHint') : t('events.emptyHint')}
          data-testid="events-empty"
        />
      ) : (
        <ResponsiveList
          rows={rows}
          columns={columns}
          card={card}
          rowKey={(e) => e.id}
          onRowClick={(e) => navigate(`/events/${e.id}`)}
          hasMore={list.hasNextPage}
          stale={list.isPlaceholderData}
          loadingMore={list.isFetchingNextPage || list.isPending}
          onLoadMore={() => void list.fetchNextPage()}
          height="calc(100vh - 290px)"
          testId="events-table"
          rowTestId="event-row"
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
