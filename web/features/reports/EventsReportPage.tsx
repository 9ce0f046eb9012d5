import { useState, type FormEvent } from 'react';
import { Alert, Button, Grid, Group, Paper, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { IconChartBar, IconFileSpreadsheet, IconFileTypeCsv, IconPlayerPlay } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateFields';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { ContactPersonPicker } from '../events/ContactPersonPicker';
import { CounterpartyPicker } from '../counterparties/CounterpartyPicker';
import { ResponsibleFilter } from '../events/ResponsibleFilter';
import { IMPORTANCES, KINDS, STATES, formatDuration } from '../events/eventLabels';
import { useInfoSources } from '../info-sources/info-sources.queries';
import { EventsReportGroupings } from './EventsReportGroupings';
import { EventsReportTable } from './EventsReportTable';
import {
  eventsReportFileUrl,
  useEventsReport,
  type EventGrouping,
  type EventsReportParams,
  type PeriodUnit,
} from './events-report.queries';

interface Filters {
  from: string;
  to: string;
  counterpartyId: string | null;
  counterpartyName: string | null;
  contactPersonId: string | null;
  contactPersonName: string | null;
  kind: string | null;
  importance: string | null;
  state: string | null;
  responsible: string;
  infoSourceId: string | null;
}

const EMPTY: Filters = {
  from: '',
  to: '',
  counterpartyId: null,
  counterpartyName: null,
  contactPersonId: null,
  contactPersonName: null,
  kind: null,
  importance: null,
  state: null,
  responsible: '',
  infoSourceId: null,
};

/** «Отчет по событиям»: user-ordered groupings, filters, totals per group; rows drill down to events. */
export function EventsReportPage() {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<EventGrouping[]>(['counterparty', 'kind']);
  const [period, setPeriod] = useState<PeriodUnit>('month');
  const [details, setDetails] = useState(true);
  const [f, setF] = useState<Filters>(EMPTY);
  const set = (p: Partial<Filters>) => setF((x) => ({ ...x, ...p }));
  const [submitted, setSubmitted] = useState<EventsReportParams | null>(null);
  const report = useEventsReport(submitted);
  const sources = useInfoSources();

  const params: EventsReportParams = {
    groupBy: groupBy.join(','),
    period: groupBy.includes('period') ? period : undefined,
    details,
    from: f.from || undefined,
    to: f.to || undefined,
    counterpartyId: f.counterpartyId ?? undefined,
    contactPersonId: f.contactPersonId ?? undefined,
    kind: f.kind ?? undefined,
    importance: f.importance ?? undefined,
    state: f.state ?? undefined,
    responsibleUserId: f.responsible || undefined,
    infoSourceId: f.infoSourceId ?? undefined,
    lang: currentLanguage(),
  };
  // The server needs at least one level (without one it groups by counterparty).
  const valid = groupBy.length > 0;
  const generate = (e?: FormEvent) => {
    e?.preventDefault();
    if (valid) setSubmitted(params);
  };
  const select = (key: 'kind' | 'importance' | 'state', values: readonly string[], group: string) => (
    <Select
      label={t(`events.${key}`)}
      placeholder={t('events.filters.any')}
      value={f[key]}
      clearable
      data={values.map((v) => ({ value: v, label: t(`events.${group}.${v}`) }))}
      onChange={(v) => set({ [key]: v })}
      data-testid={`events-report-${key}`}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <>
      <PageHeader title={t('eventsReport.title')}>
        <Button component={Link} to="/reports/cold-calls" variant="subtle" leftSection={<IconChartBar size={16} />}>
          {t('coldCalls.title')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md" mb="md" component="form" onSubmit={generate} data-testid="events-report-settings">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <EventsReportGroupings value={groupBy} onChange={setGroupBy} period={period} onPeriodChange={setPeriod} />
            <Switch
              mt="sm"
              label={t('eventsReport.details')}
              checked={details}
              onChange={(e) => setDetails(e.currentTarget.checked)}
              data-testid="events-report-details"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing={6}>
              <DateField
                label={t('events.filters.from')}
                value={f.from}
                onChange={(v) => set({ from: v })}
                testId="events-report-from"
                clearable
              />
              <DateField label={t('events.filters.to')} value={f.to} onChange={(v) => set({ to: v })} testId="events-report-to" clearable />
              <CounterpartyPicker
                label={t('events.counterparty')}
                value={f.counterpartyId}
                valueLabel={f.counterpartyName}
                placeholder={t('events.filters.any')}
                testId="events-report-counterparty"
                onChange={(id, name) => set({ counterpartyId: id, counterpartyName: name })}
              />
              <ContactPersonPicker
                label={t('events.contactPerson')}
                value={f.contactPersonId}
                valueLabel={f.contactPersonName}
                counterpartyId={f.counterpartyId}
                placeholder={t('events.filters.any')}
                testId="events-report-person"
                onChange={(_p, id, name) => set({ contactPersonId: id, contactPersonName: name })}
              />
              {select('kind', KINDS, 'kinds')}
              {select('importance', IMPORTANCES, 'importances')}
              {select('state', STATES, 'states')}
              <ResponsibleFilter
                label={t('events.responsible')}
                value={f.responsible}
                onChange={(v) => set({ responsible: v })}
                testId="events-report-responsible"
                w="100%"
              />
              <Select
                label={t('eventsReport.groupBy.infoSource')}
                placeholder={t('events.filters.any')}
                value={f.infoSourceId}
                clearable
                data={(sources.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                onChange={(v) => set({ infoSourceId: v })}
                data-testid="events-report-info-source"
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
          </Grid.Col>
        </Grid>
        {!valid && (
          <Text c="red" size="sm" mt="xs">
            {t('eventsReport.chooseGrouping')}
          </Text>
        )}
        <Group mt="md">
          <Button
            type="submit"
            leftSection={<IconPlayerPlay size={16} />}
            disabled={!valid}
            loading={report.isFetching}
            data-testid="events-report-generate"
          >
            {t('eventsReport.generate')}
          </Button>
          <Button
            component="a"
            variant="light"
            leftSection={<IconFileTypeCsv size={16} />}
            href={eventsReportFileUrl(params, 'csv')}
            download
            disabled={!valid}
            data-testid="events-report-export-csv"
          >
            {t('report.exportCsv')}
          </Button>
          <Button
            component="a"
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} />}
            href={eventsReportFileUrl(params, 'xlsx')}
            download
            disabled={!valid}
            data-testid="events-report-export-xlsx"
          >
            {t('report.exportXlsx')}
          </Button>
        </Group>
      </Paper>
      {report.isError && <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" data-testid="events-report-summary">
            {t('eventsReport.summary', {
              count: report.data.totals.count,
              duration: formatDuration(report.data.totals.durationMinutes, t),
            })}
          </Text>
          {report.data.truncated && <Alert color="yellow">{t('eventsReport.truncated')}</Alert>}
          <EventsReportTable report={report.data} />
        </Stack>
      )}
    </>
  );
}
