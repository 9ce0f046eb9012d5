import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Code, CopyButton, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError } from '../../components/notify';
import { useFormat } from '../../lib/useFormat';
import { useCreateToken, useRevokeToken, useTokens } from './me.queries';

/** Personal API tokens for integrations; a new token is shown once. */
export function TokensSection() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : '—');
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    create.mutate(name.trim(), {
      onSuccess: (r) => {
        setCreated({ name: r.name, token: r.token });
        setName('');
      },
      onError: (err) => notifyError(err, t),
    });
  };

  return (
    <Stack gap="sm">
      {created && (
        <Alert
          color="yellow"
          title={t('me.tokenCreated', { name: created.name })}
          withCloseButton
          onClose={() => setCreated(null)}
          data-testid="token-created"
        >
          <Stack gap="xs">
            <Text size="sm">{t('me.tokenShownOnce')}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ wordBreak: 'break-all' }} data-testid="token-value">
                {created.token}
              </Code>
              <CopyButton value={created.token}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t('me.tokenName')}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.currentTarget.value)}
            placeholder={t('me.tokenNamePlaceholder')}
            data-testid="token-name"
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()} data-testid="token-create">
            {t('me.createToken')}
          </Button>
        </Group>
      </form>
      {tokens.data && tokens.data.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('me.tokenName')}</Table.Th>
              <Table.Th>{t('common.createdAt')}</Table.Th>
              <Table.Th>{t('me.lastUsed')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((tok) => (
              <Table.Tr key={tok.id}>
                <Table.Td>{tok.name}</Table.Td>
                <Table.Td>{when(tok.createdAt)}</Table.Td>
                <Table.Td>{when(tok.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {tok.revokedAt ? (
                    <Badge color="gray" variant="light">
                      {t('me.revoked')}
                    </Badge>
                  ) : (
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      color="red"
                      question={t('me.revokeQuestion', { name: tok.name })}
                      confirmLabel={t('me.revoke')}
                      onConfirm={() => revoke.mutate(tok.id, { onError: (err) => notifyError(err, t) })}
                    >
                      {t('me.revoke')}
                    </ConfirmButton>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
