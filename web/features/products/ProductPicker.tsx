import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/api/products';
import { usePickerSearch, withChosen } from '../../lib/usePickerSearch';
import { decimalText, langOf } from '../orders/decimalText';
import { useProductOptions } from './products.queries';

interface Props {
  value: string | null;
  /** «SKU Name» of the current value, shown before any search has loaded it. */
  valueLabel: string | null;
  onChange: (product: Product | null) => void;
  id?: string;
  label?: string;
  error?: string;
  readOnly?: boolean;
  testId: string;
  'aria-label'?: string;
}

export const productLabel = (p: { sku: string; name: string }) => `${p.sku} ${p.name}`.trim();

/** «Номенклатура» of an order line: the server searches SKU and name; the price shows beside each. */
export function ProductPicker({ value, valueLabel, onChange, id, label, error, readOnly, testId, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const { search, setSearch, query: q } = usePickerSearch(value, valueLabel);
  const options = useProductOptions(q);
  const found = options.data ?? [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const data = withChosen(
    found.map((p) => ({ value: p.id, label: productLabel(p) })),
    value,
    valueLabel,
  );
  return (
    <Select
      id={id}
      label={label}
      aria-label={rest['aria-label']}
      data={data}
      value={value}
      searchable
      readOnly={readOnly}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      onChange={(v) => {
        if (v !== value) onChange(v ? (byId.get(v) ?? null) : null);
      }}
      renderOption={({ option }) => {
        const p = byId.get(option.value);
        return (
          <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
            <Text size="sm">{option.label}</Text>
            {p && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {decimalText(p.price, langOf(i18n.language))} / {p.unit}
              </Text>
            )}
          </Group>
        );
      }}
      nothingFoundMessage={options.isFetching ? t('common.loading') : t('common.nothingFound')}
      placeholder={readOnly ? undefined : t('orders.productPlaceholder')}
      error={error}
      title={valueLabel ?? undefined}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
