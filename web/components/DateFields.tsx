import { useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { ActionIcon } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { DateInput, TimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, DATE_TIME_FORMAT, parseDateText, parseDateTimeText, type UiLanguage } from '../lib/dateText';
import { UiDatesProvider } from './UiDatesProvider';

// Typed dates and times in the UI's language (DD.MM.YYYY or DD/MM/YYYY, 24-hour clock), with a
// calendar to pick from, whatever language the browser has. Text that is not a date is not taken:
// the field keeps its last date and says so under itself.

interface Common {
  label?: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  testId: string;
  w?: number | string;
  clearable?: boolean;
  autoFocus?: boolean;
  'aria-label'?: string;
}

const useLanguage = (): UiLanguage => (useTranslation().i18n.language === 'ru' ? 'ru' : 'en');

/** Remembers text typed into a picker that could not be read, until the user types again. */
function useUnreadable(parse: (text: string) => string | null) {
  const { t } = useTranslation();
  const [bad, setBad] = useState('');
  return {
    message: bad ? t('dates.unreadable', { text: bad }) : null,
    onBlur: (e: FocusEvent<HTMLInputElement>) => {
      const text = e.currentTarget.value.trim();
      setBad(text && !parse(text) ? text : '');
    },
    onInput: () => setBad(''),
  };
}

/**
 * The calendar opens from its button beside the field, not on focus: typing needs no calendar, and a
 * calendar that opened by itself would cover the buttons under the field (a dialog's «Создать»).
 */
function useCalendarButton(testId: string) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return {
    opened,
    close: () => setOpened(false),
    popoverProps: { opened, onChange: setOpened, withinPortal: true },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Escape') setOpened(false);
      if (e.key === 'ArrowDown' && e.altKey) setOpened(true);
    },
    rightSection: (
      <ActionIcon
        variant="subtle"
        color="gray"
        onClick={() => setOpened((o) => !o)}
        aria-label={t('dates.calendar')}
        aria-expanded={opened}
        title={t('dates.calendar')}
        data-testid={`${testId}-calendar`}
      >
        <IconCalendar size={16} />
      </ActionIcon>
    ),
  };
}

/** A calendar date: value and onChange in "YYYY-MM-DD" ('' when empty). */
export function DateField({
  value,
  onChange,
  minDate,
  maxDate,
  ...p
}: Common & {
  value: string;
  onChange: (value: string) => void;
  minDate?: string;
  maxDate?: string;
}) {
  const lang = useLanguage();
  const { t } = useTranslation();
  const unreadable = useUnreadable(parseDateText);
  const calendar = useCalendarButton(p.testId);
  return (
    <UiDatesProvider>
      <DateInput
        label={p.label}
        description={p.description}
        error={p.error || unreadable.message}
        required={p.required}
        w={p.w}
        clearable={p.clearable}
        allowDeselect
        autoFocus={p.autoFocus}
        aria-label={p['aria-label']}
        value={value || null}
        onChange={(v) => {
          calendar.close();
          onChange(v ?? '');
        }}
        valueFormat={DATE_FORMAT[lang]}
        dateParser={parseDateText}
        placeholder={t('dates.datePlaceholder')}
        minDate={minDate ?? '1000-01-01'}
        maxDate={maxDate ?? '2999-12-31'}
        onBlur={unreadable.onBlur}
        onInput={unreadable.onInput}
        onKeyDown={calendar.onKeyDown}
        rightSection={calendar.rightSection}
        popoverProps={calendar.popoverProps}
        data-testid={p.testId}
      />
    </UiDatesProvider>
  );
}

/** A time of day on a 24-hour clock: value and onChange in "HH:mm" ('' when empty or incomplete). */
export function TimeField({ value, onChange, ...p }: Common & { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TimePicker
      label={p.label}
      description={p.description}
      error={p.error}
      required={p.required}
      w={p.w}
      clearable={p.clearable}
      format="24h"
      withDropdown
      value={value}
      onChange={(v) => onChange(v ? v.slice(0, 5) : '')}
      hoursInputLabel={t('dates.hours')}
      minutesInputLabel={t('dates.minutes')}
      hoursPlaceholder={t('dates.hh')}
      minutesPlaceholder={t('dates.mm')}
      aria-label={p['aria-label']}
      hoursInputProps={{ 'data-testid': p.testId, autoFocus: p.autoFocus }}
      minutesInputProps={{ 'data-testid': `${p.testId}-minutes` }}
      popoverProps={{ withinPortal: true }}
    />
  );
}

/** A date and a time in one field: value and onChange in "YYYY-MM-DDTHH:mm" ('' when empty). */
export function DateTimeInput({ value, onChange, ...p }: Common & { value: string; onChange: (value: string) => void }) {
  const lang = useLanguage();
  const { t } = useTranslation();
  const unreadable = useUnreadable(parseDateTimeText);
  const calendar = useCalendarButton(p.testId);
  return (
    <UiDatesProvider>
      <DateInput
        label={p.label}
        description={p.description}
        error={p.error || unreadable.message}
        required={p.required}
        w={p.w}
        clearable={p.clearable}
        allowDeselect
        autoFocus={p.autoFocus}
        aria-label={p['aria-label']}
        withTime
        value={value ? `${value.replace('T', ' ')}:00` : null}
        onChange={(v) => {
          calendar.close();
          onChange(v ? v.slice(0, 16).replace(' ', 'T') : '');
        }}
        valueFormat={DATE_TIME_FORMAT[lang]}
        dateParser={(text) => {
          const v = parseDateTimeText(text);
          return v ? `${v.replace('T', ' ')}:00` : null;
        }}
        placeholder={t('dates.dateTimePlaceholder')}
        minDate="1000-01-01"
        maxDate="2999-12-31"
        onBlur={unreadable.onBlur}
        onInput={unreadable.onInput}
        onKeyDown={calendar.onKeyDown}
        rightSection={calendar.rightSection}
        popoverProps={calendar.popoverProps}
        data-testid={p.testId}
      />
    </UiDatesProvider>
  );
}
