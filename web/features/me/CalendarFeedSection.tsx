import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CalendarFeed } from '../../../shared/api/calendar-feed';
import { api, ApiError } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError, notifySuccess } from '../../components/notify';

const FEED = '/api/me/calendar-feed';

// The API client has no DELETE verb; the revoke is the only one this page needs.
async function revokeFeed(): Promise<void> {
  const res = await fetch(FEED, {
    method: 'DELETE',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: '{}',
  });
  // No link to revoke is what the user wanted anyway.
  if (!res.ok && res.status !== 404) throw new ApiError(res.status, 'http_error', res.statusText);
}

/** «Календарь»: a secret subscription URL with my tasks and planned events; shown once, revocable. */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const create = useMutation({ mutationFn: () => api.post<CalendarFeed>(FEED, {}) });
  const revoke = useMutation({ mutationFn: revokeFeed });

  return (
    <Stack gap="sm" data-testid="calendar-feed">
      <Text size="sm">{t('calendarFeed.hint')}</Text>
      {url && (
        <Alert color="yellow" title={t('calendarFeed.created')} withCloseButton onClose={() => setUrl(null)}>
          <Stack gap="xs">
            <Text size="sm">{t('calendarFeed.shownOnce')}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ wordBreak: 'break-all' }} data-testid="calendar-feed-url">
                {url}
              </Code>
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy} style={{ flexShrink: 0 }}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
      <Group>
        <Button
          loading={create.isPending}
          onClick={() => create.mutate(undefined, { onSuccess: (r) => setUrl(r.url), onError: (err) => notifyError(err, t) })}
          data-testid="calendar-feed-create"
        >
          {t('calendarFeed.create')}
        </Button>
        <ConfirmButton
          variant="default"
          color="red"
          question={t('calendarFeed.revokeQuestion')}
          confirmLabel={t('calendarFeed.revoke')}
          loading={revoke.isPending}
          testId="calendar-feed-revoke"
          onConfirm={() =>
            revoke.mutate(undefined, {
              onSuccess: () => {
                setUrl(null);
                notifySuccess(t('calendarFeed.revoked'));
              },
              onError: (err) => notifyError(err, t),
            })
          }
        >
          {t('calendarFeed.revoke')}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}
