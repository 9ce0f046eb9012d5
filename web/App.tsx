import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { Center, Loader } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from './components/ErrorPanel';
import { NotFoundPage } from './components/NotFoundPage';
import { LoginPage } from './features/auth/LoginPage';
import { SetupPage } from './features/auth/SetupPage';
import { useMe, useSetupStatus } from './features/auth/auth.queries';
import { setLanguage } from './i18n';

/**
 * A component loaded when first drawn. Sign-in and setup are in the first script; the application's
 * layout and each page come in chunks of their own, so the sign-in page needs a fraction of the code.
 */
function lazyNamed<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AppLayout = lazy(async () => ({ default: (await import('./components/AppLayout')).AppLayout }));
const HomePage = lazyNamed(() => import('./features/home/HomePage'), 'HomePage');
const TaskListPage = lazyNamed(() => import('./features/tasks/TaskListPage'), 'TaskListPage');
const CounterpartyListPage = lazyNamed(() => import('./features/counterparties/CounterpartyListPage'), 'CounterpartyListPage');
const CounterpartyCardPage = lazyNamed(() => import('./features/counterparties/CounterpartyCardPage'), 'CounterpartyCardPage');
const CounterpartyImportPage = lazyNamed(() => import('./features/counterparties/CounterpartyImportPage'), 'CounterpartyImportPage');
const ContactPersonListPage = lazyNamed(() => import('./features/contact-persons/ContactPersonListPage'), 'ContactPersonListPage');
const ContactPersonCardPage = lazyNamed(() => import('./features/contact-persons/ContactPersonCardPage'), 'ContactPersonCardPage');
const ContactInfoReportPage = lazyNamed(() => import('./features/reports/ContactInfoReportPage'), 'ContactInfoReportPage');
const EventListPage = lazyNamed(() => import('./features/events/EventListPage'), 'EventListPage');
const EventCardPage = lazyNamed(() => import('./features/events/EventCardPage'), 'EventCardPage');
const EventsReportPage = lazyNamed(() => import('./features/reports/EventsReportPage'), 'EventsReportPage');
const ColdCallsPage = lazyNamed(() => import('./features/reports/ColdCallsPage'), 'ColdCallsPage');
const SalesReportPage = lazyNamed(() => import('./features/reports/SalesReportPage'), 'SalesReportPage');
const SaleListPage = lazyNamed(() => import('./features/sales/SaleListPage'), 'SaleListPage');
const SaleNewPage = lazyNamed(() => import('./features/sales/SaleNewPage'), 'SaleNewPage');
const SaleCardPage = lazyNamed(() => import('./features/sales/SaleCardPage'), 'SaleCardPage');
const InfoSourcesPage = lazyNamed(() => import('./features/info-sources/InfoSourcesPage'), 'InfoSourcesPage');
const UsersPage = lazyNamed(() => import('./features/users/UsersPage'), 'UsersPage');
const SettingsPage = lazyNamed(() => import('./features/settings/SettingsPage'), 'SettingsPage');
const MySettingsPage = lazyNamed(() => import('./features/me/MySettingsPage'), 'MySettingsPage');
const JobsPage = lazyNamed(() => import('./features/scheduler/JobsPage'), 'JobsPage');
const WebhooksPage = lazyNamed(() => import('./features/webhooks/WebhooksPage'), 'WebhooksPage');
const ProductListPage = lazyNamed(() => import('./features/products/ProductListPage'), 'ProductListPage');
const ProductCardPage = lazyNamed(() => import('./features/products/ProductCardPage'), 'ProductCardPage');
const OrderListPage = lazyNamed(() => import('./features/orders/OrderListPage'), 'OrderListPage');
const OrderCardPage = lazyNamed(() => import('./features/orders/OrderCardPage'), 'OrderCardPage');
const AbcListPage = lazyNamed(() => import('./features/abc/AbcListPage'), 'AbcListPage');
const AbcCardPage = lazyNamed(() => import('./features/abc/AbcCardPage'), 'AbcCardPage');
const AbcReportPage = lazyNamed(() => import('./features/reports/AbcReportPage'), 'AbcReportPage');

function FullPageLoader() {
  return (
    <Center mih="100vh">
      <Loader />
    </Center>
  );
}

/** While a page's code arrives the menu stays in place. */
function PageLoader() {
  return (
    <Center p="xl">
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
    <Suspense fallback={<FullPageLoader />}>
      <AppLayout user={user}>
        <Suspense fallback={<PageLoader />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/tasks" element={<TaskListPage />} />
            <Route path="/counterparties" element={<CounterpartyListPage />} />
            <Route path="/counterparties/new" element={<CounterpartyCardPage key="new" />} />
            <Route path="/counterparties/import" element={<CounterpartyImportPage />} />
            <Route path="/counterparties/:id" element={<CounterpartyCardPage />} />
            <Route path="/contact-persons" element={<ContactPersonListPage />} />
            <Route path="/contact-persons/new" element={<ContactPersonCardPage key="new" />} />
            <Route path="/contact-persons/:id" element={<ContactPersonCardPage />} />
            <Route path="/reports/contact-info" element={<ContactInfoReportPage />} />
            <Route path="/events" element={<EventListPage />} />
            <Route path="/events/new" element={<EventCardPage />} />
            <Route path="/events/:id" element={<EventCardPage />} />
            <Route path="/products" element={<ProductListPage />} />
            <Route path="/products/new" element={<ProductCardPage key="new" />} />
            <Route path="/products/:id" element={<ProductCardPage />} />
            <Route path="/orders" element={<OrderListPage />} />
            <Route path="/orders/new" element={<OrderCardPage />} />
            <Route path="/orders/:id" element={<OrderCardPage />} />
            <Route path="/reports/events" element={<EventsReportPage />} />
            <Route path="/reports/cold-calls" element={<ColdCallsPage />} />
            <Route path="/reports/sales" element={<SalesReportPage />} />
            <Route path="/sales" element={<SaleListPage />} />
            <Route path="/sales/new" element={<SaleNewPage />} />
            <Route path="/sales/:id" element={<SaleCardPage />} />
            <Route path="/abc" element={<AbcListPage />} />
            {isAdmin && <Route path="/abc/new" element={<AbcCardPage key="new" />} />}
            <Route path="/abc/:id" element={<AbcCardPage />} />
            <Route path="/reports/abc" element={<AbcReportPage />} />
            {isAdmin && <Route path="/settings/info-sources" element={<InfoSourcesPage />} />}
            <Route path="/me" element={<MySettingsPage />} />
            {isAdmin && <Route path="/users" element={<UsersPage />} />}
            {isAdmin && <Route path="/settings" element={<SettingsPage />} />}
            {isAdmin && <Route path="/settings/jobs" element={<JobsPage />} />}
            {isAdmin && <Route path="/settings/webhooks" element={<WebhooksPage />} />}
            <Route path="*" element={<NotFoundPage title={t('common.notFound')} />} />
          </Routes>
        </Suspense>
      </AppLayout>
    </Suspense>
  );
}
