import { CloseButton, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  testId?: string;
}

export function SearchBox({ value, onChange, placeholder, testId }: Props) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="search"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onChange('');
      }}
      placeholder={placeholder}
      aria-label={placeholder}
      leftSection={<IconSearch size={16} />}
      rightSection={value ? <CloseButton size="sm" onClick={() => onChange('')} aria-label={t('common.clear')} /> : null}
      w={360}
      maw="100%"
      autoFocus
      data-testid={testId}
    />
  );
}
