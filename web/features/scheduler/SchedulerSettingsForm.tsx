import { useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/api/settings';
import { ApiError } from '../../api/client';
import { fieldErrorsOf } from '../../api/errors';
import { ResponsibleSelect } from '../users/ResponsibleSelect';
import { notifyError, notifySuccess } from '../../components/notify';
import { useUpdateSettings } from '../settings/settings.queries';

/** The two settings of the scheduler, with the server's refusals shown beside the fields. */
export function SchedulerSettingsForm({ saved }: { saved: Settings }) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  const [userId, setUserId] = useState<string | null>(saved.scheduledJobsUserId);
  const [interval, setSeconds] = useState<number | string>(saved.schedulerIntervalSeconds);
  const [missing, setMissing] = useState(false);
  // Saved settings that change under the form (another admin, a refetch) replace what it shows.
  const [shown, setShown] = useState(saved);
  if (saved.scheduledJobsUserId !== shown.scheduledJobsUserId || saved.schedulerIntervalSeconds !== shown.schedulerIntervalSeconds) {
    setShown(saved);
    setUserId(saved.scheduledJobsUserId);
    setSeconds(saved.schedulerIntervalSeconds);
  }

  const errors = fieldErrorsOf(update.error, t);
  const intervalDetail =
    update.error instanceof ApiError ? update.error.details.find((d) => d.field === 'schedulerIntervalSeconds') : undefined;
  const intervalError = missing
    ? t('errors.fields.required')
    : intervalDetail && ['minimum', 'maximum', 'wrong_type'].includes(intervalDetail.code ?? '')
      ? t('scheduler.intervalRange')
      : errors.schedulerIntervalSeconds;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const seconds = typeof interval === 'number' ? interval : interval.trim() === '' ? NaN : Number(interval);
    setMissing(Number.isNaN(seconds));
    if (Number.isNaN(seconds)) return;
    const patch: SettingsPatch = {};
    if (userId !== saved.scheduledJobsUserId) patch.scheduledJobsUserId = userId;
    if (seconds !== saved.schedulerIntervalSeconds) patch.schedulerIntervalSeconds = seconds;
    if (Object.keys(patch).length === 0) return notifySuccess(t('common.noChanges'));
    update.mutate(patch, { onSuccess: () => notifySuccess(t('common.saved')), onError: (err) => notifyError(err, t) });
  };

  return (
    <form onSubmit={submit} data-testid="scheduler-settings">
      <Stack gap="sm" maw={720}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ResponsibleSelect
            label={t('scheduler.jobsUser')}
            value={userId}
            error={errors.scheduledJobsUserId}
            onChange={setUserId}
            testId="scheduler-user"
          />
          <NumberInput
            label={t('scheduler.interval')}
            description={t('scheduler.intervalHint')}
            value={interval}
            error={intervalError}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            onChange={setSeconds}
            data-testid="scheduler-interval"
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={update.isPending} data-testid="scheduler-settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
