import { Anchor, Box, Button, Center, Group, Loader, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { usePhone } from '../../lib/usePhone';
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../shared/api/sales';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { Amount } from './Amount';
import { useSale } from './sales.queries';
import { useSaleFormat } from './useSaleFormat';

/** A sale as a read-only document («Реализация товаров и услуг №…»). */
export function SaleCardPage() {
  const { id } = useParams();
  const sale = useSale(id);
  if (sale.isError) return <ErrorPanel error={sale.error} onRetry={() => void sale.refetch()} />;
  if (!sale.data)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  return <SaleDocument sale={sale.data} />;
}

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function SaleDocument({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const phone = usePhone();
  const printUrl = (format: 'pdf' | 'html') => `/api/sales/${sale.id}/print?format=${format}`;
  return (
    <Stack gap="md" data-testid="sale-card">
      <PageHeader title={t('sales.cardTitle', { number: sale.number, date: f.day(sale.date) })}>
        <Button variant="default" component={Link} to="/sales">
          {t('common.backToList')}
        </Button>
        <Button
          component="a"
          href={printUrl('pdf')}
          target="_blank"
          variant="light"
          leftSection={<IconFileTypePdf size={16} />}
          data-testid="sale-print-pdf"
        >
          {t('sales.printPdf')}
        </Button>
        <Button
          component="a"
          href={printUrl('html')}
          target="_blank"
          variant="light"
          leftSection={<IconPrinter size={16} />}
          data-testid="sale-print-html"
        >
          {t('sales.printHtml')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
          <Fact label={t('sales.customer')} testId="sale-customer">
            <Anchor component={Link} to={`/counterparties/${sale.counterpartyId}`} size="sm">
              {sale.counterpartyName}
            </Anchor>
          </Fact>
          <Fact label={t('sales.basis')} testId="sale-basis">
            {sale.orderId ? (
              <Anchor component={Link} to={`/orders/${sale.orderId}`} size="sm" data-testid="sale-order-link">
                {t('sales.orderTitle', { number: sale.orderNumber ?? '' })}
              </Anchor>
            ) : (
              t('sales.noBasis')
            )}
          </Fact>
          <Fact label={t('sales.responsible')}>{sale.responsibleUserName ?? '—'}</Fact>
          <Fact label={t('common.comment')}>{sale.comment || '—'}</Fact>
        </SimpleGrid>
      </Paper>
      <Title order={2} size="h4">
        {t('sales.lines')}
      </Title>
      {phone ? (
        <Stack gap={0} data-testid="sale-lines">
          {sale.lines.map((l, i) => (
            <Box key={l.id} py={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} data-testid="sale-line">
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {i + 1}. {l.productName ?? l.description ?? ''}
              </Text>
              <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {f.quantity(l.quantity)}
                {l.unit ? ` ${l.unit}` : ''} × {f.money(l.price)} = {f.money(l.amount)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('sales.cost')}: {f.money(l.cost)} · {t('sales.vat')}: {l.vatRate === 'none' ? t('sales.noVat') : f.money(l.vatAmount)}
              </Text>
            </Box>
          ))}
        </Stack>
      ) : (
        <ScrollArea type="auto">
          <Table striped withTableBorder miw={760} data-testid="sale-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>№</Table.Th>
                <Table.Th>{t('sales.product')}</Table.Th>
                <Table.Th w={110} ta="right">
                  {t('sales.quantity')}
                </Table.Th>
                <Table.Th w={120} ta="right">
                  {t('sales.price')}
                </Table.Th>
                <Table.Th w={130} ta="right">
                  {t('sales.amount')}
                </Table.Th>
                <Table.Th w={130} ta="right">
                  {t('sales.cost')}
                </Table.Th>
                <Table.Th w={110} ta="right">
                  {t('sales.vat')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sale.lines.map((l, i) => (
                <Table.Tr key={l.id} data-testid="sale-line">
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {l.productName ?? l.description ?? ''}
                    {l.productSku && (
                      <Text size="xs" c="dimmed">
                        {l.productSku}
                        {l.description && l.productName ? ` · ${l.description}` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Amount>{`${f.quantity(l.quantity)}${l.unit ? ` ${l.unit}` : ''}`}</Amount>
                  </Table.Td>
                  <Table.Td>
                    <Amount>{f.money(l.price)}</Amount>
                  </Table.Td>
                  <Table.Td>
                    <Amount>{f.money(l.amount)}</Amount>
                  </Table.Td>
                  <Table.Td>
                    <Amount>{f.money(l.cost)}</Amount>
                  </Table.Td>
                  <Table.Td>
                    <Amount>{l.vatRate === 'none' ? t('sales.noVat') : f.money(l.vatAmount)}</Amount>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <SaleTotalsPanel
        revenue={f.money(sale.revenue)}
        cost={f.money(sale.cost)}
        grossProfit={f.money(sale.grossProfit)}
        vat={f.money(sale.vatTotal)}
      />
    </Stack>
  );
}

/** Revenue, cost and gross profit under a document's lines (the new sale form shows the same). */
export function SaleTotalsPanel(p: { revenue: string; cost: string; grossProfit: string; vat?: string }) {
  const { t } = useTranslation();
  const item = (label: string, value: string, testId: string, strong = false) => (
    <Group justify="space-between" gap="xl" wrap="nowrap">
      <Text size="sm" fw={strong ? 700 : undefined}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Group justify="flex-end">
      <Paper withBorder p="md" miw={280} data-testid="sale-totals">
        <Stack gap={4}>
          {item(t('sales.revenue'), p.revenue, 'sale-total-revenue')}
          {p.vat !== undefined && item(t('sales.vatIncluded'), p.vat, 'sale-total-vat')}
          {item(t('sales.cost'), p.cost, 'sale-total-cost')}
          {item(t('sales.grossProfit'), p.grossProfit, 'sale-total-gross-profit', true)}
        </Stack>
      </Paper>
    </Group>
  );
}
