import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SalesReport } from '../../../shared/api/reports';
import { useSaleFormat } from '../sales/useSaleFormat';
import { topBars } from './sales-report.logic';
import { salesRowLabel } from './report-labels';

/**
 * The largest groups by revenue as horizontal bars. Plain elements rather than a chart library: each
 * bar is a line of text with its figure (screen readers read the list), the coloured bar only echoes it.
 */
export function SalesReportChart({ report }: { report: SalesReport }) {
  const { t, i18n } = useTranslation();
  const f = useSaleFormat();
  const bars = topBars(report.rows);
  if (bars.length < 2) return null;
  return (
    <Paper withBorder p="md" component="figure" m={0} data-testid="sales-report-chart">
      <Title order={2} size="h5" mb="sm" component="figcaption">
        {t('salesReport.chartTitle', { count: bars.length, grouping: t(`salesReport.groupBy.${report.groupBy}`) })}
      </Title>
      <Stack gap={8} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {bars.map((b) => (
          <Box component="li" key={b.key} data-testid="sales-report-bar">
            <Text size="sm" style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
              <span style={{ overflowWrap: 'anywhere' }}>{salesRowLabel(b.row, t, i18n.language)}</span>
              <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>{f.money(b.revenue)}</span>
            </Text>
            <div aria-hidden="true" style={{ height: 10, borderRadius: 4, background: 'var(--mantine-color-gray-2)', marginTop: 2 }}>
              <div style={{ width: `${b.percent}%`, height: '100%', borderRadius: 4, background: 'var(--mantine-color-teal-7)' }} />
            </div>
          </Box>
        ))}
      </Stack>
    </Paper>
  );
}
