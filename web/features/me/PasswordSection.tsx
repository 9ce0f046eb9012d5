import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/errors';
import { notifyError, notifySuccess } from '../../components/notify';
import { missingFields } from '../../lib/required';
import { useChangePassword } from './me.queries';

export function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat !== '' && next !== repeat;
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(change.error, t), ...missing };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const blank = missingFields({ currentPassword: current, newPassword: next, repeat });
    setMissing(Object.fromEntries(Object.keys(blank).map((k) => [k, t('errors.fields.required')])));
    if (mismatch || Object.keys(blank).length) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
          notifySuccess(t('me.passwordChanged'));
        },
        onError: (err) => notifyError(err, t),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="password-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <PasswordInput
            label={t('me.currentPassword')}
            required
            value={current}
            autoComplete="current-password"
            error={errors.currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('me.newPassword')}
            required
            minLength={8}
            value={next}
            autoComplete="new-password"
            description={t('auth.passwordRule')}
            error={errors.newPassword}
            onChange={(e) => setNext(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('me.repeatPassword')}
            required
            value={repeat}
            autoComplete="new-password"
            error={mismatch ? t('me.passwordMismatch') : errors.repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
          />
        </SimpleGrid>
        <div>
          <Button type="submit" variant="light" loading={change.isPending} disabled={mismatch}>
            {t('me.changePassword')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
