import { Badge, Button, Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../../shared/api/scheduler';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormat } from '../../lib/useFormat';
import { useSettings } from '../settings/settings.queries';
import { SchedulerSettingsForm } from './SchedulerSettingsForm';
import { jobResultText, jobTitle } from './jobText';
import { useJobs, useRunJob } from './scheduler.queries';

/** A badge's text may be cut to nothing in an automatic table layout: the columns keep a minimum. */
const MIN_WIDTHS: Record<string, number> = { name: 200, state: 150, result: 190 };

function JobState({ job }: { job: JobStatus }) {
  const { t } = useTranslation();
  if (job.running)
    return (
      <Badge color="blue" variant="light" tt="none">
        {t('scheduler.state.running')}
      </Badge>
    );
  if (job.lastStatus === 'ok')
    return (
      <Badge color="teal" variant="light" tt="none">
        {t('scheduler.state.ok')}
      </Badge>
    );
  if (job.lastStatus === 'error')
    return (
      <Badge color="red" variant="filled" tt="none">
        {t('scheduler.state.error')}
      </Badge>
    );
  return (
    <Badge color="gray" variant="light" tt="none">
      {t('scheduler.state.never')}
    </Badge>
  );
}

/** «Регламентные задания» (administrators): each job's last and next run, «Выполнить сейчас», and the scheduler's settings. */
export function JobsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const jobs = useJobs();
  const settings = useSettings();
  const run = useRunJob();

  const runNow = (name: string) =>
    run.mutate(name, {
      onSuccess: (j) => notifySuccess(t('scheduler.ran', { name: jobTitle(j.name, t) })),
      onError: (err) => notifyError(err, t),
    });

  return (
    <>
      <PageHeader title={t('scheduler.title')}>
        <Text size="sm" c="dimmed">
          {t('scheduler.autoRefresh')}
        </Text>
      </PageHeader>
      {jobs.isError && <ErrorPanel error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.isPending && (
        <Center p="lg">
          <Loader />
        </Center>
      )}
      {jobs.data && (
        <Table.ScrollContainer minWidth={1000}>
          <Table verticalSpacing="sm" data-testid="jobs-table">
            <Table.Thead>
              <Table.Tr>
                {(['name', 'lastStarted', 'lastFinished', 'state', 'result', 'nextRun', 'runCount'] as const).map((c) => (
                  <Table.Th key={c} style={{ minWidth: MIN_WIDTHS[c] }}>
                    {t(`scheduler.columns.${c}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.data.map((j) => (
                <Table.Tr key={j.name} data-testid="job-row" data-job={j.name}>
                  {/* The job's action sits under its name: a last column of its own was cut off at 1366 px. */}
                  <Table.Td>
                    <Stack gap={6} align="flex-start">
                      <Text size="sm" fw={500}>
                        {jobTitle(j.name, t)}
                      </Text>
                      <Button
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconPlayerPlay size={14} />}
                        disabled={j.running}
                        loading={run.isPending && run.variables === j.name}
                        onClick={() => runNow(j.name)}
                        data-testid="job-run"
                      >
                        {t('scheduler.runNow')}
                      </Button>
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(j.lastStartedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(j.lastFinishedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <JobState job={j} />
                  </Table.Td>
                  <Table.Td style={{ maxWidth: 360 }}>
                    <Text
                      size="sm"
                      c={j.lastStatus === 'error' ? 'red' : undefined}
                      style={{ overflowWrap: 'anywhere' }}
                      data-testid="job-result"
                    >
                      {jobResultText(j.name, j.lastResult, t)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{j.nextRunAt ? fmt.dateTime(j.nextRunAt) : t('scheduler.nextTick')}</Table.Td>
                  <Table.Td data-testid="job-run-count">{j.runCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={2} size="h4" mt="xl" mb="sm">
        {t('scheduler.settings')}
      </Title>
      {settings.isError && <ErrorPanel error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <SchedulerSettingsForm saved={settings.data} />}
    </>
  );
}
