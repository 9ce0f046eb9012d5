import { useState } from 'react';
import { Button, Center, EmptyState, Group, Loader, SegmentedControl, Text } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { useListParams } from '../../lib/useListParams';
import { useCurrentUser } from '../auth/useCurrentUser';
import { TaskFormModal } from './TaskFormModal';
import { TaskTable } from './TaskTable';
import { useTaskList, type TaskListParams, type TaskStatusFilter } from './tasks.queries';
import { DateField } from '../../components/DateFields';

const STATUSES: TaskStatusFilter[] = ['open', 'overdue', 'done', 'all'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** «Задачи с оповещением»: mine or (administrators) everybody's, by state and by due period. */
export function TaskListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser().user;
  const lp = useListParams({ status: 'open', scope: 'mine', from: '', to: '' });
  const [creating, setCreating] = useState(false);
  const isAdmin = me?.role === 'admin';
  const status = (STATUSES.includes(lp.get('status') as TaskStatusFilter) ? lp.get('status') : 'open') as TaskStatusFilter;
  const scope = isAdmin && lp.get('scope') === 'all' ? 'all' : 'mine';
  const from = DATE.test(lp.get('from')) ? lp.get('from') : undefined;
  const to = DATE.test(lp.get('to')) ? lp.get('to') : undefined;
  const params: TaskListParams = { status, assigneeId: scope === 'all' ? 'all' : 'me', from, to };
  const list = useTaskList(params);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (!me) return null;

  const filtered = status !== 'open' || !!from || !!to;
  const dateInput = (key: 'from' | 'to', value: string | undefined) => (
    <DateField
      w={170}
      label={t(`tasks.period.${key}`)}
      value={value ?? ''}
      onChange={(v) => lp.set(key, v)}
      testId={`task-${key}`}
      clearable
    />
  );

  return (
    <>
      <PageHeader title={t('tasks.title')}>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="task-create">
          {t('tasks.new')}
        </Button>
      </PageHeader>
      <Group mb="sm" gap="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={status}
          onChange={(v) => lp.set('status', v)}
          data-testid="task-status-filter"
          data={STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
        />
        {isAdmin && (
          <SegmentedControl
            value={scope}
            onChange={(v) => lp.set('scope', v)}
            data-testid="task-scope-filter"
            data={[
              { value: 'mine', label: t('tasks.scope.mine') },
              { value: 'all', label: t('tasks.scope.all') },
            ]}
          />
        )}
        {dateInput('from', from)}
        {dateInput('to', to)}
      </Group>
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && (
        <Center p="lg">
          <Loader />
        </Center>
      )}
      {list.isSuccess && rows.length === 0 && (
        <EmptyState
          mt="xl"
          icon={<IconChecklist size={32} />}
          data-testid="task-empty"
          title={filtered ? t('common.nothingFound') : t('tasks.emptyTitle')}
          description={filtered ? t('tasks.emptyFilteredHint') : t('tasks.emptyHint')}
        />
      )}
      {rows.length > 0 && (
        <>
          <TaskTable tasks={rows} me={me} stale={list.isPlaceholderData} />
          <Center p="xs">
            {list.hasNextPage ? (
              <Button variant="subtle" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="task-more">
                {t('common.loadMore')}
              </Button>
            ) : (
              <Text size="xs" c="dimmed" data-testid="task-count">
                {t('common.loaded', { count: rows.length })}
              </Text>
            )}
          </Center>
        </>
      )}
      {creating && <TaskFormModal me={me} onClose={() => setCreating(false)} />}
    </>
  );
}
