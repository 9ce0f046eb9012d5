import type { ReactNode } from 'react';
import { Group, Input } from '@mantine/core';
import { DateField, TimeField } from '../../components/DateFields';

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
}

/**
 * A date and a time on the user's clock (the card converts them with the user's time zone), typed
 * or picked in the UI's language on a 24-hour clock.
 */
export function DateTimeField({ label, date, time, onChange, error, required, description, testId, children }: Props) {
  return (
    <Input.Wrapper label={label} error={error} required={required} description={description}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <DateField value={date} aria-label={label} error={!!error} w={150} onChange={(d) => onChange(d, time)} testId={`${testId}-date`} />
        <TimeField
          value={time}
          aria-label={label}
          error={!!error}
          w={100}
          onChange={(tm) => onChange(date, tm)}
          testId={`${testId}-time`}
        />
        {children}
      </Group>
    </Input.Wrapper>
  );
}
