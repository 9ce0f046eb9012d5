import { SegmentedControl } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/api/users';
import { api } from '../api/client';
import { keys } from '../api/keys';
import { useMe } from '../features/auth/auth.queries';
import { currentLanguage, setLanguage, type Lang } from '../i18n';
import { notifyError } from './notify';

/** RU/EN switch. Signed in, the choice is saved to the user's settings; before that, to this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  // The cached user only (useCurrentUser would bring the time-zone code into the sign-in page's script).
  const signedIn = (useMe(false).data ?? null) !== null;
  const save = useMutation({
    mutationFn: (language: Lang) => api.patch<User>('/api/me/settings', { language }),
    onSuccess: (user) => qc.setQueryData(keys.me, user),
    onError: (err) => notifyError(err, t),
  });

  const change = (value: string) => {
    const lang: Lang = value === 'ru' ? 'ru' : 'en';
    setLanguage(lang);
    if (signedIn) save.mutate(lang);
  };

  return (
    <SegmentedControl
      size="xs"
      value={i18n.language === 'ru' ? 'ru' : currentLanguage()}
      onChange={change}
      aria-label={t('common.language')}
      data-testid="language-switch"
      data={[
        { value: 'ru', label: 'RU' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
