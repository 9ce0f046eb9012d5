import { Badge, Center, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WebhookDelivery } from '../../../shared/api/webhooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useFormat } from '../../lib/useFormat';
import { usePhone } from '../../lib/usePhone';
import { useDeliveries } from './webhooks.queries';

const COLORS: Record<WebhookDelivery['status'], string> = { pending: 'yellow', delivered: 'teal', failed: 'red' };

/** «Журнал доставки» of one webhook: each change sent, its state and every attempt. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const phone = usePhone();
  const log = useDeliveries(webhookId);
  if (log.isError) return <ErrorPanel error={log.error} onRetry={() => void log.refetch()} />;
  if (log.isPending)
    return (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  if (!log.data.items.length) return <Text c="dimmed">{t('webhooks.noDeliveries')}</Text>;
  const status = (d: WebhookDelivery) => (
    <>
      <Badge color={COLORS[d.status]} variant="light" tt="none">
        {t(`webhooks.status.${d.status}`)}
      </Badge>
      {d.status === 'pending' && d.nextAttemptAt && (
        <Text size="xs" c="dimmed">
          {t('webhooks.nextAttempt', { at: fmt.dateTime(d.nextAttemptAt) })}
        </Text>
      )}
    </>
  );
  const attempts = (d: WebhookDelivery) =>
    d.attemptLog.map((a, i) => (
      <Text key={i} size="xs">
        {fmt.dateTime(a.attemptedAt)} — {a.statusCode ?? '—'}
        {a.error ? ` (${a.error})` : ''} · {t('webhooks.attemptDuration', { ms: a.durationMs })}
      </Text>
    ));
  // On a phone every delivery is a card: a table's four columns would hide the state off screen.
  if (phone)
    return (
      <Stack gap="xs" data-testid="webhook-deliveries">
        {log.data.items.map((d) => (
          <Paper key={d.id} withBorder p="sm">
            <Stack gap={4}>
              <Group gap="xs" justify="space-between">
                <Text size="sm" ff="monospace">
                  {d.eventType}
                </Text>
                {status(d)}
              </Group>
              <Text size="xs" c="dimmed">
                {fmt.dateTime(d.createdAt)}
              </Text>
              {attempts(d)}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table data-testid="webhook-deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('webhooks.columns.createdAt')}</Table.Th>
            <Table.Th>{t('webhooks.columns.event')}</Table.Th>
            <Table.Th>{t('webhooks.columns.status')}</Table.Th>
            <Table.Th>{t('webhooks.columns.attempts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.data.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(d.createdAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {d.eventType}
                </Text>
              </Table.Td>
              <Table.Td>{status(d)}</Table.Td>
              <Table.Td>{attempts(d)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
