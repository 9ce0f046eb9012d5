import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Group, Menu, Modal, Stack, type ButtonProps } from '@mantine/core';
import { IconAlarmSnooze, IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SnoozeBody, Task } from '../../../shared/api/tasks';
import { fieldErrorsOf, type ErrorOptions } from '../../api/errors';
import { DateTimeInput } from '../../components/DateFields';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormat } from '../../lib/useFormat';
import { fromDateTimeLocal, fromWall, nextFullHour, toDateTimeLocal, toWall, tomorrowAt } from '../../lib/zonedTime';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useSnoozeTask } from './tasks.queries';

/** Task codes (a task already done, a time in the past) read in the tasks' own words. */
const TASKS: ErrorOptions = { scope: 'tasks' };

type Choice = 'm5' | 'm15' | 'h1' | 'tomorrow' | 'week';
const MINUTES: Partial<Record<Choice, number>> = { m5: 5, m15: 15, h1: 60, week: 7 * 24 * 60 };

interface Props extends ButtonProps {
  task: Task;
  /** Prefix of the test ids: `${testId}`, `${testId}-m5`, … */
  testId: string;
  compact?: boolean;
  /** Only the icon (table rows); the name is in its title and for screen readers. */
  iconOnly?: boolean;
}

/** «Отложить»: 5 min, 15 min, 1 hour, tomorrow 9:00 (user's zone), 1 week, or a chosen time. */
export function SnoozeMenu({ task, testId, compact, iconOnly, ...button }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const zone = useCurrentUser().timeZone;
  const snooze = useSnoozeTask();
  const [custom, setCustom] = useState(false);
  const [wall, setWall] = useState('');
  const [missing, setMissing] = useState(false);

  const run = (body: SnoozeBody, after?: () => void) =>
    snooze.mutate(
      { id: task.id, body },
      {
        onSuccess: (x) => {
          notifySuccess(t('tasks.snoozed', { time: fmt.dateTime(x.snoozedUntil) }));
          after?.();
        },
        // In the custom-time form the reason is shown under the field instead.
        onError: (err) => {
          if (!('until' in body && fieldErrorsOf(err, t, TASKS).until && custom)) notifyError(err, t, TASKS);
        },
      },
    );

  const choose = (c: Choice) => {
    const minutes = MINUTES[c];
    if (minutes) return run({ minutes });
    const until = fromWall(tomorrowAt(9, zone), zone);
    if (until) run({ until });
  };

  const openCustom = () => {
    snooze.reset();
    const snoozed = task.snoozedUntil && new Date(task.snoozedUntil) > new Date() ? task.snoozedUntil : null;
    setWall(toDateTimeLocal(snoozed ? toWall(snoozed, zone) : nextFullHour(zone)));
    setCustom(true);
  };

  const submitCustom = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const until = fromWall(fromDateTimeLocal(wall), zone);
    if (!until) return setMissing(true);
    run({ until }, () => setCustom(false));
  };
  const error = !custom ? undefined : missing ? t('errors.fields.required') : fieldErrorsOf(snooze.error, t, TASKS).until;
  const items: Choice[] = ['m5', 'm15', 'h1', 'tomorrow', 'week'];

  return (
    <>
      <Menu position="bottom-start" withinPortal shadow="md">
        {iconOnly ? (
          <Menu.Target>
            <ActionIcon
              variant="default"
              size="md"
              loading={snooze.isPending && !custom}
              aria-label={t('tasks.snooze')}
              title={t('tasks.snooze')}
              onClick={(e) => e.stopPropagation()}
              data-testid={testId}
            >
              <IconAlarmSnooze size={16} />
            </ActionIcon>
          </Menu.Target>
        ) : (
          <Menu.Target>
            <Button
              variant="default"
              size={compact ? 'compact-sm' : 'sm'}
              loading={snooze.isPending && !custom}
              leftSection={<IconAlarmSnooze size={16} />}
              rightSection={<IconChevronDown size={14} />}
              onClick={(e) => e.stopPropagation()}
              data-testid={testId}
              {...button}
            >
              {t('tasks.snooze')}
            </Button>
          </Menu.Target>
        )}
        <Menu.Dropdown miw={240} onClick={(e) => e.stopPropagation()}>
          {items.map((c) => (
            <Menu.Item key={c} onClick={() => choose(c)} data-testid={`${testId}-${c}`}>
              {t(`tasks.snoozeOptions.${c}`)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={openCustom} data-testid={`${testId}-custom`}>
            {t('tasks.snoozeOptions.custom')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={custom} onClose={() => setCustom(false)} title={t('tasks.customSnooze.title')} centered size="sm" zIndex={1000}>
        <form onSubmit={submitCustom} noValidate data-testid={`${testId}-custom-form`} onClick={(e) => e.stopPropagation()}>
          <Stack>
            <DateTimeInput
              label={t('tasks.customSnooze.at')}
              value={wall}
              required
              autoFocus
              description={t('tasks.timeZoneHint', { zone })}
              error={error}
              onChange={(v) => {
                setWall(v);
                setMissing(false);
              }}
              testId={`${testId}-custom-at`}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCustom(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={snooze.isPending} data-testid={`${testId}-custom-submit`}>
                {t('tasks.snooze')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
