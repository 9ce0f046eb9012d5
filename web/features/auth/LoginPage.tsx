import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorMessage, fieldErrorsOf } from '../../api/errors';
import { missingFields } from '../../lib/required';
import { AuthCard } from './AuthCard';
import { useLogin } from './auth.queries';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Partial<Record<'email' | 'password', 'required'>>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const blank = missingFields({ email, password });
    setMissing(blank);
    if (Object.keys(blank).length) return login.reset();
    login.mutate({ email: email.trim(), password });
  };
  const err = login.error;
  const fields = { ...fieldErrorsOf(err, t), ...Object.fromEntries(Object.keys(missing).map((k) => [k, t('errors.fields.required')])) };
  // A refusal of the whole attempt (wrong password, too many tries) is said above the fields.
  const reason =
    err && !Object.keys(fields).length
      ? err instanceof ApiError && err.status === 429 && err.retryAfter
        ? t('auth.tooManyAttempts', { count: Math.ceil(err.retryAfter / 60) })
        : errorMessage(err, t, { scope: 'auth' })
      : null;

  return (
    <AuthCard title={t('auth.loginTitle')}>
      <form onSubmit={submit} noValidate data-testid="login-form">
        <Stack>
          {reason && (
            <Alert color="red" title={t('auth.loginFailed')} data-testid="login-error">
              {reason}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            error={fields.email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-testid="login-email"
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            error={fields.password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-testid="login-password"
          />
          <Button type="submit" loading={login.isPending} data-testid="login-submit">
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
