import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, SegmentedControl, Stack, Input, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv, IconPlayerPlay, IconReportAnalytics } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { ResponsibleFilter } from '../events/ResponsibleFilter';
import { ColdCallsTables } from './ColdCallsTables';
import { coldCallsFileUrl, useColdCalls, type ColdCallsParams, type PeriodUnit } from './events-report.queries';
import { DateField } from '../../components/DateFields';

/** Cold-call statistics: outgoing calls and their success per responsible and period; requests by source. */
export function ColdCallsPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [period, setPeriod] = useState<PeriodUnit>('month');
  const [responsible, setResponsible] = useState('');
  const params: ColdCallsParams = {
    from: from || undefined,
    to: to || undefined,
    period,
    responsibleUserId: responsible || undefined,
    lang: currentLanguage(),
  };
  const [submitted, setSubmitted] = useState<ColdCallsParams | null>(params);
  const report = useColdCalls(submitted);
  const generate = (e?: FormEvent) => {
    e?.preventDefault();
    setSubmitted(params);
  };

  return (
    <>
      <PageHeader title={t('coldCalls.title')}>
        <Button component={Link} to="/reports/events" variant="subtle" leftSection={<IconReportAnalytics size={16} />}>
          {t('eventsReport.title')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md" mb="md" component="form" onSubmit={generate} data-testid="cold-calls-settings">
        <Group align="flex-end" gap="md">
          <DateField label={t('events.filters.from')} value={from} w={170} onChange={setFrom} testId="cold-calls-from" clearable />
          <DateField label={t('events.filters.to')} value={to} w={170} onChange={setTo} testId="cold-calls-to" clearable />
          <Input.Wrapper label={t('coldCalls.period')}>
            <SegmentedControl
              value={period}
              onChange={(v) => setPeriod(v as PeriodUnit)}
              display="flex"
              data-testid="cold-calls-period"
              data={(['day', 'week', 'month'] as const).map((u) => ({ value: u, label: t(`eventsReport.periods.${u}`) }))}
            />
          </Input.Wrapper>
          <ResponsibleFilter
            label={t('events.responsible')}
            value={responsible}
            onChange={setResponsible}
            testId="cold-calls-responsible"
          />
          <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={report.isFetching} data-testid="cold-calls-generate">
            {t('eventsReport.generate')}
          </Button>
          <Button
            component="a"
            variant="light"
            leftSection={<IconFileTypeCsv size={16} />}
            href={coldCallsFileUrl(params, 'csv')}
            download
            data-testid="cold-calls-export-csv"
          >
            {t('report.exportCsv')}
          </Button>
          <Button
            component="a"
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} />}
            href={coldCallsFileUrl(params, 'xlsx')}
            download
            data-testid="cold-calls-export-xlsx"
          >
            {t('report.exportXlsx')}
          </Button>
        </Group>
      </Paper>
      {report.isError && <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <Stack gap="lg">
          <div>
            <Title order={4} mb="xs">
              {t('coldCalls.callsTitle')}
            </Title>
            <ColdCallsTables.Calls rows={report.data.calls} unit={report.data.unit} />
          </div>
          <div>
            <Title order={4} mb="xs">
              {t('coldCalls.sourcesTitle')}
            </Title>
            <ColdCallsTables.Sources rows={report.data.sources} />
          </div>
        </Stack>
      )}
    </>
  );
}
