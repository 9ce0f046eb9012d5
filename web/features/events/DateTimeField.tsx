import type { KeyboardEvent, ReactNode } from 'react';
import { Group, Input, TextInput } from '@mantine/core';

interface Props {
  label: string;
  date: string;
  time: string;
  onChange: (date: string, time: string) => void;
  error?: string;
  required?: boolean;
  description?: ReactNode;
  testId: string;
  /** Buttons beside the inputs (e.g. "in an hour"). */
  children?: ReactNode;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
}

/** A date and a time on the user's clock (the card converts them with the user's time zone). */
export function DateTimeField({ label, date, time, onChange, error, required, description, testId, children, onKeyDown }: Props) {
  return (
    <Input.Wrapper label={label} error={error} required={required} description={description}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <TextInput
          type="date"
          value={date}
          max="9999-12-31"
          aria-label={label}
          error={!!error}
          w={160}
          onKeyDown={onKeyDown}
          onChange={(e) => onChange(e.currentTarget.value, time)}
          data-testid={`${testId}-date`}
        />
        <TextInput
          type="time"
          value={time}
          aria-label={`${label} (time)`}
          error={!!error}
          w={110}
          onKeyDown={onKeyDown}
          onChange={(e) => onChange(date, e.currentTarget.value)}
          data-testid={`${testId}-time`}
        />
        {children}
      </Group>
    </Input.Wrapper>
  );
}
