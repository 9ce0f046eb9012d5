import { Badge, Button, Center, Divider, Group, Loader, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContactPerson } from '../../../shared/api/contact-persons';
import { ArchiveControls } from '../../components/ArchiveControls';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LeaveGuard } from '../../components/LeaveGuard';
import { PageHeader } from '../../components/PageHeader';
import { useCardForm } from '../../lib/useCardForm';
import { ContactInfoEditor } from '../contact-info/ContactInfoEditor';
import { useCounterparty } from '../counterparties/counterparties.queries';
import { EventsPanel } from '../events/EventsPanel';
import { ContactPersonFields } from './ContactPersonFields';
import { useArchiveContactPerson, useContactPerson, useCreateContactPerson, useUpdateContactPerson } from './contact-persons.queries';
import { contactPersonPayload, emptyContactPersonForm, formFromContactPerson, type ContactPersonForm } from './contactPersonForm';
import { ArchivedBadge, SaveButton } from '../../components/CardHeaderParts';

/** Route element: an existing person by id, or a new one (optionally for ?counterpartyId=). */
export function ContactPersonCardPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const forCounterparty = id ? undefined : (search.get('counterpartyId') ?? undefined);
  const person = useContactPerson(id);
  const owner = useCounterparty(forCounterparty);
  const loading = (id && person.isPending) || (forCounterparty && owner.isPending);
  if (loading)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  if (id && person.isError) return <ErrorPanel error={person.error} onRetry={() => void person.refetch()} />;
  const initial = person.data
    ? formFromContactPerson(person.data)
    : emptyContactPersonForm(owner.data?.id ?? null, owner.data?.name ?? null);
  return <ContactPersonEditor key={id ?? 'new'} saved={person.data} initial={initial} />;
}

function ContactPersonEditor({ saved, initial }: { saved?: ContactPerson; initial: ContactPersonForm }) {
  const { t } = useTranslation();
  const archive = useArchiveContactPerson(saved?.id ?? '');
  const card = useCardForm({
    saved,
    initial: () => initial,
    create: useCreateContactPerson(),
    update: useUpdateContactPerson(saved?.id ?? ''),
    toCreate: contactPersonPayload,
    toUpdate: contactPersonPayload,
    formOf: formFromContactPerson,
    pathOf: (p) => `/contact-persons/${p.id}`,
  });

  const counterpartyId = saved?.counterpartyId ?? initial.counterpartyId;
  const title = saved ? saved.fullName : t('contactPerson.newTitle');

  return (
    <form {...card.formProps} data-testid="contact-person-card">
      <LeaveGuard {...card.leave} />
      <PageHeader title={title} badge={<ArchivedBadge archivedAt={saved?.archivedAt} />}>
        {counterpartyId ? (
          <Button variant="default" component={Link} to={`/counterparties/${counterpartyId}`} data-testid="back-to-counterparty">
            {t('contactPerson.backToCounterparty')}
          </Button>
        ) : (
          <Button variant="default" component={Link} to="/contact-persons">
            {t('common.backToList')}
          </Button>
        )}
        {saved && (
          <Button
            variant="default"
            component="a"
            href={`/api/contact-persons/${saved.id}/vcard`}
            download
            data-testid="contact-person-vcard"
          >
            {t('contactPerson.downloadVcard')}
          </Button>
        )}
        {saved && (
          <ArchiveControls
            archived={!!saved.archivedAt}
            mutation={archive}
            testId="contact-person"
            question={t('contactPerson.archiveQuestion', { name: saved.fullName })}
          />
        )}
        <SaveButton saving={card.saving} testId="contact-person-save" />
      </PageHeader>
      <FormErrorSummary message={card.summary} />
      <ContactPersonFields form={card.form} errors={card.errors} onChange={card.patch} />
      <Divider my="lg" />
      <Title order={2} size="h4" mb="sm">
        {t('contactInfo.title')}
      </Title>
      <ContactInfoEditor
        rows={card.form.contactInfo}
        errors={card.rowErrors}
        listError={card.errors.contactInfo}
        onChange={(rows) => card.patch({ contactInfo: rows })}
      />
      <Group mt="lg">
        {card.dirty && (
          <Badge color="yellow" variant="light">
            {t('common.unsaved')}
          </Badge>
        )}
      </Group>
      {saved && (
        <>
          <Divider my="lg" />
          <Title order={2} size="h4" mb="sm" id="events">
            {t('events.title')}
          </Title>
          <EventsPanel contactPersonId={saved.id} height={380} />
        </>
      )}
    </form>
  );
}
