import { Badge, Button, EmptyState, Group, Text } from '@mantine/core';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../shared/api/events';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column } from '../../components/VirtualTable';
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
    { key: 'startAt', header: t('events.date'), width: 138, render: (e) => fmt.dateTime(e.startAt) },
    { key: 'kind', header: t('events.kind'), width: 118, render: (e) => <KindLabel kind={e.kind} short /> },
    { key: 'direction', header: t('events.directionShort'), width: 72, render: (e) => <DirectionLabel direction={e.direction} short /> },
    { key: 'counterparty', header: t('events.counterparty'), width: '13%', render: (e) => e.counterpartyName ?? '' },
    { key: 'contactPerson', header: t('events.contactPerson'), width: '11%', render: (e) => e.contactPersonName ?? '' },
    {
      key: 'subject',
      header: t('events.subject'),
      render: (e) => (
        <Group gap={6} wrap="nowrap" title={e.subject}>
          <Text size="sm" truncate fw={e.importance === 'high' ? 600 : undefined}>
            {e.subject}
          </Text>
          {e.archivedAt && (
            <Badge size="xs" color="gray" variant="light">
              {t('common.archived')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'state', header: t('events.state'), width: 130, render: (e) => <StateLabel state={e.state} /> },
    { key: 'responsible', header: t('events.responsible'), width: 128, render: (e) => e.responsibleUserName ?? '' },
  ];
  return cols.filter((c) => !opts.hide?.includes(c.key as 'counterparty'));
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
        <VirtualTable
          rows={rows}
          columns={columns}
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
