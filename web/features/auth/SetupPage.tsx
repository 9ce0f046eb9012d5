import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/errors';
import { notifyError } from '../../components/notify';
import { currentLanguage } from '../../i18n';
import { missingFields } from '../../lib/required';
import { AuthCard } from './AuthCard';
import { useSetup } from './auth.queries';

/** First run: creates the first administrator and signs them in. */
export function SetupPage() {
  const { t } = useTranslation();
  const setup = useSetup();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(setup.error, t), ...missing };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const blank = missingFields({ name, email, password });
    setMissing(Object.fromEntries(Object.keys(blank).map((k) => [k, t('errors.fields.required')])));
    if (Object.keys(blank).length) return setup.reset();
    setup.mutate({ name: name.trim(), email: email.trim(), password }, { onError: (err) => notifyError(err, t) });
  };

  return (
    <AuthCard title={t('setup.title')}>
      <Text size="sm" c="dimmed">
        {t('setup.intro')}
      </Text>
      <form onSubmit={submit} noValidate data-testid="setup-form" lang={currentLanguage()}>
        <Stack>
          <TextInput
            label={t('setup.name')}
            required
            autoFocus
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="setup-name"
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            required
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-testid="setup-email"
            autoComplete="username"
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordRule')}
            required
            minLength={8}
            value={password}
            error={errors.password}
            autoComplete="new-password"
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-testid="setup-password"
          />
          <Button type="submit" loading={setup.isPending} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
