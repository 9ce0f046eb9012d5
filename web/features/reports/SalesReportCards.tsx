import { Anchor, Box, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SalesReport, SalesReportRow } from '../../../shared/api/reports';
import { useSaleFormat } from '../sales/useSaleFormat';
import { fractionToPercent } from './sales-report.logic';
import { salesRowLabel } from './report-labels';

/** The report on a phone: each group's name in full, then its figures on short lines; the totals last. */
export function SalesReportCards({ report }: { report: SalesReport }) {
  const { t, i18n } = useTranslation();
  const f = useSaleFormat();
  const facts = (r: Pick<SalesReportRow, 'revenue' | 'cost' | 'grossProfit' | 'margin' | 'quantity'> & { share?: number | null }) => [
    `${t('salesReport.revenue')}: ${f.money(r.revenue)}`,
    `${t('salesReport.cost')}: ${f.money(r.cost)}`,
    `${t('salesReport.grossProfit')}: ${f.money(r.grossProfit)} · ${t('salesReport.margin')}: ${f.percent(fractionToPercent(r.margin))}`,
    r.quantity ? `${t('salesReport.quantity')}: ${f.quantity(r.quantity)}` : null,
    r.share != null ? `${t('salesReport.share')}: ${f.percent(fractionToPercent(r.share))}` : null,
  ];
  const block = (key: string, title: React.ReactNode, lines: (string | null)[], level: number, testId: string) => (
    <Box key={key} py={8} pl={level * 16} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} data-testid={testId}>
      <Text fw={level === 0 ? 700 : 600} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="sales-report-label">
        {title}
      </Text>
      {lines.filter(Boolean).map((l, i) => (
        <Text key={i} size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {l}
        </Text>
      ))}
    </Box>
  );
  return (
    <Stack gap={0} data-testid="sales-report-table">
      {report.rows.map((r, i) =>
        block(
          `${r.level}-${r.key ?? 'none'}-${i}`,
          r.grouping === 'customer' && r.key ? (
            <Anchor component={Link} to={`/counterparties/${r.key}`} size="sm" fw={700}>
              {r.label}
            </Anchor>
          ) : (
            salesRowLabel(r, t, i18n.language)
          ),
          facts(r),
          r.level,
          'sales-report-row',
        ),
      )}
      {block('total', t('salesReport.total'), facts({ ...report.totals, quantity: null }), 0, 'sales-report-totals')}
    </Stack>
  );
}
