import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SALES_GROUPINGS, type SalesGrouping } from '../../../shared/api/reports';
import { DateField } from '../../components/DateFields';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { CounterpartyPicker } from '../counterparties/CounterpartyPicker';
import { useUserRefs } from '../users/users.queries';
import { useSaleFormat } from '../sales/useSaleFormat';
import { SalesReportChart } from './SalesReportChart';
import { SalesReportTable } from './SalesReportTable';
import { salesReportFileUrl, useSalesReport, type SalesReportParams } from './sales-report.queries';

interface Filters {
  from: string;
  to: string;
  groupBy: SalesGrouping;
  thenBy: SalesGrouping | null;
  counterpartyId: string | null;
  counterpartyName: string | null;
  responsibleUserId: string | null;
}

/** «Отчет по продажам»: revenue, cost, gross profit and margin of a period by customer, product, manager or month. */
export function SalesReportPage() {
  const { t } = useTranslation();
  const users = useUserRefs();
  const fmt = useSaleFormat();
  const [f, setF] = useState<Filters>({
    from: '',
    to: '',
    groupBy: 'customer',
    thenBy: null,
    counterpartyId: null,
    counterpartyName: null,
    responsibleUserId: null,
  });
  const set = (p: Partial<Filters>) => setF((x) => ({ ...x, ...p }));
  const [submitted, setSubmitted] = useState<SalesReportParams | null>(null);
  const report = useSalesReport(submitted);

  const params: SalesReportParams = {
    from: f.from || undefined,
    to: f.to || undefined,
    groupBy: f.groupBy,
    thenBy: f.thenBy && f.thenBy !== f.groupBy ? f.thenBy : undefined,
    counterpartyId: f.counterpartyId ?? undefined,
    responsibleUserId: f.responsibleUserId ?? undefined,
    lang: currentLanguage(),
  };
  const generate = (e?: FormEvent) => {
    e?.preventDefault();
    setSubmitted(params);
  };
  const groupings = SALES_GROUPINGS.map((g) => ({ value: g, label: t(`salesReport.groupBy.${g}`) }));

  return (
    <>
      <PageHeader title={t('salesReport.title')} />
      <Paper withBorder p="md" mb="md" component="form" onSubmit={generate} data-testid="sales-report-settings">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing={6}>
          <DateField
            label={t('salesReport.from')}
            description={t('salesReport.periodHint')}
            value={f.from}
            onChange={(v) => set({ from: v })}
            testId="sales-report-from"
            clearable
          />
          <DateField
            label={t('salesReport.to')}
            description={'\u00a0'}
            value={f.to}
            onChange={(v) => set({ to: v })}
            testId="sales-report-to"
            clearable
          />
          <Select
            label={t('salesReport.grouping')}
            data={groupings}
            value={f.groupBy}
            allowDeselect={false}
            onChange={(v) => set({ groupBy: (v as SalesGrouping) ?? 'customer' })}
            data-testid="sales-report-group-by"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('salesReport.thenBy')}
            placeholder={t('salesReport.noSecondLevel')}
            data={groupings.filter((g) => g.value !== f.groupBy)}
            value={f.thenBy}
            clearable
            onChange={(v) => set({ thenBy: (v as SalesGrouping) ?? null })}
            data-testid="sales-report-then-by"
            comboboxProps={{ withinPortal: true }}
          />
          <CounterpartyPicker
            label={t('salesReport.customer')}
            value={f.counterpartyId}
            valueLabel={f.counterpartyName}
            placeholder={t('salesReport.any')}
            testId="sales-report-counterparty"
            onChange={(id, name) => set({ counterpartyId: id, counterpartyName: name })}
          />
          <Select
            label={t('salesReport.responsible')}
            placeholder={t('salesReport.any')}
            data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={f.responsibleUserId}
            clearable
            searchable
            onChange={(v) => set({ responsibleUserId: v })}
            data-testid="sales-report-responsible"
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={report.isFetching} data-testid="sales-report-generate">
            {t('salesReport.generate')}
          </Button>
          <Button
            component="a"
            variant="light"
            leftSection={<IconFileTypeCsv size={16} />}
            href={salesReportFileUrl(params, 'csv')}
            download
            data-testid="sales-report-export-csv"
          >
            {t('report.exportCsv')}
          </Button>
          <Button
            component="a"
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} />}
            href={salesReportFileUrl(params, 'xlsx')}
            download
            data-testid="sales-report-export-xlsx"
          >
            {t('report.exportXlsx')}
          </Button>
        </Group>
      </Paper>
      {report.isError && <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <Stack gap="md">
          <Text size="sm" c="dimmed" data-testid="sales-report-summary">
            {t('salesReport.summary', { count: report.data.totals.sales, from: fmt.day(report.data.from), to: fmt.day(report.data.to) })}
          </Text>
          <SalesReportChart report={report.data} />
          <SalesReportTable report={report.data} />
        </Stack>
      )}
    </>
  );
}
