import { useState, type FormEvent } from 'react';
import { Badge, Button, Center, Group, Loader, Tabs } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Counterparty } from '../../../shared/api/counterparties';
import type { User } from '../../../shared/api/users';
import { keys } from '../../api/keys';
import { ArchiveControls } from '../../components/ArchiveControls';
import { ContactInfoEditor } from '../../components/ContactInfoEditor';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { useCardForm } from '../../components/useCardForm';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { CounterpartyMainTab } from './CounterpartyMainTab';
import { CounterpartyPersonsTab } from './CounterpartyPersonsTab';
import { EventsPanel } from '../events/EventsPanel';
import {
  useArchiveCounterparty, useCounterparty, useCreateCounterparty, useUpdateCounterparty,
} from './counterparties.queries';
import { MAIN_FIELDS, counterpartyPayload, emptyCounterpartyForm, formFromCounterparty } from './counterpartyForm';

/** Route element: loads the card (or starts a new one) and hands it to the editor. */
export function CounterpartyCardPage() {
  const { id } = useParams();
  const query = useCounterparty(id);
  if (id && query.isPending) return <Center p="xl"><Loader /></Center>;
  if (id && query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  return <CounterpartyEditor key={id ?? 'new'} saved={query.data} />;
}

type Tab = 'main' | 'contactInfo' | 'persons' | 'events';

function CounterpartyEditor({ saved }: { saved?: Counterparty }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = qc.getQueryData<User | null>(keys.me);
  const card = useCardForm(() => (saved ? formFromCounterparty(saved) : emptyCounterpartyForm(me?.id ?? null)));
  const [search] = useSearchParams();
  // ?tab=events opens «События» (links back from an event land there).
  const [tab, setTab] = useState<Tab>(saved && search.get('tab') === 'events' ? 'events' : 'main');
  const create = useCreateCounterparty();
  const update = useUpdateCounterparty(saved?.id ?? '');
  const archive = useArchiveCounterparty(saved?.id ?? '');
  const saving = create.isPending || update.isPending;

  const save = () => {
    if (saving) return;
    const { body, rowKeys } = counterpartyPayload(card.form);
    const onError = (err: unknown) => {
      const fields = Object.keys(card.fail(err, t, rowKeys));
      if (fields.some((f) => MAIN_FIELDS.includes(f))) setTab('main');
      else if (fields.some((f) => f.startsWith('contactInfo'))) setTab('contactInfo');
    };
    if (!saved) {
      create.mutate(body, {
        onSuccess: (c) => {
          notifySuccess(t('common.saved'));
          navigate(`/counterparties/${c.id}`, { replace: true });
        },
        onError,
      });
      return;
    }
    update.mutate(body, {
      onSuccess: (c) => {
        card.reset(formFromCounterparty(c));
        notifySuccess(t('common.saved'));
      },
      onError,
    });
  };
  useSaveShortcut(save);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save();
  };

  const title = saved ? saved.name : t('counterparty.newTitle');
  const ciCount = card.form.contactInfo.length;
  const ciErrors = Object.keys(card.rowErrors).length > 0;

  return (
    <form onSubmit={onSubmit} noValidate data-testid="counterparty-card">
      <PageHeader title={title}
        badge={saved?.archivedAt ? <Badge color="gray" data-testid="archived-badge">{t('common.archived')}</Badge> : null}>
        <Button variant="default" component={Link} to="/counterparties">{t('common.backToList')}</Button>
        {saved && <ArchiveControls archived={!!saved.archivedAt} mutation={archive} testId="counterparty"
          question={t('counterparty.archiveQuestion', { name: saved.name })} />}
        <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={saving} data-testid="counterparty-save"
          title={t('common.saveHint')}>
          {t('common.save')}
        </Button>
      </PageHeader>
      <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'main')} keepMounted>
        <Tabs.List mb="md">
          <Tabs.Tab value="main" data-testid="tab-main">{t('counterparty.tabs.main')}</Tabs.Tab>
          <Tabs.Tab value="contactInfo" data-testid="tab-contact-info" c={ciErrors ? 'red' : undefined}>
            {t('counterparty.tabs.contactInfo')}{ciCount ? ` (${ciCount})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="persons" disabled={!saved} data-testid="tab-persons" title={saved ? undefined : t('counterparty.saveFirst')}>
            {t('counterparty.tabs.persons')}
          </Tabs.Tab>
          <Tabs.Tab value="events" disabled={!saved} data-testid="tab-events" title={saved ? undefined : t('counterparty.saveFirst')}>
            {t('events.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="main">
          <CounterpartyMainTab form={card.form} errors={card.errors} onChange={card.patch} />
        </Tabs.Panel>
        <Tabs.Panel value="contactInfo">
          <ContactInfoEditor rows={card.form.contactInfo} errors={card.rowErrors} listError={card.errors.contactInfo}
            onChange={(rows) => card.patch({ contactInfo: rows })} />
        </Tabs.Panel>
        <Tabs.Panel value="persons">
          {saved && tab === 'persons' && <CounterpartyPersonsTab counterparty={saved} />}
        </Tabs.Panel>
        <Tabs.Panel value="events">
          {saved && tab === 'events' && <EventsPanel counterpartyId={saved.id} />}
        </Tabs.Panel>
      </Tabs>
      <Group mt="lg">
        {card.dirty && <Badge color="yellow" variant="light">{t('common.unsaved')}</Badge>}
      </Group>
    </form>
  );
}
