import { Select } from '@mantine/core';

function zones(current: string): string[] {
  let list: string[];
  try {
    list = Intl.supportedValuesOf('timeZone');
  } catch {
    list = ['Europe/Moscow', 'UTC'];
  }
  if (current && !list.includes(current)) list = [current, ...list];
  return list;
}

export function TimeZoneSelect({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  testId?: string;
}) {
  return (
    <Select
      label={label}
      data={zones(value)}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable
      allowDeselect={false}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
      limit={50}
    />
  );
}
