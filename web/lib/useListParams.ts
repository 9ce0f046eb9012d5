import { useEffect, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the URL, so Back returns to the same search. The search box is debounced:
 * `search` follows the input at once, `q` only after the user pauses typing.
 */
export function useListParams(defaults: Record<string, string>) {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? defaults[k] ?? '';
  const [search, setSearch] = useState(get('q'));
  const [debounced] = useDebouncedValue(search.trim(), 300);

  const set = (k: string, v: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v === '' || v === defaults[k]) next.delete(k);
        else next.set(k, v);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (debounced !== (params.get('q') ?? '')) set('q', debounced);
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps

  return { get, set, search, setSearch, q: params.get('q') ?? '' };
}
