import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/api/common';
import type { User, UserPatch } from '../../../shared/api/users';
import { fieldErrorsOf } from '../../api/errors';
import { notifyError, notifySuccess } from '../../components/notify';
import { currentLanguage } from '../../i18n';
import { missingFields } from '../../lib/required';
import { useCreateUser, useUpdateUser } from './users.queries';

/** Create a user, or edit one: name, e-mail, role, blocked, and a new password (reset). */
export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'manager');
  const [blocked, setBlocked] = useState(user?.blocked ?? false);
  const [password, setPassword] = useState('');
  const mutation = user ? update : create;
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(mutation.error, t), ...missing };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A new user needs a password; an edited one keeps theirs when none is typed.
    const blank = missingFields<string>(user ? { name, email } : { name, email, password });
    setMissing(Object.fromEntries(Object.keys(blank).map((k) => [k, t('errors.fields.required')])));
    if (Object.keys(blank).length) return mutation.reset();
    const done = () => {
      notifySuccess(t('common.saved'));
      onClose();
    };
    if (!user) {
      create.mutate(
        { name: name.trim(), email: email.trim(), password, role, language: currentLanguage() },
        { onSuccess: done, onError: (err) => notifyError(err, t) },
      );
      return;
    }
    const patch: UserPatch = {};
    if (name.trim() !== user.name) patch.name = name.trim();
    if (email.trim() !== user.email) patch.email = email.trim();
    if (role !== user.role) patch.role = role;
    if (blocked !== user.blocked) patch.blocked = blocked;
    if (password) patch.password = password;
    if (Object.keys(patch).length === 0) return onClose();
    update.mutate({ id: user.id, patch }, { onSuccess: done, onError: (err) => notifyError(err, t) });
  };

  return (
    <Modal opened onClose={onClose} title={user ? user.name : t('users.newTitle')} centered>
      <form onSubmit={submit} noValidate data-testid="user-form">
        <Stack>
          <TextInput
            label={t('users.name')}
            required
            autoFocus
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="user-name"
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            required
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-testid="user-email"
          />
          <NativeSelect
            label={t('users.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            data={[
              { value: 'manager', label: t('users.roles.manager') },
              { value: 'admin', label: t('users.roles.admin') },
            ]}
            data-testid="user-role"
          />
          <PasswordInput
            label={user ? t('users.newPassword') : t('auth.password')}
            required={!user}
            value={password}
            description={user ? t('users.newPasswordHint') : t('auth.passwordRule')}
            error={errors.password}
            autoComplete="new-password"
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-testid="user-password"
          />
          {user && (
            <Switch
              label={t('users.blockedSwitch')}
              checked={blocked}
              onChange={(e) => setBlocked(e.currentTarget.checked)}
              data-testid="user-blocked"
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="user-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
