import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserRefs } from './users.queries';

interface Props {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  error?: string;
  testId?: string;
}

/** «Ответственный»: a user picker; blocked users cannot be newly chosen but stay visible when set. */
export function ResponsibleSelect({ value, onChange, label, error, testId }: Props) {
  const { t } = useTranslation();
  const refs = useUserRefs();
  const data = (refs.data ?? [])
    .filter((u) => !u.blocked || u.id === value)
    .map((u) => ({ value: u.id, label: u.blocked ? `${u.name} (${t('users.blocked')})` : u.name }));
  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      error={error}
      nothingFoundMessage={t('common.nothingFound')}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
