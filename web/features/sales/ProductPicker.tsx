import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/api/products';
import { usePickerSearch, withChosen } from '../../lib/usePickerSearch';
import { useProductOptions } from './sales.queries';

interface Props {
  value: string | null;
  valueLabel: string | null;
  onChange: (product: Product | null) => void;
  label?: string;
  error?: string;
  testId: string;
  'aria-label'?: string;
}

export const productLabel = (p: Pick<Product, 'sku' | 'name'>) => `${p.sku} — ${p.name}`;

/** «Номенклатура» searched by SKU or name (GET /api/products?q=). */
export function ProductPicker({ value, valueLabel, onChange, label, error, testId, ...rest }: Props) {
  const { t } = useTranslation();
  const { search, setSearch, query } = usePickerSearch(value, valueLabel);
  const options = useProductOptions(query);
  const found = options.data ?? [];
  const data = withChosen(
    found.map((p) => ({ value: p.id, label: productLabel(p) })),
    value,
    valueLabel,
  );
  return (
    <Select
      label={label}
      aria-label={rest['aria-label']}
      data={data}
      value={value}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      onChange={(id) => onChange(id ? (found.find((p) => p.id === id) ?? null) : null)}
      nothingFoundMessage={options.isFetching ? t('common.loading') : t('common.nothingFound')}
      placeholder={t('sales.productPlaceholder')}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
