import { useState } from 'react';
import { Badge, Button, Collapse, Group, SegmentedControl, Select } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconFilterOff } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateFields';
import { SearchBox } from '../../components/SearchBox';
import type { useListParams } from '../../lib/useListParams';
import { useCounterparty } from '../counterparties/counterparties.queries';
import { useContactPerson } from '../contact-persons/contact-persons.queries';
import { ContactPersonPicker } from './ContactPersonPicker';
import { CounterpartyPicker } from '../counterparties/CounterpartyPicker';
import { ResponsibleFilter } from './ResponsibleFilter';
import { IMPORTANCES, KINDS, STATES } from './eventLabels';
import { usePhone } from '../../lib/usePhone';

export const FILTER_KEYS = [
  'from',
  'to',
  'counterpartyId',
  'contactPersonId',
  'kind',
  'importance',
  'state',
  'responsible',
  'archived',
  'q',
] as const;

/** The journal's filters, kept in the URL so Back returns to the same selection. */
export function EventFilters({ lp }: { lp: ReturnType<typeof useListParams> }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  // Several keys in one URL update: react-router does not chain functional updates within one event.
  const setMany = (patch: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const counterpartyId = lp.get('counterpartyId') || null;
  const contactPersonId = lp.get('contactPersonId') || null;
  const counterparty = useCounterparty(counterpartyId ?? undefined);
  const person = useContactPerson(contactPersonId ?? undefined);
  const select = (key: 'kind' | 'importance' | 'state', values: readonly string[], group: string, w: number) => (
    <Select
      label={t(`events.${key}`)}
      placeholder={t('events.filters.any')}
      value={lp.get(key) || null}
      clearable
      w={w}
      data={values.map((v) => ({ value: v, label: t(`events.${group}.${v}`) }))}
      onChange={(v) => lp.set(key, v ?? '')}
      data-testid={`events-filter-${key}`}
      comboboxProps={{ withinPortal: true }}
    />
  );
  const any = FILTER_KEYS.some((k) => k !== 'archived' && lp.get(k)) || lp.get('archived') !== 'active';
  // On a phone the filters fold under one button, so the journal starts on the first screen.
  const phone = usePhone();
  const [open, setOpen] = useState(false);
  const chosen = FILTER_KEYS.filter((k) => k !== 'q' && k !== 'archived' && lp.get(k)).length + (lp.get('archived') !== 'active' ? 1 : 0);
  const reset = () => {
    lp.setSearch('');
    setMany(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])));
  };

  const controls = (
    <>
      {select('kind', KINDS, 'kinds', 190)}
      {select('importance', IMPORTANCES, 'importances', 130)}
      {select('state', STATES, 'states', 150)}
      <ResponsibleFilter
        label={t('events.responsible')}
        value={lp.get('responsible')}
        onChange={(v) => lp.set('responsible', v)}
        testId="events-filter-responsible"
        w={180}
      />
      <CounterpartyPicker
        label={t('events.counterparty')}
        value={counterpartyId}
        valueLabel={counterparty.data?.name ?? null}
        key={`cp-${counterparty.data?.id ?? ''}`}
        placeholder={t('events.filters.any')}
        w={230}
        testId="events-filter-counterparty"
        onChange={(id) => setMany(id ? { counterpartyId: id, contactPersonId: '' } : { counterpartyId: '' })}
      />
      <ContactPersonPicker
        label={t('events.contactPerson')}
        value={contactPersonId}
        valueLabel={person.data?.fullName ?? null}
        key={`p-${person.data?.id ?? ''}`}
        counterpartyId={counterpartyId}
        placeholder={t('events.filters.any')}
        w={210}
        testId="events-filter-person"
        onChange={(_p, id) => lp.set('contactPersonId', id ?? '')}
      />
      <SegmentedControl
        value={lp.get('archived')}
        onChange={(v) => lp.set('archived', v)}
        data-testid="events-filter-archived"
        data={[
          { value: 'active', label: t('filters.active') },
          { value: 'archived', label: t('filters.archived') },
          { value: 'all', label: t('filters.all') },
        ]}
      />
      {any && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={reset} data-testid="events-filter-reset">
          {t('events.filters.reset')}
        </Button>
      )}
    </>
  );
  return (
    <Group mb="sm" gap="sm" wrap="wrap" align="flex-end" data-testid="events-filters">
      <SearchBox value={lp.search} onChange={lp.setSearch} placeholder={t('events.searchPlaceholder')} testId="events-search" />
      <DateField
        label={t('events.filters.from')}
        value={lp.get('from')}
        w={160}
        clearable
        onChange={(v) => lp.set('from', v)}
        testId="events-filter-from"
      />
      <DateField
        label={t('events.filters.to')}
        value={lp.get('to')}
        w={160}
        clearable
        onChange={(v) => lp.set('to', v)}
        testId="events-filter-to"
      />
      {phone ? (
        <>
          <Button
            variant="default"
            leftSection={<IconAdjustmentsHorizontal size={16} />}
            rightSection={
              chosen ? (
                <Badge size="sm" circle>
                  {chosen}
                </Badge>
              ) : null
            }
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            data-testid="events-filters-toggle"
          >
            {t('events.filters.toggle')}
          </Button>
          <Collapse expanded={open} style={{ width: '100%' }}>
            <Group gap="sm" wrap="wrap" align="flex-end">
              {controls}
            </Group>
          </Collapse>
        </>
      ) : (
        controls
      )}
    </Group>
  );
}
