import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconExternalLink } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../shared/api/tasks';
import { SnoozeMenu } from './SnoozeMenu';
import { SubjectLink, subjectPath } from './SubjectLink';
import { useCompleteTask } from './tasks.queries';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormat } from '../../lib/useFormat';

/** One reminder in the popup window: what, about whom, when; «Отложить», «Выполнить», «Открыть». */
export function ReminderCard({ task }: { task: Task }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const complete = useCompleteTask();
  const path = subjectPath(task.subject);

  const done = () =>
    complete.mutate(task.id, {
      onSuccess: () => notifySuccess(t('tasks.completed')),
      onError: (err) => notifyError(err, t, { scope: 'tasks' }),
    });

  return (
    <Paper
      withBorder
      px="xs"
      py={6}
      radius="sm"
      data-testid="reminder-card"
      data-task-id={task.id}
      data-overdue={task.overdue || undefined}
      bg={task.overdue ? 'red.0' : undefined}
      style={task.overdue ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          {/* The whole title, wrapped: a clipped one hides what the reminder is about. */}
          <Text fw={600} size="sm" lh={1.3} style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-testid="reminder-title">
            {task.title}
          </Text>
          {task.overdue && (
            <Badge color="red" size="sm" variant="filled" tt="none" style={{ flexShrink: 0 }} data-testid="reminder-overdue">
              {t('reminders.overdue')}
            </Badge>
          )}
        </Group>
        {task.description && (
          <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {task.description}
          </Text>
        )}
        <SubjectLink subject={task.subject} testId="reminder-subject" />
        <Text size="xs" c={task.overdue ? 'red.8' : 'dimmed'} data-testid="reminder-time">
          {task.dueAt
            ? t('reminders.due', { time: fmt.dateTime(task.dueAt) })
            : t('reminders.remindAt', { time: fmt.dateTime(task.alertAt ?? task.remindAt) })}
        </Text>
        <Group gap={4} mt={4} wrap="wrap">
          <SnoozeMenu task={task} compact testId="reminder-snooze" px={8} />
          <Button
            size="compact-sm"
            px={8}
            leftSection={<IconCheck size={14} />}
            loading={complete.isPending}
            onClick={done}
            data-testid="reminder-complete"
          >
            {t('tasks.complete')}
          </Button>
          {path && (
            // An icon keeps the three actions on one line in the narrow dock; its name is read out and shown on hover.
            <Tooltip label={t('tasks.open')} withinPortal>
              <ActionIcon size={26} variant="light" onClick={() => navigate(path)} aria-label={t('tasks.open')} data-testid="reminder-open">
                <IconExternalLink size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
