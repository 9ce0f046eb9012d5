import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlarm, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Event, EventReminder, ReminderInput } from '../../../shared/api/events';
import { ApiError } from '../../api/client';
import { fieldErrorsOf, localValidationError, type ErrorOptions, type FieldErrors } from '../../api/errors';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormat } from '../../lib/useFormat';
import { fromWall, inOneHour, toWall } from '../../lib/zonedTime';
import { EventReminderBlock } from './EventReminderBlock';
import type { ReminderForm } from './eventForm';
import { useEventReminder, useSetEventLinks } from './events.queries';

/** The server names the fields `reminder.remindAt`…, as the block shows them. */
const ERRORS: ErrorOptions = { scope: 'events' };

function formOf(r: EventReminder | null, timeZone: string): ReminderForm {
  if (!r) {
    const at = inOneHour(timeZone);
    return { enabled: true, remindDate: at.date, remindTime: at.time, dueDate: '', dueTime: '', text: '', assigneeId: null };
  }
  const at = r.remindAt ? toWall(r.remindAt, timeZone) : { date: '', time: '' };
  const due = r.dueAt ? toWall(r.dueAt, timeZone) : { date: '', time: '' };
  return {
    enabled: true,
    remindDate: at.date,
    remindTime: at.time,
    dueDate: due.date,
    dueTime: due.time,
    text: r.text,
    assigneeId: r.assigneeId,
  };
}

/** A date and time as an instant; a time alone takes `fallbackDate`. */
function instantOf(date: string, time: string, timeZone: string, fallbackDate: string): string | null | 'bad' {
  if (!date && !time) return null;
  if (!time) return 'bad';
  return fromWall({ date: date || fallbackDate, time }, timeZone) ?? 'bad';
}

/** The window's fields as the API's reminder, or the codes of what cannot be sent. */
export function reminderInputOf(f: ReminderForm, timeZone: string): { input: ReminderInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const remindAt = instantOf(f.remindDate, f.remindTime, timeZone, '');
  const dueAt = instantOf(f.dueDate, f.dueTime, timeZone, f.remindDate);
  if (remindAt === null) errors['reminder.remindAt'] = 'required';
  if (remindAt === 'bad') errors['reminder.remindAt'] = 'format_date-time';
  if (dueAt === 'bad') errors['reminder.dueAt'] = 'format_date-time';
  if (Object.keys(errors).length > 0 || !remindAt || remindAt === 'bad' || dueAt === 'bad') return { input: null, errors };
  const text = f.text.trim();
  return { input: { remindAt, dueAt, text: text || null, ...(f.assigneeId ? { assigneeId: f.assigneeId } : {}) }, errors };
}

/**
 * «Напомнить» on a saved event: adds, changes or removes the event's reminder (one task that pops up
 * at the given time), saved at once and apart from the card's other fields.
 */
export function EventReminderEditor({ event, timeZone }: { event: Event; timeZone: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const reminder = useEventReminder(event.id);
  const save = useSetEventLinks(event.id);
  const current = reminder.data?.reminder ?? null;
  const [form, setForm] = useState<ReminderForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  const open = () => {
    setErrors({});
    setForm(formOf(current, timeZone));
  };
  const close = () => setForm(null);
  const failed = (err: unknown) => {
    const fields = fieldErrorsOf(err, t, ERRORS);
    setErrors(fields);
    if (!(err instanceof ApiError) || Object.keys(fields).length === 0) notifyError(err, t, ERRORS);
  };
  const submit = () => {
    if (!form) return;
    const { input, errors: local } = reminderInputOf(form, timeZone);
    if (!input) return setErrors(fieldErrorsOf(localValidationError(local), t, ERRORS));
    save.mutate(
      { reminder: input },
      {
        onSuccess: () => {
          notifySuccess(t('eventReminder.saved'));
          close();
        },
        onError: failed,
      },
    );
  };
  const remove = () =>
    save.mutate(
      { reminder: null },
      {
        onSuccess: () => {
          notifySuccess(t('eventReminder.removed'));
          close();
        },
        onError: failed,
      },
    );

  const when = current ? (current.snoozedUntil ?? current.remindAt) : null;
  return (
    <>
      <Button
        variant={current ? 'light' : 'default'}
        leftSection={<IconAlarm size={16} />}
        onClick={open}
        loading={reminder.isPending}
        title={t('eventReminder.buttonHint')}
        data-testid="event-remind"
      >
        {when ? t('eventReminder.buttonSet', { time: fmt.dateTime(when) }) : t('eventReminder.button')}
      </Button>
      <Modal
        opened={form !== null}
        onClose={close}
        title={t('eventReminder.title', { number: event.number })}
        size="lg"
        data-testid="event-remind-window"
      >
        {form && (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('eventReminder.hint')}
            </Text>
            <EventReminderBlock value={form} onChange={setForm} errors={errors} timeZone={timeZone} withToggle={false} />
            <Group justify="space-between" wrap="wrap">
              {current ? (
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={remove}
                  loading={save.isPending}
                  data-testid="event-remind-remove"
                >
                  {t('eventReminder.remove')}
                </Button>
              ) : (
                <span />
              )}
              <Group gap="xs">
                <Button variant="default" onClick={close} data-testid="event-remind-cancel">
                  {t('eventReminder.cancel')}
                </Button>
                <Button onClick={submit} loading={save.isPending} data-testid="event-remind-save">
                  {t('eventReminder.save')}
                </Button>
              </Group>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
