import { Anchor, Badge, Card, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconCake } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UpcomingBirthday } from '../../../shared/api/birthdays';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useFormat } from '../../lib/useFormat';
import { useUpcomingBirthdays } from './home.queries';

const DAYS = 30;

function When({ b }: { b: UpcomingBirthday }) {
  const { t } = useTranslation();
  if (b.daysLeft === 0)
    return (
      <Badge color="red" variant="filled" size="md" tt="none">
        {t('birthdays.today')}
      </Badge>
    );
  if (b.daysLeft === 1)
    return (
      <Badge color="orange" variant="light" size="md" tt="none">
        {t('birthdays.tomorrow')}
      </Badge>
    );
  return (
    <Text size="sm" c="dimmed">
      {t('birthdays.inDays', { count: b.daysLeft })}
    </Text>
  );
}

/** «Дни рождения»: contact persons celebrating in the next 30 days, nearest first. */
export function BirthdaysCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useUpcomingBirthdays(DAYS);
  const items = q.data?.items ?? [];

  return (
    <Card withBorder padding="md" data-testid="home-birthdays">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconCake size={20} />
          <Title order={2} size="h4">
            {t('birthdays.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('birthdays.window', { count: DAYS })}
        </Text>
      </Group>
      {q.isError && <ErrorPanel error={q.error} onRetry={() => void q.refetch()} />}
      {q.isPending && (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      )}
      {q.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconCake size={28} />}
          title={t('birthdays.emptyTitle')}
          description={t('birthdays.emptyHint')}
          data-testid="birthdays-empty"
        />
      )}
      {items.length > 0 && (
        <Stack gap={0} data-testid="birthdays-list">
          {items.map((b) => (
            <Group
              key={b.contactPersonId}
              wrap="nowrap"
              gap="md"
              py={8}
              px={6}
              data-testid="birthday-row"
              data-today={b.daysLeft === 0 || undefined}
              bg={b.daysLeft === 0 ? 'red.0' : undefined}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Text size="sm" fw={600} w={130} style={{ flexShrink: 0 }}>
                {fmt.day(b.nextDate)}
              </Text>
              <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                <Anchor
                  component={Link}
                  to={`/contact-persons/${b.contactPersonId}`}
                  size="sm"
                  fw={500}
                  truncate
                  data-testid="birthday-person"
                >
                  {b.name}
                </Anchor>
                {b.counterpartyId ? (
                  <Anchor component={Link} to={`/counterparties/${b.counterpartyId}`} size="xs" c="dimmed" truncate>
                    {b.counterpartyName ?? ''}
                  </Anchor>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('birthdays.individual')}
                  </Text>
                )}
              </Stack>
              <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                <When b={b} />
                <Text size="xs" c="dimmed">
                  {t('birthdays.turns', { count: b.age })}
                </Text>
              </Stack>
            </Group>
          ))}
          {q.data?.truncated && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('birthdays.truncated', { count: items.length })}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
