import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCounterpartyOptions } from './counterparties.queries';
import { usePickerSearch, withChosen } from '../../lib/usePickerSearch';

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
  const { search, setSearch, query: q } = usePickerSearch(value, valueLabel);
  const options = useCounterpartyOptions(q);
  const found = options.data ?? [];
  const inns = new Map(found.map((c) => [c.id, c.inn]));
  const data = withChosen(
    found.map((c) => ({ value: c.id, label: c.name })),
    value,
    valueLabel,
  );

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
