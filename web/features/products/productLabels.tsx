import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { VAT_RATES, type VatRate } from '../../../shared/money';
import { decimalText, langOf } from '../orders/decimalText';

/** «Без НДС», «20 %». */
export const vatRateLabel = (rate: VatRate, t: TFunction) => (rate === 'none' ? t('products.vatNone') : `${rate}\u00a0%`);

export const vatRateOptions = (t: TFunction) => VAT_RATES.map((r) => ({ value: r, label: vatRateLabel(r, t) }));

/** An API amount ("1234.50") right-aligned in the UI's separators, as figures are read in columns. */
export function MoneyCell({ value, fw }: { value: string; fw?: number }) {
  const { i18n } = useTranslation();
  return (
    <Text size="sm" ta="right" fw={fw} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {decimalText(value, langOf(i18n.language))}
    </Text>
  );
}
