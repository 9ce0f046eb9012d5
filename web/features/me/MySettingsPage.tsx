import { useState, type FormEvent } from 'react';
import { Button, Divider, NativeSelect, SimpleGrid, Stack, Switch, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/api/common';
import { PageHeader } from '../../components/PageHeader';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { notifyError, notifySuccess } from '../../components/notify';
import { setLanguage } from '../../i18n';
import { useCurrentUser } from '../auth/useCurrentUser';
import { PasswordSection } from './PasswordSection';
import { TokensSection } from './TokensSection';
import { CalendarFeedSection } from './CalendarFeedSection';
import { useUpdateMySettings } from './me.queries';

/** The signed-in user's own settings, password and API tokens. */
export function MySettingsPage() {
  const { t } = useTranslation();
  const { user: me, timeZone: shownZone } = useCurrentUser();
  const update = useUpdateMySettings();
  const [language, setLang] = useState<Language>(me?.language ?? 'ru');
  const [timeZone, setTimeZone] = useState(me?.timeZone ?? shownZone);
  const [showTasks, setShowTasks] = useState(me?.showTasksAtStartup ?? true);
  const [emailReminders, setEmailReminders] = useState(me?.emailReminders ?? false);
  if (!me) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { language, timeZone, showTasksAtStartup: showTasks, emailReminders },
      {
        onSuccess: (u) => {
          setLanguage(u.language);
          notifySuccess(t('common.saved'));
        },
        onError: (err) => notifyError(err, t),
      },
    );
  };

  return (
    <>
      <PageHeader title={t('nav.mySettings')} />
      <Stack maw={720} gap="lg">
        <form onSubmit={submit} data-testid="my-settings-form">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('common.language')}
                value={language}
                onChange={(e) => setLang(e.currentTarget.value === 'en' ? 'en' : 'ru')}
                data={[
                  { value: 'ru', label: 'Русский' },
                  { value: 'en', label: 'English' },
                ]}
                data-testid="my-language"
              />
              <TimeZoneSelect label={t('settings.timeZone')} value={timeZone} onChange={setTimeZone} />
            </SimpleGrid>
            <Switch label={t('me.showTasksAtStartup')} checked={showTasks} onChange={(e) => setShowTasks(e.currentTarget.checked)} />
            <Switch
              label={t('me.emailReminders')}
              description={t('me.emailRemindersHint')}
              checked={emailReminders}
              onChange={(e) => setEmailReminders(e.currentTarget.checked)}
              data-testid="my-email-reminders"
            />
            <div>
              <Button type="submit" loading={update.isPending} data-testid="my-settings-save">
                {t('common.save')}
              </Button>
            </div>
          </Stack>
        </form>
        <Divider />
        <Title order={2} size="h4">
          {t('me.changePassword')}
        </Title>
        <PasswordSection />
        <Divider />
        <Title order={2} size="h4">
          {t('me.tokens')}
        </Title>
        <TokensSection />
        <Divider />
        <Title order={2} size="h4">
          {t('calendarFeed.title')}
        </Title>
        <CalendarFeedSection />
      </Stack>
    </>
  );
}
