import { useState } from 'react';
import { Anchor, Badge, Button, Center, Grid, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../shared/api/events';
import { ArchiveControls } from '../../components/ArchiveControls';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LeaveGuard } from '../../components/LeaveGuard';
import { PageHeader } from '../../components/PageHeader';
import { useCardForm } from '../../lib/useCardForm';
import { useFormat } from '../../lib/useFormat';
import { eventTitle } from '../../lib/names';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useCounterparty } from '../counterparties/counterparties.queries';
import { useContactPerson } from '../contact-persons/contact-persons.queries';
import { CreateBasedOnMenu } from './CreateBasedOnMenu';
import { EventFields } from './EventFields';
import { EventRelatedPanel } from './EventRelatedPanel';
import { EventReminderBlock } from './EventReminderBlock';
import { EventReminderEditor } from './EventReminderEditor';
import { BasisPicker } from './BasisPicker';
import { cardField, createPayload, emptyEventForm, formFromEvent, patchPayload, type EventForm, type EventPrefill } from './eventForm';
import { useArchiveEvent, useCreateEvent, useEvent, useUpdateEvent } from './events.queries';
import { ArchivedBadge, SaveButton } from '../../components/CardHeaderParts';

/**
 * Route element: an event by id, or a new one prefilled from ?counterpartyId=, ?contactPersonId=
 * or ?basisId= (a follow-up «на основании» of another event).
 */
export function EventCardPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const { user, timeZone } = useCurrentUser();
  const basisId = id ? null : search.get('basisId');
  const cpId = id ? undefined : (search.get('counterpartyId') ?? undefined);
  const personId = id ? undefined : (search.get('contactPersonId') ?? undefined);
  const event = useEvent(id);
  const basis = useEvent(basisId);
  const counterparty = useCounterparty(cpId);
  const person = useContactPerson(personId);

  const pending =
    (id && event.isPending) || (basisId && basis.isPending) || (cpId && counterparty.isPending) || (personId && person.isPending);
  if (pending)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  const failed = [event, basis, counterparty, person].find((q) => q.isError);
  if (failed) return <ErrorPanel error={failed.error} onRetry={() => void failed.refetch()} />;

  if (event.data) {
    return <EventEditor key={event.data.id} saved={event.data} initial={formFromEvent(event.data, timeZone)} timeZone={timeZone} />;
  }
  const b = basis.data;
  const prefill: EventPrefill = b
    ? {
        counterpartyId: b.counterpartyId,
        counterpartyName: b.counterpartyName,
        contactPersonId: b.contactPersonId,
        contactPersonName: b.contactPersonName,
        kind: b.kind,
        subject: b.subject,
      }
    : person.data
      ? {
          counterpartyId: person.data.counterpartyId,
          counterpartyName: person.data.counterpartyName,
          contactPersonId: person.data.id,
          contactPersonName: person.data.fullName,
        }
      : { counterpartyId: counterparty.data?.id ?? null, counterpartyName: counterparty.data?.name ?? null };
  return (
    <EventEditor
      key={`new-${search.toString()}`}
      basis={b ?? null}
      timeZone={timeZone}
      initial={emptyEventForm(timeZone, user?.id ?? null, prefill)}
    />
  );
}

interface EditorProps {
  saved?: Event;
  basis?: Event | null;
  initial: EventForm;
  timeZone: string;
}

function EventEditor({ saved, basis, initial, timeZone }: EditorProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [personOwnerId, setPersonOwnerId] = useState<string | null | undefined>(undefined);
  const archive = useArchiveEvent(saved?.id ?? '');
  const card = useCardForm({
    saved,
    initial: () => initial,
    create: useCreateEvent(),
    update: useUpdateEvent(saved?.id ?? ''),
    toCreate: (f) => createPayload(f, timeZone, basis?.id ?? null),
    // Only what differs from the stored event is sent.
    toUpdate: (f) => patchPayload(f, initial, timeZone),
    formOf: (e) => formFromEvent(e, timeZone),
    pathOf: (e) => `/events/${e.id}`,
    errorOptions: { scope: 'events', fieldOf: cardField },
    errorKeyOf: inputOf,
  });
  const { form, errors } = card;

  const title = saved ? t('events.cardTitle', { number: saved.number, date: fmt.date(saved.startAt) }) : t('events.newTitle');
  const basisLink =
    saved?.basis ?? (basis ? { type: 'event' as const, id: basis.id, title: eventTitle(basis.number, basis.subject) } : null);

  return (
    <form {...card.formProps} data-testid="event-card">
      <LeaveGuard {...card.leave} />
      <PageHeader title={title} badge={<ArchivedBadge archivedAt={saved?.archivedAt} />}>
        <Button variant="default" component={Link} to="/events">
          {t('events.backToJournal')}
        </Button>
        {saved && <CreateBasedOnMenu event={saved} />}
        {saved && <EventReminderEditor event={saved} timeZone={timeZone} />}
        {saved && (
          <ArchiveControls
            archived={!!saved.archivedAt}
            mutation={archive}
            testId="event"
            question={t('events.archiveQuestion', { number: saved.number })}
          />
        )}
        <SaveButton saving={card.saving} testId="event-save" />
      </PageHeader>
      <FormErrorSummary message={card.summary} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: saved ? 8 : 9 }}>
          <Stack gap="md" maw={1000}>
            {basisLink && (
              <Group gap="xs" data-testid="event-basis">
                <Text size="sm" fw={500}>
                  {t('events.basis')}:
                </Text>
                <Anchor component={Link} to={`/events/${basisLink.id}`} size="sm">
                  {t('events.related.types.event')} {basisLink.title ?? ''}
                </Anchor>
              </Group>
            )}
            <EventFields
              form={form}
              errors={errors}
              onChange={card.patch}
              timeZone={timeZone}
              autoFocus={!saved}
              personOwnerId={personOwnerId}
              onPersonOwner={setPersonOwnerId}
            />
            {!saved && (
              <EventReminderBlock value={form.reminder} onChange={(r) => card.patch({ reminder: r })} errors={errors} timeZone={timeZone} />
            )}
            {saved && <BasisPicker event={saved} />}
            {errors.basis && (
              <Text c="red" size="sm">
                {errors.basis}
              </Text>
            )}
            <Group>
              {card.dirty && (
                <Badge color="yellow" variant="light">
                  {t('common.unsaved')}
                </Badge>
              )}
            </Group>
          </Stack>
        </Grid.Col>
        {saved && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <EventRelatedPanel eventId={saved.id} />
              <Paper withBorder p="sm" data-testid="event-meta">
                <Stack gap={4}>
                  {saved.counterpartyId && (
                    <Text size="sm">
                      <Text span c="dimmed">
                        {t('events.counterparty')}:{' '}
                      </Text>
                      <Anchor
                        component={Link}
                        to={`/counterparties/${saved.counterpartyId}?tab=events`}
                        size="sm"
                        data-testid="event-counterparty-link"
                      >
                        {saved.counterpartyName}
                      </Anchor>
                    </Text>
                  )}
                  {saved.contactPersonId && (
                    <Text size="sm">
                      <Text span c="dimmed">
                        {t('events.contactPerson')}:{' '}
                      </Text>
                      <Anchor component={Link} to={`/contact-persons/${saved.contactPersonId}`} size="sm" data-testid="event-person-link">
                        {saved.contactPersonName}
                      </Anchor>
                    </Text>
                  )}
                  <Text size="sm">
                    <Text span c="dimmed">
                      {t('events.author')}:{' '}
                    </Text>
                    {saved.authorName ?? '—'}
                  </Text>
                  <Text size="sm">
                    <Text span c="dimmed">
                      {t('common.createdAt')}:{' '}
                    </Text>
                    {fmt.dateTime(saved.createdAt)}
                  </Text>
                  <Text size="sm">
                    <Text span c="dimmed">
                      {t('events.updatedAt')}:{' '}
                    </Text>
                    {fmt.dateTime(saved.updatedAt)}
                  </Text>
                </Stack>
              </Paper>
            </Stack>
          </Grid.Col>
        )}
      </Grid>
    </form>
  );
}

/** The start and end are two inputs each (date, time) but one error each. */
function inputOf(formKey: string): string {
  if (formKey.startsWith('start')) return 'startAt';
  if (formKey.startsWith('end')) return 'endAt';
  return formKey;
}
