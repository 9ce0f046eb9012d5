import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../api/errors';
import { formatMoney } from '../../../shared/money';
import { ProductPicker, productLabel } from './ProductPicker';
import { computedAmount, emptyLine, lineCost, type SaleLineForm } from './saleLines';
import { useSaleFormat } from './useSaleFormat';

interface Props {
  lines: SaleLineForm[];
  errors: FieldErrors;
  onChange: (lines: SaleLineForm[]) => void;
}

/** The new sale's lines: a product or a description, quantity, price, the amount (quantity × price unless typed) and the cost. */
export function SaleLinesEditor({ lines, errors, onChange }: Props) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const set = (key: string, p: Partial<SaleLineForm>) => onChange(lines.map((l) => (l.key === key ? { ...l, ...p } : l)));
  const remove = (key: string) => onChange(lines.filter((l) => l.key !== key));

  return (
    <Stack gap="sm" data-testid="sale-lines-editor">
      {errors.lines && (
        <Text c="red" size="sm">
          {errors.lines}
        </Text>
      )}
      {lines.map((l, i) => {
        const err = (part: string) => errors[`lines.${i}.${part}`] ?? (part === 'quantity' ? errors[`lines.${i}`] : undefined);
        const auto = computedAmount(l);
        const autoCost = l.cost.trim() ? null : lineCost(l);
        return (
          <Paper key={l.key} withBorder p="sm" data-testid="sale-line-row">
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600}>
                {t('sales.lineNo', { number: i + 1 })}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => remove(l.key)}
                aria-label={t('sales.removeLine', { number: i + 1 })}
                title={t('sales.removeLine', { number: i + 1 })}
                data-testid="sale-line-remove"
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing={6}>
              <ProductPicker
                label={t('sales.product')}
                value={l.productId}
                valueLabel={l.productLabel}
                error={err('productId')}
                testId="sale-line-product"
                onChange={(p) =>
                  set(
                    l.key,
                    p
                      ? {
                          productId: p.id,
                          productLabel: productLabel(p),
                          productCostPrice: p.costPrice,
                          price: l.price || (f.lang === 'ru' ? p.price.replace('.', ',') : p.price),
                        }
                      : { productId: null, productLabel: null, productCostPrice: null },
                  )
                }
              />
              <TextInput
                label={t('sales.description')}
                placeholder={l.productId ? undefined : t('sales.descriptionHint')}
                value={l.description}
                maxLength={300}
                error={err('description')}
                onChange={(e) => set(l.key, { description: e.currentTarget.value })}
                data-testid="sale-line-description"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing={6} mt={6}>
              <TextInput
                label={t('sales.quantity')}
                value={l.quantity}
                inputMode="decimal"
                error={err('quantity')}
                onChange={(e) => set(l.key, { quantity: e.currentTarget.value })}
                data-testid="sale-line-quantity"
              />
              <TextInput
                label={t('sales.price')}
                value={l.price}
                inputMode="decimal"
                error={err('price')}
                onChange={(e) => set(l.key, { price: e.currentTarget.value })}
                data-testid="sale-line-price"
              />
              <TextInput
                label={t('sales.amount')}
                value={l.amount}
                placeholder={auto !== null ? f.money(formatMoney(auto)) : ''}
                inputMode="decimal"
                error={err('amount')}
                onChange={(e) => set(l.key, { amount: e.currentTarget.value })}
                data-testid="sale-line-amount"
              />
              <TextInput
                label={t('sales.cost')}
                value={l.cost}
                placeholder={autoCost !== null ? f.money(formatMoney(autoCost)) : ''}
                inputMode="decimal"
                error={err('cost')}
                onChange={(e) => set(l.key, { cost: e.currentTarget.value })}
                data-testid="sale-line-cost"
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt={4}>
              {l.amount.trim() ? t('sales.amountTyped') : t('sales.amountAuto')} {t('sales.costHint')}
            </Text>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => onChange([...lines, emptyLine()])}
          data-testid="sale-line-add"
        >
          {t('sales.addLine')}
        </Button>
      </Group>
    </Stack>
  );
}
