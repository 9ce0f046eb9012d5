import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AbcReport } from '../../../shared/api/reports';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { ABC_CLASSES, type AbcLetter } from '../abc/abcLabels';
import { useSaleFormat } from '../sales/useSaleFormat';
import { useUserRefs } from '../users/users.queries';
import { AbcReportChart } from './AbcReportChart';
import { AbcReportMovement } from './AbcReportMovement';
import { NoneApplied, emptyReason, useAppliedOptions } from './AbcReportParts';
import { AbcReportCustomers, AbcReportMatrix, AbcReportSummary } from './AbcReportTables';
import { paretoData } from './abc-report.logic';
import { abcReportFileUrl, useAbcReport, type AbcReportParams } from './abc-report.queries';

type Tab = 'analysis' | 'movement';

/** «АВС-анализ покупателей»: a classification's customers by class, the Pareto chart, ABC×XYZ, and the moves between two classifications. */
export function AbcReportPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('analysis');
  return (
    <>
      <PageHeader title={t('abc.report.title')} />
      <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'analysis')}>
        <Tabs.List mb="md">
          <Tabs.Tab value="analysis" data-testid="abc-report-tab-analysis">
            {t('abc.report.tabs.analysis')}
          </Tabs.Tab>
          <Tabs.Tab value="movement" data-testid="abc-report-tab-movement">
            {t('abc.report.tabs.movement')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="analysis">
          <AbcAnalysis />
        </Tabs.Panel>
        <Tabs.Panel value="movement">{tab === 'movement' && <AbcReportMovement />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

function AbcAnalysis() {
  const { t } = useTranslation();
  const users = useUserRefs();
  const options = useAppliedOptions();
  const [classificationId, setClassificationId] = useState<string | null>(null);
  const [abcClass, setAbcClass] = useState<AbcLetter | null>(null);
  const [responsibleUserId, setResponsibleUserId] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<AbcReportParams | null>(null);
  const report = useAbcReport(submitted);
  const params: AbcReportParams = {
    classificationId: classificationId ?? undefined,
    abcClass: abcClass ?? undefined,
    responsibleUserId: responsibleUserId ?? undefined,
    lang: currentLanguage(),
  };
  const generate = (e?: FormEvent) => {
    e?.preventDefault();
    setSubmitted(params);
  };

  return (
    <>
      <Paper withBorder p="md" mb="md" component="form" onSubmit={generate} data-testid="abc-report-settings">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing={6}>
          <Select
            label={t('abc.report.classification')}
            placeholder={t('abc.report.latest')}
            data={options.data}
            value={classificationId}
            clearable
            onChange={setClassificationId}
            data-testid="abc-report-classification"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('abc.report.classFilter')}
            placeholder={t('abc.report.any')}
            data={ABC_CLASSES.map((c) => ({ value: c, label: t('abc.classTitle', { value: c }) }))}
            value={abcClass}
            clearable
            onChange={(v) => setAbcClass(v as AbcLetter | null)}
            data-testid="abc-report-class"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('abc.report.responsible')}
            placeholder={t('abc.report.any')}
            data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={responsibleUserId}
            clearable
            searchable
            onChange={setResponsibleUserId}
            data-testid="abc-report-responsible"
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={report.isFetching} data-testid="abc-report-generate">
            {t('abc.report.generate')}
          </Button>
          <Button
            component="a"
            variant="light"
            leftSection={<IconFileTypeCsv size={16} />}
            href={abcReportFileUrl(params, 'csv')}
            download
            data-testid="abc-report-export-csv"
          >
            {t('report.exportCsv')}
          </Button>
          <Button
            component="a"
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} />}
            href={abcReportFileUrl(params, 'xlsx')}
            download
            data-testid="abc-report-export-xlsx"
          >
            {t('report.exportXlsx')}
          </Button>
        </Group>
      </Paper>
      {report.isError &&
        (emptyReason(report.error) ? (
          <NoneApplied reason={emptyReason(report.error)!} />
        ) : (
          <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />
        ))}
      {report.data && <AbcReportResult report={report.data} />}
    </>
  );
}

function AbcReportResult({ report }: { report: AbcReport }) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const c = report.classification;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" data-testid="abc-report-head">
        {t('abc.report.head', {
          number: c.number,
          from: f.day(c.periodFrom),
          to: f.day(c.periodTo),
          basis: t(`abc.bases.${c.basis}`),
          percents: `${c.classAPercent}/${c.classBPercent}/${c.classCPercent}`,
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <AbcReportSummary report={report} />
        <AbcReportMatrix report={report} />
      </SimpleGrid>
      <AbcReportChart data={paretoData(report.customers)} classAPercent={c.classAPercent} classBPercent={c.classBPercent} />
      <AbcReportCustomers report={report} />
    </Stack>
  );
}
