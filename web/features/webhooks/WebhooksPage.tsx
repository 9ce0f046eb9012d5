import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Center,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENT_TYPES, type Webhook, type WebhookCreated, type WebhookEventType } from '../../../shared/api/webhooks';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { notifyError } from '../../components/notify';
import { useFormat } from '../../lib/useFormat';
import { usePhone } from '../../lib/usePhone';
import { DeliveryLog } from './DeliveryLog';
import { useCreateWebhook, useDeleteWebhook, useWebhooks } from './webhooks.queries';

/** «Веб-хуки» (administrators): subscriptions of external systems to changes, the signing secret shown once, the delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const phone = usePhone();
  const hooks = useWebhooks();
  const create = useCreateWebhook();
  const remove = useDeleteWebhook();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { url: url.trim(), events },
      {
        onSuccess: (r) => {
          setCreated(r);
          setUrl('');
          setEvents([]);
        },
        onError: (err) => notifyError(err, t),
      },
    );
  };

  /** «Журнал доставки» and «Удалить» of one webhook (a table cell, or the foot of its card on a phone). */
  const actions = (h: Webhook) => (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant={selected === h.id ? 'filled' : 'light'} onClick={() => setSelected(selected === h.id ? null : h.id)}>
        {t('webhooks.log')}
      </Button>
      <ConfirmButton
        size="xs"
        variant="subtle"
        color="red"
        question={t('webhooks.deleteQuestion', { url: h.url })}
        confirmLabel={t('webhooks.delete')}
        onConfirm={() =>
          remove.mutate(h.id, {
            onSuccess: () => selected === h.id && setSelected(null),
            onError: (err) => notifyError(err, t),
          })
        }
      >
        {t('webhooks.delete')}
      </ConfirmButton>
    </Group>
  );

  return (
    <>
      <PageHeader title={t('webhooks.title')} />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('webhooks.intro')}
        </Text>
        {created && (
          <Alert
            color="yellow"
            title={t('webhooks.created')}
            withCloseButton
            onClose={() => setCreated(null)}
            data-testid="webhook-created"
          >
            <Stack gap="xs">
              <Text size="sm">{t('webhooks.secretShownOnce')}</Text>
              <Group gap="xs" wrap="nowrap">
                <Code style={{ wordBreak: 'break-all' }} data-testid="webhook-secret">
                  {created.secret}
                </Code>
                <CopyButton value={created.secret}>
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
          <Stack gap="sm">
            <TextInput
              label={t('webhooks.url')}
              placeholder="https://example.com/crm-hook"
              value={url}
              maxLength={2000}
              onChange={(e) => setUrl(e.currentTarget.value)}
              data-testid="webhook-url"
            />
            <Checkbox.Group label={t('webhooks.events')} value={events} onChange={(v) => setEvents(v as WebhookEventType[])}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                {WEBHOOK_EVENT_TYPES.map((e) => (
                  <Checkbox key={e} value={e} label={`${t(`webhooks.eventNames.${e.replace('.', '_')}`)} (${e})`} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Group>
              <Button type="submit" loading={create.isPending} disabled={!url.trim() || !events.length} data-testid="webhook-create">
                {t('webhooks.create')}
              </Button>
            </Group>
          </Stack>
        </form>
        {hooks.isError && <ErrorPanel error={hooks.error} onRetry={() => void hooks.refetch()} />}
        {hooks.isPending && (
          <Center p="lg">
            <Loader />
          </Center>
        )}
        {hooks.data && hooks.data.length === 0 && <Text c="dimmed">{t('webhooks.empty')}</Text>}
        {hooks.data && hooks.data.length > 0 && phone && (
          <Stack gap="xs" data-testid="webhooks-table">
            {hooks.data.map((h) => (
              <Paper key={h.id} withBorder p="sm" data-testid="webhook-row">
                <Stack gap={4}>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {h.url}
                  </Text>
                  <Text size="xs" ff="monospace">
                    {h.events.join(', ')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('webhooks.columns.createdAt')}: {fmt.dateTime(h.createdAt)}
                  </Text>
                  {actions(h)}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        {hooks.data && hooks.data.length > 0 && !phone && (
          <Table.ScrollContainer minWidth={700}>
            <Table data-testid="webhooks-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('webhooks.url')}</Table.Th>
                  <Table.Th>{t('webhooks.events')}</Table.Th>
                  <Table.Th>{t('webhooks.columns.createdAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {hooks.data.map((h) => (
                  <Table.Tr key={h.id} data-testid="webhook-row">
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{h.url}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {h.events.join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(h.createdAt)}</Table.Td>
                    <Table.Td>{actions(h)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {selected && (
          <>
            <Title order={2} size="h4">
              {t('webhooks.log')}
            </Title>
            <DeliveryLog webhookId={selected} />
          </>
        )}
      </Stack>
    </>
  );
}
