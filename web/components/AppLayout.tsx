import { useState, type ReactNode } from 'react';
import { AppShell, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook, IconBuildingStore, IconChevronDown, IconLogout, IconReportAnalytics, IconSettings, IconUserCog, IconUsers,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/api/users';
import { useLogout } from '../features/auth/auth.queries';
import { LanguageSwitch } from './LanguageSwitch';

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

  const main: NavItem[] = [
    { to: '/counterparties', label: t('nav.counterparties'), icon: <IconBuildingStore size={18} />, testId: 'nav-counterparties' },
    { to: '/contact-persons', label: t('nav.contactPersons'), icon: <IconAddressBook size={18} />, testId: 'nav-contact-persons' },
  ];
  const admin: NavItem[] = user.role === 'admin'
    ? [
        { to: '/users', label: t('nav.users'), icon: <IconUsers size={18} />, testId: 'nav-users' },
        { to: '/settings', label: t('nav.settings'), icon: <IconSettings size={18} />, testId: 'nav-settings' },
      ]
    : [];
  const item = (n: NavItem) => (
    <NavLink key={n.to} component={Link} to={n.to} label={n.label} leftSection={n.icon} onClick={close}
      active={location.pathname.startsWith(n.to)} data-testid={n.testId} />
  );
  const [reportsOpen, setReportsOpen] = useState(true);

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Text fw={700} size="lg" component={Link} to="/counterparties" c="teal.8" style={{ textDecoration: 'none' }}>
              {t('app.title')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu">
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" fw={500} truncate maw={200}>{user.name}</Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.email}</Menu.Label>
                <Menu.Item component={Link} to="/me" leftSection={<IconUserCog size={16} />}>{t('nav.mySettings')}</Menu.Item>
                <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()} data-testid="logout">
                  {t('auth.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow>
          {main.map(item)}
          <NavLink label={t('nav.reports')} leftSection={<IconReportAnalytics size={18} />} opened={reportsOpen}
            onChange={setReportsOpen} childrenOffset={28} data-testid="nav-reports">
            <NavLink component={Link} to="/reports/contact-info" label={t('nav.contactInfoReport')} onClick={close}
              active={location.pathname === '/reports/contact-info'} data-testid="nav-contact-info-report" />
          </NavLink>
          {admin.map(item)}
        </AppShell.Section>
        <AppShell.Section>
          <NavLink component={Link} to="/me" label={t('nav.mySettings')} leftSection={<IconUserCog size={18} />} onClick={close}
            active={location.pathname === '/me'} data-testid="nav-me" />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
