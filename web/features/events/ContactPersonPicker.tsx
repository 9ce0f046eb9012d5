import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactPerson } from '../../../shared/api/contact-persons';
import { useContactPersonOptions } from './events.queries';
import { usePickerSearch, withChosen } from '../../lib/usePickerSearch';

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
  const { search, setSearch, query: q } = usePickerSearch(value, valueLabel);
  const options = useContactPersonOptions(q, counterpartyId);
  const found = options.data ?? [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const data = withChosen(
    found.map((p) => ({ value: p.id, label: p.fullName })),
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
