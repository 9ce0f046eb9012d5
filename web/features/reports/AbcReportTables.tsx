import { Anchor, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AbcReport, AbcReportCustomer } from '../../../shared/api/reports';
import { ResponsiveList, type RowCard } from '../../components/ResponsiveList';
import type { Column } from '../../components/VirtualTable';
import { ABC_CLASSES, AbcClassBadge } from '../abc/abcLabels';
import { Amount } from '../sales/Amount';
import { useSaleFormat } from '../sales/useSaleFormat';

const XYZ = ['X', 'Y', 'Z', null] as const;

/** Per class: how many customers, their amount and its share of the classification's total. */
export function AbcReportSummary({ report }: { report: AbcReport }) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('abc.report.summaryTitle')}
      </Title>
      <ScrollArea type="auto">
        <Table withTableBorder miw={300} data-testid="abc-report-summary">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('abc.class')}</Table.Th>
              <Table.Th ta="right">{t('abc.report.count')}</Table.Th>
              <Table.Th ta="right">{t(`abc.bases.${report.classification.basis}`)}</Table.Th>
              <Table.Th ta="right">{t('abc.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ABC_CLASSES.map((c) => {
              const row = report.classes.find((x) => x.class === c);
              return (
                <Table.Tr key={c} data-testid="abc-report-summary-row" data-class={c}>
                  <Table.Td>
                    <AbcClassBadge value={c} />
                  </Table.Td>
                  <Table.Td>
                    <Amount testId="abc-report-summary-count">{String(row?.count ?? 0)}</Amount>
                  </Table.Td>
                  <Table.Td>
                    <Amount>{f.money(row?.amount ?? '0.00')}</Amount>
                  </Table.Td>
                  <Table.Td>
                    <Amount>{f.percent(row?.share ?? '0.00')}</Amount>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('abc.report.total')}</Table.Th>
              <Table.Th>
                <Amount strong testId="abc-report-total-count">
                  {String(report.totals.count)}
                </Amount>
              </Table.Th>
              <Table.Th>
                <Amount strong testId="abc-report-total-amount">
                  {f.money(report.totals.amount)}
                </Amount>
              </Table.Th>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

/** ABC × XYZ: how many customers (and their amount) in each pair of classes; «—» for customers without sales. */
export function AbcReportMatrix({ report }: { report: AbcReport }) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const cell = (a: string, x: string | null) => report.matrix.find((m) => m.abcClass === a && m.xyzClass === x);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb={4}>
        {t('abc.report.matrixTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('abc.report.matrixHint')}
      </Text>
      <ScrollArea type="auto">
        <Table withTableBorder withColumnBorders miw={300} data-testid="abc-report-matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>ABC \ XYZ</Table.Th>
              {XYZ.map((x) => (
                <Table.Th key={x ?? 'none'} ta="right">
                  {x ?? '—'}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ABC_CLASSES.map((a) => (
              <Table.Tr key={a}>
                <Table.Th scope="row">{a}</Table.Th>
                {XYZ.map((x) => {
                  const c = cell(a, x);
                  return (
                    <Table.Td key={x ?? 'none'} ta="right" data-cell={`${a}-${x ?? 'none'}`}>
                      <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {c?.count ?? 0}
                      </Text>
                      {c && c.count > 0 && (
                        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                          {f.money(c.amount)}
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

/** The customers in rank order: amount, share, cumulative share, class and XYZ, each linked to its card. */
export function AbcReportCustomers({ report }: { report: AbcReport }) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const name = (c: AbcReportCustomer) => (
    <Anchor component={Link} to={`/counterparties/${c.counterpartyId}`} size="sm" onClick={(e) => e.stopPropagation()}>
      {c.name}
    </Anchor>
  );
  const columns: Column<AbcReportCustomer>[] = [
    { key: 'name', header: t('abc.customer'), minWidth: 240, wrap: true, render: name },
    { key: 'responsible', header: t('abc.responsible'), width: 150, wrap: true, render: (c) => c.responsibleUserName ?? '' },
    { key: 'amount', header: t('abc.amount'), width: 140, render: (c) => <Amount>{f.money(c.amount)}</Amount> },
    { key: 'share', header: t('abc.share'), width: 90, render: (c) => <Amount>{f.percent(c.share)}</Amount> },
    { key: 'cumulative', header: t('abc.cumulativeShare'), width: 120, render: (c) => <Amount>{f.percent(c.cumulativeShare)}</Amount> },
    { key: 'class', header: t('abc.class'), width: 70, render: (c) => <AbcClassBadge value={c.abcClass} /> },
    { key: 'xyz', header: 'XYZ', label: t('abc.xyzClass'), width: 60, render: (c) => c.xyzClass ?? '' },
  ];
  const card = (c: AbcReportCustomer): RowCard => ({
    title: name(c),
    badges: <AbcClassBadge value={c.abcClass} />,
    facts: [
      `${t('abc.amount')}: ${f.money(c.amount)}`,
      `${t('abc.share')}: ${f.percent(c.share)} · ${t('abc.cumulativeShare')}: ${f.percent(c.cumulativeShare)}`,
      [c.xyzClass && `XYZ: ${c.xyzClass}`, c.responsibleUserName].filter(Boolean).join(' · '),
    ],
  });
  return (
    <div>
      <Title order={2} size="h5" mb="sm">
        {t('abc.report.customersTitle')}
      </Title>
      <ResponsiveList
        rows={report.customers}
        columns={columns}
        card={card}
        rowKey={(c) => c.counterpartyId}
        height={Math.min(560, 50 + report.customers.length * 41)}
        testId="abc-report-customers"
        rowTestId="abc-report-row"
        footer={
          report.truncated ? (
            <Text size="xs" c="dimmed">
              {t('abc.report.truncated')}
            </Text>
          ) : undefined
        }
      />
    </div>
  );
}
