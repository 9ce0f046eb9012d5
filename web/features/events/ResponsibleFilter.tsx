import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserRefs } from '../users/users.queries';

interface Props {
  /** "me", "" (everyone) or a user id. */
  value: string;
  onChange: (value: string) => void;
  label?: string;
  testId: string;
  w?: number | string;
}

/** Responsible filter: me, everyone, or one user. */
export function ResponsibleFilter({ value, onChange, label, testId, w = 200 }: Props) {
  const { t } = useTranslation();
  const refs = useUserRefs();
  const data = [
    { value: 'all', label: t('events.filters.everyone') },
    { value: 'me', label: t('events.filters.me') },
    ...(refs.data ?? []).map((u) => ({ value: u.id, label: u.name })),
  ];
  return (
    <Select
      label={label}
      data={data}
      value={value || 'all'}
      onChange={(v) => onChange(!v || v === 'all' ? '' : v)}
      searchable
      allowDeselect={false}
      w={w}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
      aria-label={label ?? t('events.responsible')}
    />
  );
}
