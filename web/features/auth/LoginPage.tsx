import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { AuthCard } from './AuthCard';
import { useLogin } from './auth.queries';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email: email.trim(), password });
  };
  const err = login.error;

  return (
    <AuthCard title={t('auth.loginTitle')}>
      <form onSubmit={submit} data-testid="login-form">
        <Stack>
          {err && (
            <Alert color="red" title={errorMessage(err, t)} data-testid="login-error">
              {err instanceof ApiError && (err.status === 401 || err.status === 429) ? err.message : null}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-testid="login-email"
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
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
