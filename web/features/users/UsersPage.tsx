import { useState } from 'react';
import { Badge, Button, Center, Loader, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/api/users';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { UserFormModal } from './UserFormModal';
import { useUsers } from './users.queries';

/** Users (admin only): list, create, change role, block, reset password. */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  return (
    <>
      <PageHeader title={t('nav.users')}>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="user-create">
          {t('common.create')}
        </Button>
      </PageHeader>
      {users.isError && <ErrorPanel error={users.error} onRetry={() => void users.refetch()} />}
      {users.isPending && (
        <Center p="lg">
          <Loader />
        </Center>
      )}
      {users.data && (
        <Table highlightOnHover data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('auth.email')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((u) => (
              <Table.Tr
                key={u.id}
                style={{ cursor: 'pointer' }}
                tabIndex={0}
                onClick={() => setEditing(u)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') setEditing(u);
                }}
                data-testid="user-row"
              >
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {u.name}
                  </Text>
                </Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>{t(`users.roles.${u.role}`)}</Table.Td>
                <Table.Td>
                  {u.blocked ? (
                    <Badge color="red" variant="light">
                      {t('users.blocked')}
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light">
                      {t('users.active')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
