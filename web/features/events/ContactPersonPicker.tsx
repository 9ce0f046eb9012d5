import { useState } from 'react';
import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ContactPerson } from '../../../shared/api/contact-persons';
import { useContactPersonOptions } from './events.queries';

interface Props {
  value: string | null;
  valueLabel: string | null;
  /** Limits the choice to this counterparty's persons and individuals. */
  counterpartyId: string | null;
  onChange: (person: ContactPerson | null, id: string | null, name: string | null) => void;
  label?: string;
  placeholder?: string;
  error?: string;
  testId: string;
  w?: number | string;
}

/** «Контактное лицо» for an event; a person of a counterparty shows that counterparty beside the name. */
export function ContactPersonPicker({ value, valueLabel, counterpartyId, onChange, label, placeholder, error, testId, w }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(valueLabel ?? '');
  // Reset the text when the value changes, during render (React's pattern for state derived from a prop).
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setSearch(valueLabel ?? '');
  }
  const [q] = useDebouncedValue(search.trim() === (valueLabel ?? '') ? '' : search.trim(), 250);
  const options = useContactPersonOptions(q, counterpartyId);
  const found = options.data ?? [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const data = found.map((p) => ({ value: p.id, label: p.fullName }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: valueLabel ?? value });

  return (
    <Select
      label={label}
      data={data}
      value={value}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      onChange={(id, option) => onChange(id ? (byId.get(id) ?? null) : null, id, option ? option.label : null)}
      renderOption={({ option }) => {
        const p = byId.get(option.value);
        return (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">{option.label}</Text>
            {p && (
              <Text size="xs" c="dimmed">
                {p.counterpartyName ?? t('contactPerson.individual')}
                {p.position ? ` · ${p.position}` : ''}
              </Text>
            )}
          </Group>
        );
      }}
      nothingFoundMessage={options.isFetching ? t('common.loading') : t('common.nothingFound')}
      placeholder={placeholder ?? t('events.personPlaceholder')}
      error={error}
      w={w}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
