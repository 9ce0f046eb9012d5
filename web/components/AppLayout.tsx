import { useState, type ReactNode } from 'react';
import { AppShell, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconBuildingStore,
  IconChevronDown,
  IconLogout,
  IconReportAnalytics,
  IconSettings,
  IconUserCog,
  IconUsers,
} from '@tabler/icons-react';
import { IconChecklist, IconClockPlay, IconHome, IconWebhook } from '@tabler/icons-react';
import { IconCalendarEvent, IconListDetails } from '@tabler/icons-react';
import { IconFileInvoice, IconPackage } from '@tabler/icons-react';
import { IconReceipt } from '@tabler/icons-react';
import { IconChartPie } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/api/users';
import { useLogout } from '../features/auth/auth.queries';
import { LanguageSwitch } from './LanguageSwitch';
import { RemindersProvider } from '../features/tasks/RemindersProvider';
import { useStartupTasks } from '../features/tasks/useStartupTasks';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  testId: string;
}

/** App shell: header with user menu and language, sidebar with sections (admin ones only for admins). */
export function AppLayout({ user, children }: { user: User; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const logout = useLogout();
  useStartupTasks(user);

  const main: NavItem[] = [
    { to: '/', label: t('home.nav'), icon: <IconHome size={18} />, testId: 'nav-home' },
    { to: '/tasks', label: t('tasks.nav'), icon: <IconChecklist size={18} />, testId: 'nav-tasks' },
    { to: '/counterparties', label: t('nav.counterparties'), icon: <IconBuildingStore size={18} />, testId: 'nav-counterparties' },
    { to: '/contact-persons', label: t('nav.contactPersons'), icon: <IconAddressBook size={18} />, testId: 'nav-contact-persons' },
    { to: '/events', label: t('events.title'), icon: <IconCalendarEvent size={18} />, testId: 'nav-events' },
    { to: '/orders', label: t('orders.title'), icon: <IconFileInvoice size={18} />, testId: 'nav-orders' },
    { to: '/sales', label: t('sales.nav'), icon: <IconReceipt size={18} />, testId: 'nav-sales' },
    { to: '/products', label: t('products.title'), icon: <IconPackage size={18} />, testId: 'nav-products' },
    { to: '/abc', label: t('abc.nav'), icon: <IconChartPie size={18} />, testId: 'nav-abc' },
  ];
  const admin: NavItem[] =
    user.role === 'admin'
      ? [
          { to: '/users', label: t('nav.users'), icon: <IconUsers size={18} />, testId: 'nav-users' },
          { to: '/settings', label: t('nav.settings'), icon: <IconSettings size={18} />, testId: 'nav-settings' },
          { to: '/settings/jobs', label: t('scheduler.nav'), icon: <IconClockPlay size={18} />, testId: 'nav-jobs' },
          { to: '/settings/webhooks', label: t('webhooks.nav'), icon: <IconWebhook size={18} />, testId: 'nav-webhooks' },
          { to: '/settings/info-sources', label: t('infoSources.title'), icon: <IconListDetails size={18} />, testId: 'nav-info-sources' },
        ]
      : [];
  // The deepest matching item is the active one ("/settings/jobs" is not also "/settings"; "/" only itself).
  const matches = (to: string) =>
    to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(`${to}/`);
  const activeTo = [...main, ...admin]
    .map((n) => n.to)
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
  const item = (n: NavItem) => (
    <NavLink
      key={n.to}
      component={Link}
      to={n.to}
      label={n.label}
      leftSection={n.icon}
      onClick={close}
      active={n.to === activeTo}
      data-testid={n.testId}
    />
  );
  const [reportsOpen, setReportsOpen] = useState(true);

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Text fw={700} size="lg" component={Link} to="/" c="teal" style={{ textDecoration: 'none' }}>
              {t('app.title')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu">
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" fw={500} truncate maw={200}>
                      {user.name}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.email}</Menu.Label>
                <Menu.Item component={Link} to="/me" leftSection={<IconUserCog size={16} />}>
                  {t('nav.mySettings')}
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()} data-testid="logout">
                  {t('auth.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      {/* The menu outgrew a laptop screen: it scrolls on its own, so the last items stay reachable at 1366×768. */}
      <AppShell.Navbar p="xs" style={{ overflowY: 'auto' }}>
        <AppShell.Section grow>
          {main.map(item)}
          {/* A button, not a link: it opens the group (aria-expanded is allowed and Tab reaches it). */}
          <NavLink
            component="button"
            label={t('nav.reports')}
            leftSection={<IconReportAnalytics size={18} />}
            opened={reportsOpen}
            onChange={setReportsOpen}
            childrenOffset={28}
            data-testid="nav-reports"
          >
            <NavLink
              component={Link}
              to="/reports/contact-info"
              label={t('nav.contactInfoReport')}
              onClick={close}
              active={location.pathname === '/reports/contact-info'}
              data-testid="nav-contact-info-report"
            />
            <NavLink
              component={Link}
              to="/reports/events"
              label={t('eventsReport.title')}
              onClick={close}
              active={location.pathname === '/reports/events'}
              data-testid="nav-events-report"
            />
            <NavLink
              component={Link}
              to="/reports/cold-calls"
              label={t('coldCalls.title')}
              onClick={close}
              active={location.pathname === '/reports/cold-calls'}
              data-testid="nav-cold-calls"
            />
            <NavLink
              component={Link}
              to="/reports/sales"
              label={t('salesReport.title')}
              onClick={close}
              active={location.pathname === '/reports/sales'}
              data-testid="nav-sales-report"
            />
            <NavLink
              component={Link}
              to="/reports/abc"
              label={t('abc.report.title')}
              onClick={close}
              active={location.pathname === '/reports/abc'}
              data-testid="nav-abc-report"
            />
          </NavLink>
          {admin.map(item)}
        </AppShell.Section>
        <AppShell.Section>
          <NavLink
            component={Link}
            to="/me"
            label={t('nav.mySettings')}
            leftSection={<IconUserCog size={18} />}
            onClick={close}
            active={location.pathname === '/me'}
            data-testid="nav-me"
          />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
      <RemindersProvider />
    </AppShell>
  );
}
