import { Badge, Button, Center, EmptyState, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconAddressBook, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Counterparty } from '../../../shared/api/counterparties';
import { ErrorPanel } from '../../components/ErrorPanel';
import { firstValue } from '../contact-info/contactInfo';
import { useContactPersonList } from '../contact-persons/contact-persons.queries';

/** «Контактные лица» of one counterparty, with a button to add another. */
export function CounterpartyPersonsTab({ counterparty }: { counterparty: Counterparty }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useContactPersonList({ counterpartyId: counterparty.id, archived: 'all' }, 200);
  const persons = list.data?.pages.flatMap((p) => p.items) ?? [];
  const addUrl = `/contact-persons/new?counterpartyId=${encodeURIComponent(counterparty.id)}`;

  if (list.isError) return <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending)
    return (
      <Center p="lg">
        <Loader size="sm" />
      </Center>
    );

  return (
    <Stack gap="sm" data-testid="counterparty-persons">
      <Group>
        <Button component={Link} to={addUrl} leftSection={<IconPlus size={16} />} variant="light" data-testid="counterparty-add-person">
          {t('contactPerson.add')}
        </Button>
      </Group>
      {persons.length === 0 ? (
        <EmptyState icon={<IconAddressBook size={28} />} title={t('contactPerson.emptyForCounterparty')} size="sm" />
      ) : (
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contactPerson.fullName')}</Table.Th>
              <Table.Th>{t('contactPerson.position')}</Table.Th>
              <Table.Th>{t('contactPerson.role')}</Table.Th>
              <Table.Th>{t('contactInfoKinds.phone')}</Table.Th>
              <Table.Th>{t('contactInfoKinds.email')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {persons.map((p) => (
              <Table.Tr
                key={p.id}
                style={{ cursor: 'pointer' }}
                tabIndex={0}
                data-testid="counterparty-person-row"
                onClick={() => navigate(`/contact-persons/${p.id}`)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') navigate(`/contact-persons/${p.id}`);
                }}
              >
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {p.fullName}
                    </Text>
                    {p.archivedAt && (
                      <Badge size="xs" color="gray" variant="light">
                        {t('common.archived')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{p.position ?? ''}</Table.Td>
                <Table.Td>{p.role ?? ''}</Table.Td>
                <Table.Td>{firstValue(p.contactInfo, 'phone')}</Table.Td>
                <Table.Td>{firstValue(p.contactInfo, 'email')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="subtle" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
