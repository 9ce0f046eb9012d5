import { Anchor, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EventRelated } from '../../../shared/api/events';
import { useFormat } from '../../lib/useFormat';
import { useEventRelated } from './events.queries';
import { langOf, plainDate } from '../orders/decimalText';

type Doc = EventRelated['documents'][number];

function DocLink({ doc, testId }: { doc: Doc; testId: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const to = doc.type === 'event' ? `/events/${doc.id}` : `/orders/${doc.id}`;
  // An order's date is a calendar date ("YYYY-MM-DD"): shown as it is, with no time-zone shift.
  const date = doc.type === 'order' ? plainDate(doc.date, langOf(i18n.language)) : fmt.date(doc.date);
  const text = t('events.related.docTitle', { type: t(`events.related.types.${doc.type}`), number: doc.number, date });
  return (
    <div data-testid={testId}>
      <Anchor component={Link} to={to} size="sm" data-type={doc.type}>
        {text}
      </Anchor>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {doc.title}
      </Text>
    </div>
  );
}

/** «Связанные документы»: what the event was based on and what was created based on it. */
export function EventRelatedPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const related = useEventRelated(eventId);
  return (
    <Paper withBorder p="sm" data-testid="event-related">
      <Title order={2} size="h5" mb="xs">
        {t('events.related.title')}
      </Title>
      {related.isPending && <Loader size="xs" />}
      {related.isError && (
        <Text size="sm" c="red">
          {t('errors.title')}
        </Text>
      )}
      {related.data && (
        <Stack gap="xs">
          <div>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('events.basis')}
            </Text>
            {related.data.basis ? (
              <DocLink doc={related.data.basis} testId="event-related-basis" />
            ) : (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
          </div>
          <div>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('events.related.createdFrom')}
            </Text>
            {related.data.documents.length === 0 && (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
            <Stack gap={6}>
              {related.data.documents.map((d) => (
                <DocLink key={`${d.type}-${d.id}`} doc={d} testId="event-related-document" />
              ))}
            </Stack>
          </div>
        </Stack>
      )}
    </Paper>
  );
}
