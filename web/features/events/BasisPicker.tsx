import { useState } from 'react';
import { Button, Group, Paper, Select, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../shared/api/events';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormat } from '../../lib/useFormat';
import { eventTitle } from '../../lib/names';
import { useEventList, useSetEventLinks } from './events.queries';

/** Codes the picker explains in its own words (a cycle is its alone). */
const OWN_CODES = ['basis_cycle', 'basis_not_found'];

/**
 * «Дополнительно» of a saved event: its basis («Основание»), another event found by number or subject
 * (orders join when they exist). Saved with its own button, apart from the card's «Записать»; the
 * server refuses the event itself and anything based on it.
 */
export function BasisPicker({ event }: { event: Event }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const saved = event.basis?.type === 'event' ? event.basis : null;
  const [value, setValue] = useState<string | null>(saved?.id ?? null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [error, setError] = useState<string | null>(null);
  const save = useSetEventLinks(event.id);
  const list = useEventList({ q: q.trim() || undefined, archived: 'all' }, 20);

  const found = (list.data?.pages ?? []).flatMap((p) => p.items).filter((e) => e.id !== event.id);
  const options = found.map((e) => ({ value: e.id, label: `${eventTitle(e.number, e.subject)} (${fmt.date(e.startAt)})` }));
  if (saved && !options.some((o) => o.value === saved.id)) options.unshift({ value: saved.id, label: saved.title ?? '—' });
  const changed = value !== (saved?.id ?? null);

  const apply = () =>
    save.mutate(
      { basis: value ? { type: 'event', id: value } : null },
      {
        onSuccess: () => {
          setError(null);
          notifySuccess(t(value ? 'eventReminder.basisSaved' : 'eventReminder.basisCleared'));
        },
        onError: (err) => {
          const code = err instanceof ApiError ? err.details.find((d) => d.code && OWN_CODES.includes(d.code))?.code : undefined;
          if (code) setError(t(`eventReminder.errors.${code}`));
          else if (err instanceof ApiError && err.status === 400) setError(errorMessage(err, t, { scope: 'events' }));
          else notifyError(err, t, { scope: 'events' });
        },
      },
    );

  return (
    <Paper withBorder p="sm" data-testid="event-additional">
      <Title order={2} size="h5" mb="xs">
        {t('eventReminder.additional')}
      </Title>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label={t('eventReminder.basis')}
          placeholder={t('eventReminder.basisPlaceholder')}
          data={options}
          value={value}
          onChange={(v) => {
            setValue(v);
            setError(null);
          }}
          searchable
          clearable
          searchValue={search}
          onSearchChange={setSearch}
          // The server searches; every option it gives fits.
          filter={({ options: all }) => all}
          nothingFoundMessage={t('eventReminder.basisNothing')}
          error={error}
          style={{ flex: '1 1 280px', minWidth: 0 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="event-basis-select"
        />
        <Button variant="light" onClick={apply} disabled={!changed} loading={save.isPending} data-testid="event-basis-apply">
          {t('eventReminder.basisApply')}
        </Button>
      </Group>
    </Paper>
  );
}
