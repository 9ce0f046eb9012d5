import { ActionIcon, Badge, Group, Table, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../shared/api/tasks';
import type { User } from '../../../shared/api/users';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormat } from '../../lib/useFormat';
import { SnoozeMenu } from './SnoozeMenu';
import { SubjectLink } from './SubjectLink';
import { useCompleteTask } from './tasks.queries';

const nowrap = { whiteSpace: 'nowrap' } as const;
/** Fixed widths keep the columns steady; the title takes what is left. */
const WIDTHS = { title: undefined, subject: 170, due: 128, remind: 150, status: 125, assignee: 125, source: 135, actions: 76 } as const;

function TaskStatusBadge({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (task.status === 'open' && task.overdue)
    return (
      <Badge color="red" variant="filled" size="sm" tt="none">
        {t('tasks.statusOf.overdue')}
      </Badge>
    );
  const color = task.status === 'done' ? 'teal' : task.status === 'cancelled' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light" size="sm" tt="none">
      {t(`tasks.statusOf.${task.status}`)}
    </Badge>
  );
}

function TaskRow({ task, me }: { task: Task; me: User }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const complete = useCompleteTask();
  const mayAct = task.status === 'open' && (task.assigneeId === me.id || me.role === 'admin');
  const overdue = task.status === 'open' && task.overdue;
  const done = () =>
    complete.mutate(task.id, {
      onSuccess: () => notifySuccess(t('tasks.completed')),
      onError: (err) => notifyError(err, t, { scope: 'tasks' }),
    });
  const snoozed = task.status === 'open' ? task.snoozedUntil : null;

  return (
    <Table.Tr data-testid="task-row" data-task-id={task.id} data-overdue={overdue || undefined} bg={overdue ? 'red.0' : undefined}>
      <Table.Td>
        <Text
          size="sm"
          fw={500}
          c={overdue ? 'red.8' : undefined}
          lineClamp={2}
          style={{ overflowWrap: 'anywhere' }}
          title={task.description ?? undefined}
        >
          {task.title}
        </Text>
      </Table.Td>
      <Table.Td>
        <SubjectLink subject={task.subject} withType={false} testId="task-subject" />
      </Table.Td>
      <Table.Td style={nowrap}>
        <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 600 : undefined}>
          {fmt.dateTime(task.dueAt)}
        </Text>
      </Table.Td>
      <Table.Td data-testid="task-remind-cell">
        {snoozed ? (
          <>
            <Text size="xs" c="dimmed" lh={1.2}>
              {t('tasks.snoozedUntil')}
            </Text>
            <Text size="sm" style={nowrap}>
              {fmt.dateTime(snoozed)}
            </Text>
          </>
        ) : (
          <Text size="sm" style={nowrap}>
            {fmt.dateTime(task.remindAt)}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={nowrap}>
        <TaskStatusBadge task={task} />
        {task.completedAt && (
          <Text size="xs" c="dimmed">
            {fmt.dateTime(task.completedAt)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate title={task.assigneeName ?? undefined}>
          {task.assigneeName ?? ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2}>
          {t(`tasks.source.${task.source}`)}
        </Text>
      </Table.Td>
      <Table.Td style={nowrap}>
        {mayAct && (
          <Group gap={6} wrap="nowrap">
            <ActionIcon
              variant="light"
              size="md"
              loading={complete.isPending}
              onClick={done}
              aria-label={t('tasks.complete')}
              title={t('tasks.complete')}
              data-testid="task-complete"
            >
              <IconCheck size={16} />
            </ActionIcon>
            <SnoozeMenu task={task} iconOnly testId="task-snooze" />
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** «Задачи с оповещением» as a table; overdue rows are red. */
export function TaskTable({ tasks, me, stale }: { tasks: Task[]; me: User; stale?: boolean }) {
  const { t } = useTranslation();
  const headers = ['title', 'subject', 'due', 'remind', 'status', 'assignee', 'source', 'actions'] as const;
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table
        highlightOnHover
        verticalSpacing={6}
        data-testid="task-table"
        aria-busy={stale || undefined}
        style={{ opacity: stale ? 0.55 : 1, tableLayout: 'fixed' }}
      >
        <Table.Thead>
          <Table.Tr>
            {headers.map((h) => (
              <Table.Th key={h} style={{ width: WIDTHS[h] }}>
                {h === 'actions' ? '' : t(`tasks.columns.${h}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} me={me} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
