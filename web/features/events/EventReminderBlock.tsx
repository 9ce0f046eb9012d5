import { Button, Checkbox, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../api/errors';
import { ResponsibleSelect } from '../users/ResponsibleSelect';
import { DateTimeField } from './DateTimeField';
import { inOneHour, tomorrowAt, type Wall } from '../../lib/zonedTime';
import type { ReminderForm } from './eventForm';

interface Props {
  value: ReminderForm;
  onChange: (r: ReminderForm) => void;
  errors: FieldErrors;
  timeZone: string;
  /** false: the fields only, always shown (the «Напомнить» window of a saved event). */
  withToggle?: boolean;
}

/** «Напоминание» on a new event (and in «Напомнить» of a saved one): the server turns it into a task
 * that pops up at the given time. */
export function EventReminderBlock({ value, onChange, errors, timeZone, withToggle = true }: Props) {
  const { t } = useTranslation();
  const set = (p: Partial<ReminderForm>) => onChange({ ...value, ...p });
  const quick = (at: Wall) => set(spread(at));
  const toggle = (enabled: boolean) => {
    // Switching it on proposes "in an hour", so one click is enough for the usual case.
    if (enabled && !value.remindDate) onChange({ ...value, enabled, ...spread(inOneHour(timeZone)) });
    else set({ enabled });
  };

  return (
    <Paper withBorder={withToggle} p={withToggle ? 'sm' : 0} data-testid="event-reminder">
      {withToggle && (
        <Checkbox
          label={t('events.reminder.enable')}
          checked={value.enabled}
          onChange={(e) => toggle(e.currentTarget.checked)}
          data-testid="event-reminder-enabled"
        />
      )}
      {(value.enabled || !withToggle) && (
        <Stack gap="sm" mt={withToggle ? 'sm' : 0}>
          <DateTimeField
            label={t('events.reminder.remindAt')}
            required
            date={value.remindDate}
            time={value.remindTime}
            error={errors['reminder.remindAt']}
            onChange={(d, tm) => set({ remindDate: d, remindTime: tm })}
            testId="event-reminder-at"
          >
            <Button
              variant="light"
              size="sm"
              leftSection={<IconAlarm size={14} />}
              onClick={() => quick(inOneHour(timeZone))}
              data-testid="event-reminder-in-hour"
            >
              {t('events.reminder.inOneHour')}
            </Button>
            <Button variant="light" size="sm" onClick={() => quick(tomorrowAt(9, timeZone))} data-testid="event-reminder-tomorrow">
              {t('events.reminder.tomorrowAtNine')}
            </Button>
          </DateTimeField>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <DateTimeField
              label={t('events.reminder.dueAt')}
              date={value.dueDate}
              time={value.dueTime}
              error={errors['reminder.dueAt']}
              onChange={(d, tm) => set({ dueDate: d, dueTime: tm })}
              testId="event-reminder-due"
            />
            <ResponsibleSelect
              label={t('events.reminder.assignee')}
              value={value.assigneeId}
              error={errors['reminder.assigneeId']}
              onChange={(id) => set({ assigneeId: id })}
              testId="event-reminder-assignee"
            />
          </SimpleGrid>
          <TextInput
            label={t('events.reminder.text')}
            placeholder={t('events.reminder.textHint')}
            maxLength={300}
            value={value.text}
            error={errors['reminder.text']}
            onChange={(e) => set({ text: e.currentTarget.value })}
            data-testid="event-reminder-text"
          />
        </Stack>
      )}
    </Paper>
  );
}

const spread = (at: Wall) => ({ remindDate: at.date, remindTime: at.time });
