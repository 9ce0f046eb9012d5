import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';

/**
 * The typed text of a searchable record picker. A value set from outside (a chosen contact person
 * fills the counterparty) shows its name: the text is reset when the value changes, during render
 * (React's pattern for state derived from a prop). `query` is what to search for, debounced, and
 * empty while the text is just the chosen record's name.
 */
export function usePickerSearch(value: string | null, valueLabel: string | null | undefined) {
  const [search, setSearch] = useState(valueLabel ?? '');
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setSearch(valueLabel ?? '');
  }
  const [query] = useDebouncedValue(search.trim() === (valueLabel ?? '') ? '' : search.trim(), 250);
  return { search, setSearch, query };
}

/** The picker's options, with the chosen record first when the search did not return it. */
export function withChosen(data: { value: string; label: string }[], value: string | null, valueLabel: string | null | undefined) {
  return value && !data.some((d) => d.value === value) ? [{ value, label: valueLabel ?? value }, ...data] : data;
}
