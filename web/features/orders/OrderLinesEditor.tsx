import { useEffect, useRef, type KeyboardEvent } from 'react';
import { ActionIcon, Button, Group, Paper, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../api/errors';
import { usePhone } from '../../lib/usePhone';
import { ProductPicker, productLabel } from '../products/ProductPicker';
import { vatRateLabel } from '../products/productLabels';
import { langOf, moneyText } from './decimalText';
import { emptyLine, lineTotals, withProduct, type LineForm } from './orderForm';

interface Props {
  lines: LineForm[];
  onChange: (lines: LineForm[]) => void;
  errors: FieldErrors;
  readOnly: boolean;
}

const productInputId = (key: string) => `order-line-${key}-product`;

/**
 * «Товары» of an order. Insert adds a line and Ctrl+Delete removes the current one (as in 1C); amounts
 * and VAT follow every keystroke, computed as the server will.
 */
export function OrderLinesEditor({ lines, onChange, errors, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const phone = usePhone();
  // The line to focus once it is drawn (a new one, or the neighbour of a removed one).
  const focusKey = useRef<string | null>(null);
  useEffect(() => {
    if (!focusKey.current) return;
    document.getElementById(productInputId(focusKey.current))?.focus();
    focusKey.current = null;
  });
  const setFocusKey = (key: string) => {
    focusKey.current = key;
  };

  const set = (key: string, p: Partial<LineForm>) => onChange(lines.map((l) => (l.key === key ? { ...l, ...p } : l)));
  const add = () => {
    const line = emptyLine();
    onChange([...lines, line]);
    setFocusKey(line.key);
  };
  const remove = (key: string) => {
    const i = lines.findIndex((l) => l.key === key);
    const next = lines.filter((l) => l.key !== key);
    onChange(next);
    const neighbour = next[Math.min(i, next.length - 1)];
    if (neighbour) setFocusKey(neighbour.key);
  };
  const keys = (key: string) => (e: KeyboardEvent) => {
    if (readOnly) return;
    if (e.key === 'Insert') {
      e.preventDefault();
      add();
    } else if (e.key === 'Delete' && e.ctrlKey) {
      e.preventDefault();
      remove(key);
    }
  };

  const err = (l: LineForm, part: string) => errors[`lines.${l.key}.${part}`];
  const num = (l: LineForm, i: number, part: 'quantity' | 'price' | 'discount', label: string, unit?: string) => (
    <TextInput
      rightSection={
        unit ? (
          <Text size="xs" c="dimmed">
            {unit}
          </Text>
        ) : undefined
      }
      rightSectionPointerEvents="none"
      aria-label={`${label}, ${t('orders.lineN', { n: i + 1 })}`}
      label={phone ? label : undefined}
      value={l[part]}
      onChange={(e) => set(l.key, { [part]: e.currentTarget.value })}
      inputMode="decimal"
      readOnly={readOnly}
      error={err(l, part)}
      data-testid={`order-line-${part}-${i}`}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
    />
  );
  const product = (l: LineForm, i: number) => (
    <ProductPicker
      id={productInputId(l.key)}
      aria-label={`${t('orders.product')}, ${t('orders.lineN', { n: i + 1 })}`}
      label={phone ? t('orders.product') : undefined}
      value={l.productId}
      valueLabel={l.productId ? productLabel({ sku: l.productSku, name: l.productName }) : null}
      onChange={(p) => (p ? set(l.key, withProduct(l, p, lang)) : set(l.key, { productId: null, productSku: '', productName: '' }))}
      readOnly={readOnly}
      error={err(l, 'product')}
      testId={`order-line-product-${i}`}
    />
  );
  const amounts = (l: LineForm) => {
    const x = lineTotals(l);
    return { amount: x ? moneyText(x.amount, lang) : '—', vat: x ? moneyText(x.vatAmount, lang) : '—' };
  };
  const removeButton = (l: LineForm, i: number) =>
    !readOnly && (
      <ActionIcon
        variant="subtle"
        color="red"
        onClick={() => remove(l.key)}
        aria-label={t('orders.removeLine', { n: i + 1 })}
        title={`${t('orders.removeLine', { n: i + 1 })} (Ctrl+Delete)`}
        data-testid={`order-line-remove-${i}`}
      >
        <IconTrash size={16} />
      </ActionIcon>
    );
  const figure = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

  const body = phone ? (
    <Stack gap="sm">
      {lines.map((l, i) => {
        const a = amounts(l);
        return (
          <Paper key={l.key} withBorder p="xs" onKeyDown={keys(l.key)} data-testid="order-line">
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600}>
                {t('orders.lineTitle', { n: i + 1 })}
              </Text>
              {removeButton(l, i)}
            </Group>
            {product(l, i)}
            <Group grow gap="xs" mt="xs" align="flex-start">
              {num(l, i, 'quantity', t('orders.quantity'), l.unit)}
              {num(l, i, 'price', t('orders.price'))}
              {num(l, i, 'discount', t('orders.discount'))}
            </Group>
            <Group justify="space-between" mt="xs">
              <Text size="sm">
                {t('orders.amount')}: <b data-testid={`order-line-amount-${i}`}>{a.amount}</b>
              </Text>
              <Text size="sm" c="dimmed">
                {t('orders.vat')} {vatRateLabel(l.vatRate, t)}: <span data-testid={`order-line-vat-${i}`}>{a.vat}</span>
              </Text>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  ) : (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={4} style={{ tableLayout: 'fixed' }} data-testid="order-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>№</Table.Th>
            <Table.Th>{t('orders.product')}</Table.Th>
            <Table.Th w={96}>{t('orders.quantity')}</Table.Th>
            <Table.Th w={68}>{t('products.unitShort')}</Table.Th>
            <Table.Th w={112}>{t('orders.price')}</Table.Th>
            <Table.Th w={96}>{t('orders.discount')}</Table.Th>
            <Table.Th w={120} style={{ textAlign: 'right' }}>
              {t('orders.amount')}
            </Table.Th>
            <Table.Th w={84}>{t('orders.vatRate')}</Table.Th>
            <Table.Th w={104} style={{ textAlign: 'right' }}>
              {t('orders.vat')}
            </Table.Th>
            {!readOnly && (
              <Table.Th w={44}>
                <VisuallyHidden>{t('orders.lineActions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => {
            const a = amounts(l);
            return (
              <Table.Tr key={l.key} onKeyDown={keys(l.key)} data-testid="order-line" style={{ verticalAlign: 'top' }}>
                <Table.Td pt={10}>{i + 1}</Table.Td>
                <Table.Td>{product(l, i)}</Table.Td>
                <Table.Td>{num(l, i, 'quantity', t('orders.quantity'))}</Table.Td>
                <Table.Td pt={10}>{l.unit}</Table.Td>
                <Table.Td>{num(l, i, 'price', t('orders.price'))}</Table.Td>
                <Table.Td>{num(l, i, 'discount', t('orders.discount'))}</Table.Td>
                <Table.Td pt={10} ta="right" style={figure} data-testid={`order-line-amount-${i}`}>
                  {a.amount}
                </Table.Td>
                <Table.Td pt={10}>{vatRateLabel(l.vatRate, t)}</Table.Td>
                <Table.Td pt={10} ta="right" style={figure} data-testid={`order-line-vat-${i}`}>
                  {a.vat}
                </Table.Td>
                {!readOnly && <Table.Td pt={4}>{removeButton(l, i)}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <Stack gap="xs" data-testid="order-lines-editor">
      {body}
      {lines.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('orders.noLines')}
        </Text>
      )}
      {errors.lines && (
        <Text size="sm" c="red" data-testid="order-lines-error">
          {errors.lines}
        </Text>
      )}
      {!readOnly && (
        <Group gap="sm">
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} data-testid="order-line-add" title="Insert">
            {t('orders.addLine')}
          </Button>
          {!phone && (
            <Text size="xs" c="dimmed">
              {t('orders.linesKeysHint')}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
