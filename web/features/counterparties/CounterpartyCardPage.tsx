import { useState } from 'react';
import { Badge, Button, Center, Group, Loader, Tabs } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Counterparty } from '../../../shared/api/counterparties';
import { ArchiveControls } from '../../components/ArchiveControls';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LeaveGuard } from '../../components/LeaveGuard';
import { PageHeader } from '../../components/PageHeader';
import { useCardForm } from '../../lib/useCardForm';
import { usePhone } from '../../lib/usePhone';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ContactInfoEditor } from '../contact-info/ContactInfoEditor';
import { EventsPanel } from '../events/EventsPanel';
import { CounterpartyMainTab } from './CounterpartyMainTab';
import { CounterpartyOrdersTab } from './CounterpartyOrdersTab';
import { CounterpartySalesTab } from './CounterpartySalesTab';
import { CounterpartyPersonsTab } from './CounterpartyPersonsTab';
import { useArchiveCounterparty, useCounterparty, useCreateCounterparty, useUpdateCounterparty } from './counterparties.queries';
import { MAIN_FIELDS, counterpartyPayload, emptyCounterpartyForm, formFromCounterparty } from './counterpartyForm';
import { ArchivedBadge, SaveButton } from '../../components/CardHeaderParts';
import { AbcHistoryTab } from '../abc/AbcHistoryTab';
import { AbcClassBadge } from '../abc/abcLabels';

/** Route element: loads the card (or starts a new one) and hands it to the editor. */
export function CounterpartyCardPage() {
  const { id } = useParams();
  const query = useCounterparty(id);
  if (id && query.isPending)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  if (id && query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  return <CounterpartyEditor key={id ?? 'new'} saved={query.data} />;
}

type Tab = 'main' | 'contactInfo' | 'persons' | 'events' | 'orders' | 'sales' | 'abc';
const LINKED_TABS: Tab[] = ['events', 'orders', 'sales', 'abc'];

function CounterpartyEditor({ saved }: { saved?: Counterparty }) {
  const { t } = useTranslation();
  const me = useCurrentUser().user;
  const phone = usePhone();
  const [search] = useSearchParams();
  // ?tab=events (or orders, sales) opens that tab: links back from a document land there.
  const linked = LINKED_TABS.find((x) => x === search.get('tab'));
  const [tab, setTab] = useState<Tab>(saved && linked ? linked : 'main');
  const archive = useArchiveCounterparty(saved?.id ?? '');
  const card = useCardForm({
    saved,
    initial: () => (saved ? formFromCounterparty(saved) : emptyCounterpartyForm(me?.id ?? null)),
    create: useCreateCounterparty(),
    update: useUpdateCounterparty(saved?.id ?? ''),
    // The whole card is one body: PATCH with contactInfo replaces the list.
    toCreate: counterpartyPayload,
    toUpdate: counterpartyPayload,
    formOf: formFromCounterparty,
    pathOf: (c) => `/counterparties/${c.id}`,
    // Open the tab that shows the first refused field.
    onFail: (errors) => {
      const fields = Object.keys(errors);
      if (fields.some((f) => MAIN_FIELDS.includes(f))) setTab('main');
      else if (fields.some((f) => f.startsWith('contactInfo'))) setTab('contactInfo');
    },
  });

  const title = saved ? saved.name : t('counterparty.newTitle');
  const ciCount = card.form.contactInfo.length;
  // A tab holding a marked field says so (the other tab may be the one on screen).
  const mainErrors = Object.keys(card.errors).filter((f) => MAIN_FIELDS.includes(f)).length;
  const ciErrors = Object.keys(card.rowErrors).length + (card.errors.contactInfo ? 1 : 0);

  return (
    <form {...card.formProps} data-testid="counterparty-card">
      <LeaveGuard {...card.leave} />
      <PageHeader
        title={title}
        badge={
          <>
            <AbcClassBadge value={saved?.abcClass} testId="counterparty-abc-badge" long={!phone} />
            <ArchivedBadge archivedAt={saved?.archivedAt} />
          </>
        }
      >
        <Button variant="default" component={Link} to="/counterparties">
          {t('common.backToList')}
        </Button>
        {saved && (
          <ArchiveControls
            archived={!!saved.archivedAt}
            mutation={archive}
            testId="counterparty"
            question={t('counterparty.archiveQuestion', { name: saved.name })}
          />
        )}
        <SaveButton saving={card.saving} testId="counterparty-save" />
      </PageHeader>
      <FormErrorSummary message={card.summary} />
      <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'main')} keepMounted>
        <Tabs.List mb="md">
          <Tabs.Tab value="main" data-testid="tab-main" {...errorMark(mainErrors)}>
            {t('counterparty.tabs.main')}
          </Tabs.Tab>
          <Tabs.Tab value="contactInfo" data-testid="tab-contact-info" {...errorMark(ciErrors)}>
            {t('counterparty.tabs.contactInfo')}
            {ciCount ? ` (${ciCount})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="persons" disabled={!saved} data-testid="tab-persons" title={saved ? undefined : t('counterparty.saveFirst')}>
            {t('counterparty.tabs.persons')}
          </Tabs.Tab>
          <Tabs.Tab value="events" disabled={!saved} data-testid="tab-events" title={saved ? undefined : t('counterparty.saveFirst')}>
            {t('events.title')}
          </Tabs.Tab>
          <Tabs.Tab value="orders" disabled={!saved} data-testid="tab-orders" title={saved ? undefined : t('counterparty.saveFirst')}>
            {t('sales.tabs.orders')}
          </Tabs.Tab>
          <Tabs.Tab value="sales" disabled={!saved} data-testid="tab-sales" title={saved ? undefined : t('counterparty.saveFirst')}>
            {t('sales.tabs.sales')}
          </Tabs.Tab>
          <Tabs.Tab value="abc" disabled={!saved} data-testid="tab-abc" title={saved ? undefined : t('counterparty.saveFirst')}>
            {t('abc.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="main">
          <CounterpartyMainTab form={card.form} errors={card.errors} onChange={card.patch} />
        </Tabs.Panel>
        <Tabs.Panel value="contactInfo">
          <ContactInfoEditor
            rows={card.form.contactInfo}
            errors={card.rowErrors}
            listError={card.errors.contactInfo}
            onChange={(rows) => card.patch({ contactInfo: rows })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="persons">{saved && tab === 'persons' && <CounterpartyPersonsTab counterparty={saved} />}</Tabs.Panel>
        <Tabs.Panel value="events">{saved && tab === 'events' && <EventsPanel counterpartyId={saved.id} />}</Tabs.Panel>
        <Tabs.Panel value="orders">{saved && tab === 'orders' && <CounterpartyOrdersTab counterparty={saved} />}</Tabs.Panel>
        <Tabs.Panel value="sales">{saved && tab === 'sales' && <CounterpartySalesTab counterparty={saved} />}</Tabs.Panel>
        <Tabs.Panel value="abc">
          {saved && tab === 'abc' && <AbcHistoryTab counterpartyId={saved.id} current={saved.abcClass} />}
        </Tabs.Panel>
      </Tabs>
      <Group mt="lg">
        {card.dirty && (
          <Badge color="yellow" variant="light">
            {t('common.unsaved')}
          </Badge>
        )}
      </Group>
    </form>
  );
}

/** A tab with marked fields: red, with their number beside its name. */
function errorMark(count: number) {
  if (!count) return {};
  return {
    c: 'red',
    'data-errors': count,
    rightSection: (
      <Badge size="sm" color="red" circle>
        {count}
      </Badge>
    ),
  };
}
