import { Anchor, Badge, Card, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useFormat } from '../../lib/useFormat';
import { SubjectLink } from '../tasks/SubjectLink';
import { useMyOpenTasks } from '../tasks/tasks.queries';

const SHOWN = 7;

/** «Мои задачи»: how many are open and overdue, and the nearest ones. */
export function MyTasksCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useMyOpenTasks(100);
  const items = q.data?.items ?? [];
  const more = q.data?.nextCursor ? '+' : '';
  const overdue = items.filter((x) => x.overdue).length;
  // Overdue first, then by due time (the server's order).
  const shown = [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue)).slice(0, SHOWN);

  return (
    <Card withBorder padding="md" data-testid="home-tasks">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconChecklist size={20} />
          <Title order={2} size="h4">
            {t('home.myTasks')}
          </Title>
        </Group>
        <Anchor component={Link} to="/tasks" size="sm">
          {t('home.allTasks')}
        </Anchor>
      </Group>
      {q.isError && <ErrorPanel error={q.error} onRetry={() => void q.refetch()} />}
      {q.isPending && (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      )}
      {q.isSuccess && (
        <Group gap="lg" mb="sm">
          <Anchor component={Link} to="/tasks?status=open" data-testid="home-open-count">
            <Text span fw={700} size="xl">{`${items.length}${more}`}</Text>{' '}
            <Text span size="sm">
              {t('home.open', { count: items.length })}
            </Text>
          </Anchor>
          <Anchor component={Link} to="/tasks?status=overdue" c={overdue ? 'red.8' : 'dimmed'} data-testid="home-overdue-count">
            <Text span fw={700} size="xl">
              {overdue}
            </Text>{' '}
            <Text span size="sm">
              {t('home.overdue', { count: overdue })}
            </Text>
          </Anchor>
        </Group>
      )}
      {q.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconChecklist size={28} />}
          title={t('home.noTasks')}
          description={t('home.noTasksHint')}
          data-testid="home-tasks-empty"
        />
      )}
      <Stack gap={6}>
        {shown.map((task) => (
          <Group key={task.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="home-task">
            <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={500} truncate c={task.overdue ? 'red.8' : undefined} title={task.title}>
                {task.title}
              </Text>
              <SubjectLink subject={task.subject} />
            </Stack>
            {task.overdue ? (
              <Badge color="red" size="sm" tt="none" style={{ flexShrink: 0 }}>
                {fmt.dateTime(task.dueAt)}
              </Badge>
            ) : (
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {fmt.dateTime(task.dueAt)}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
