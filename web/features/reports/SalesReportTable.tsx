import { Anchor, ScrollArea, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SalesReport, SalesReportRow } from '../../../shared/api/reports';
import { Amount } from '../sales/Amount';
import { useSaleFormat } from '../sales/useSaleFormat';
import { usePhone } from '../../lib/usePhone';
import { SalesReportCards } from './SalesReportCards';
import { fractionToPercent } from './sales-report.logic';
import { salesRowLabel } from './report-labels';

const INDENT = 22;

/** The generated report: one row per group (a second level indented under it), then the totals. */
export function SalesReportTable({ report }: { report: SalesReport }) {
  const { t, i18n } = useTranslation();
  const f = useSaleFormat();
  const phone = usePhone();
  if (report.rows.length === 0)
    return (
      <Text c="dimmed" data-testid="sales-report-empty">
        {t('common.nothingFound')}
      </Text>
    );
  if (phone) return <SalesReportCards report={report} />;
  const withQuantity = report.groupBy === 'product' || report.thenBy === 'product';
  const label = (r: SalesReportRow) => {
    if (r.grouping === 'customer' && r.key)
      return (
        <Anchor component={Link} to={`/counterparties/${r.key}`} size="sm" fw={r.level === 0 ? 600 : undefined}>
          {r.label}
        </Anchor>
      );
    return (
      <Text size="sm" fw={r.level === 0 ? 600 : undefined}>
        {salesRowLabel(r, t, i18n.language)}
      </Text>
    );
  };
  const num = (h: string) => (
    <Table.Th ta="right" w={130}>
      {h}
    </Table.Th>
  );
  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover withTableBorder miw={withQuantity ? 900 : 780} data-testid="sales-report-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`salesReport.groupBy.${report.groupBy}`)}</Table.Th>
            {withQuantity && num(t('salesReport.quantity'))}
            {num(t('salesReport.revenue'))}
            {num(t('salesReport.cost'))}
            {num(t('salesReport.grossProfit'))}
            {num(t('salesReport.margin'))}
            {num(t('salesReport.share'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((r, i) => (
            <Table.Tr key={`${r.level}-${r.key ?? 'none'}-${i}`} data-testid="sales-report-row" data-level={r.level} data-key={r.key ?? ''}>
              <Table.Td style={{ paddingLeft: 10 + r.level * INDENT, overflowWrap: 'anywhere' }} data-testid="sales-report-label">
                {label(r)}
              </Table.Td>
              {withQuantity && (
                <Table.Td>
                  <Amount>{f.quantity(r.quantity)}</Amount>
                </Table.Td>
              )}
              <Table.Td>
                <Amount testId="sales-report-revenue">{f.money(r.revenue)}</Amount>
              </Table.Td>
              <Table.Td>
                <Amount testId="sales-report-cost">{f.money(r.cost)}</Amount>
              </Table.Td>
              <Table.Td>
                <Amount testId="sales-report-gross-profit">{f.money(r.grossProfit)}</Amount>
              </Table.Td>
              <Table.Td>
                <Amount>{f.percent(fractionToPercent(r.margin))}</Amount>
              </Table.Td>
              <Table.Td>
                <Amount>{f.percent(fractionToPercent(r.share))}</Amount>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="sales-report-totals">
            <Table.Th>{t('salesReport.total')}</Table.Th>
            {withQuantity && <Table.Td />}
            <Table.Th>
              <Amount strong testId="sales-report-total-revenue">
                {f.money(report.totals.revenue)}
              </Amount>
            </Table.Th>
            <Table.Th>
              <Amount strong testId="sales-report-total-cost">
                {f.money(report.totals.cost)}
              </Amount>
            </Table.Th>
            <Table.Th>
              <Amount strong testId="sales-report-total-gross-profit">
                {f.money(report.totals.grossProfit)}
              </Amount>
            </Table.Th>
            <Table.Th>
              <Amount strong>{f.percent(fractionToPercent(report.totals.margin))}</Amount>
            </Table.Th>
            <Table.Th>
              <Amount strong>{report.totals.revenue !== '0.00' ? f.percent(100) : ''}</Amount>
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollArea>
  );
}
