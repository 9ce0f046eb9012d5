import { Button, Card, Grid, Stack, Title } from '@mantine/core';
import { IconAddressBook, IconBuildingStore, IconChecklist, IconPhoneCall } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { BirthdaysCard } from './BirthdaysCard';
import { MyTasksCard } from './MyTasksCard';

/** «Начальная страница»: upcoming birthdays, my tasks, and where to go next. */
export function HomePage() {
  const { t } = useTranslation();
  const links = [
    { to: '/events/new', label: t('home.newEvent'), icon: <IconPhoneCall size={18} />, testId: 'home-new-event' },
    { to: '/counterparties', label: t('home.counterparties'), icon: <IconBuildingStore size={18} />, testId: 'home-counterparties' },
    { to: '/contact-persons', label: t('home.contactPersons'), icon: <IconAddressBook size={18} />, testId: 'home-contact-persons' },
    { to: '/tasks', label: t('tasks.title'), icon: <IconChecklist size={18} />, testId: 'home-tasks-link' },
  ];
  return (
    <>
      <PageHeader title={t('home.title')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <BirthdaysCard />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <MyTasksCard />
            <Card withBorder padding="md" data-testid="home-links">
              <Title order={2} size="h4" mb="sm">
                {t('home.quickLinks')}
              </Title>
              <Stack gap="xs">
                {links.map((l) => (
                  <Button
                    key={l.to}
                    component={Link}
                    to={l.to}
                    variant="light"
                    justify="flex-start"
                    leftSection={l.icon}
                    data-testid={l.testId}
                  >
                    {l.label}
                  </Button>
                ))}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
