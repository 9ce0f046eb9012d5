import { Button, EmptyState, Group, Text } from '@mantine/core';
import { IconCalendarEvent, IconList, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ResponsiveList } from '../../components/ResponsiveList';
import { useEventCard, useEventColumns } from './EventListPage';
import { useEventList } from './events.queries';

interface Props {
  counterpartyId?: string;
  contactPersonId?: string;
  height?: string | number;
}

/** «События» of one counterparty or contact person, with "New event" prefilled with them. */
export function EventsPanel({ counterpartyId, contactPersonId, height = 'calc(100vh - 300px)' }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filter: Record<string, string> = contactPersonId ? { contactPersonId } : { counterpartyId: counterpartyId ?? '' };
  const list = useEventList(filter, 50);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const hide: ('counterparty' | 'contactPerson')[] = contactPersonId ? ['contactPerson'] : ['counterparty'];
  const columns = useEventColumns({ hide });
  const card = useEventCard({ hide });
  const query = new URLSearchParams(filter).toString();

  return (
    <div data-testid="events-panel">
      <Group mb="sm" gap="sm">
        <Button
          component={Link}
          to={`/events/new?${query}`}
          leftSection={<IconPlus size={16} />}
          variant="light"
          data-testid="events-panel-new"
        >
          {t('events.new')}
        </Button>
        <Button
          component={Link}
          to={`/events?${query}`}
          leftSection={<IconList size={16} />}
          variant="subtle"
          data-testid="events-panel-journal"
        >
          {t('events.openInJournal')}
        </Button>
      </Group>
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 ? (
        <EmptyState icon={<IconCalendarEvent size={28} />} title={t('events.emptyForObject')} size="sm" data-testid="events-panel-empty" />
      ) : (
        <ResponsiveList
          rows={rows}
          columns={columns}
          card={card}
          rowKey={(e) => e.id}
          onRowClick={(e) => navigate(`/events/${e.id}`)}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage || list.isPending}
          onLoadMore={() => void list.fetchNextPage()}
          height={height}
          testId="events-panel-table"
          rowTestId="events-panel-row"
          footer={
            <Text size="xs" c="dimmed">
              {t(list.hasNextPage ? 'common.loadedMore' : 'common.loaded', { count: rows.length })}
            </Text>
          }
        />
      )}
    </div>
  );
}
