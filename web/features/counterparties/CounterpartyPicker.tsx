import { useState } from 'react';
import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useCounterpartyOptions } from './counterparties.queries';

interface Props {
  value: string | null;
  /** Name of the current value, shown before any search has loaded it. */
  valueLabel: string | null;
  onChange: (id: string | null, name: string | null) => void;
  label?: string;
  placeholder?: string;
  error?: string;
  testId: string;
  w?: number | string;
}

/** Searchable counterparty picker (the server searches name, INN, phone, e-mail). */
export function CounterpartyPicker({ value, valueLabel, onChange, label, placeholder, error, testId, w }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(valueLabel ?? '');
  // A value set from outside (a chosen contact person fills the counterparty) shows its name.
  // Reset the text when the value changes, during render (React's pattern for state derived from a prop).
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setSearch(valueLabel ?? '');
  }
  const [q] = useDebouncedValue(search.trim() === (valueLabel ?? '') ? '' : search.trim(), 250);
  const options = useCounterpartyOptions(q);
  const found = options.data ?? [];
  const inns = new Map(found.map((c) => [c.id, c.inn]));
  const data = found.map((c) => ({ value: c.id, label: c.name }));
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
      onChange={(id, option) => onChange(id, option ? option.label : null)}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{option.label}</Text>
          {inns.get(option.value) && (
            <Text size="xs" c="dimmed">
              {inns.get(option.value)}
            </Text>
          )}
        </Group>
      )}
      nothingFoundMessage={options.isFetching ? t('common.loading') : t('common.nothingFound')}
      placeholder={placeholder ?? t('contactPerson.counterpartyPlaceholder')}
      error={error}
      w={w}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
