import { useEffect } from 'react';
import { Center, Loader } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLayout } from './components/AppLayout';
import { ErrorPanel } from './components/ErrorPanel';
import { NotFoundPage } from './components/NotFoundPage';
import { LoginPage } from './features/auth/LoginPage';
import { SetupPage } from './features/auth/SetupPage';
import { useMe, useSetupStatus } from './features/auth/auth.queries';
import { CounterpartyListPage } from './features/counterparties/CounterpartyListPage';
import { CounterpartyCardPage } from './features/counterparties/CounterpartyCardPage';
import { ContactPersonListPage } from './features/contact-persons/ContactPersonListPage';
import { ContactPersonCardPage } from './features/contact-persons/ContactPersonCardPage';
import { ContactInfoReportPage } from './features/reports/ContactInfoReportPage';
import { EventListPage } from './features/events/EventListPage';
import { EventCardPage } from './features/events/EventCardPage';
import { EventsReportPage } from './features/reports/EventsReportPage';
import { ColdCallsPage } from './features/reports/ColdCallsPage';
import { InfoSourcesPage } from './features/info-sources/InfoSourcesPage';
import { UsersPage } from './features/users/UsersPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { MySettingsPage } from './features/me/MySettingsPage';
import { HomePage } from './features/home/HomePage';
import { TaskListPage } from './features/tasks/TaskListPage';
import { JobsPage } from './features/scheduler/JobsPage';
import { setLanguage } from './i18n';

function FullPageLoader() {
  return (
    <Center mih="100vh">
      <Loader />
    </Center>
  );
}

/** Decides between first-run setup, sign-in and the application. */
export function App() {
  const { t } = useTranslation();
  const setup = useSetupStatus();
  const needsSetup = setup.data?.needsSetup === true;
  const me = useMe(setup.isSuccess && !needsSetup);
  const user = me.data ?? null;

  useEffect(() => {
    if (user) setLanguage(user.language);
  }, [user?.language]); // eslint-disable-line react-hooks/exhaustive-deps

  if (setup.isError) return <ErrorPanel error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.isPending) return <FullPageLoader />;
  if (needsSetup) return <SetupPage />;
  if (me.isError) return <ErrorPanel error={me.error} onRetry={() => void me.refetch()} />;
  if (me.isPending) return <FullPageLoader />;
  if (!user) return <LoginPage />;

  const isAdmin = user.role === 'admin';
  return (
    <AppLayout user={user}>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/tasks" element={<TaskListPage />} />
        <Route path="/counterparties" element={<CounterpartyListPage />} />
        <Route path="/counterparties/new" element={<CounterpartyCardPage key="new" />} />
        <Route path="/counterparties/:id" element={<CounterpartyCardPage />} />
        <Route path="/contact-persons" element={<ContactPersonListPage />} />
        <Route path="/contact-persons/new" element={<ContactPersonCardPage key="new" />} />
        <Route path="/contact-persons/:id" element={<ContactPersonCardPage />} />
        <Route path="/reports/contact-info" element={<ContactInfoReportPage />} />
        <Route path="/events" element={<EventListPage />} />
        <Route path="/events/new" element={<EventCardPage />} />
        <Route path="/events/:id" element={<EventCardPage />} />
        <Route path="/reports/events" element={<EventsReportPage />} />
        <Route path="/reports/cold-calls" element={<ColdCallsPage />} />
        {isAdmin && <Route path="/settings/info-sources" element={<InfoSourcesPage />} />}
        <Route path="/me" element={<MySettingsPage />} />
        {isAdmin && <Route path="/users" element={<UsersPage />} />}
        {isAdmin && <Route path="/settings" element={<SettingsPage />} />}
        {isAdmin && <Route path="/settings/jobs" element={<JobsPage />} />}
        <Route path="*" element={<NotFoundPage title={t('common.notFound')} />} />
      </Routes>
    </AppLayout>
  );
}
