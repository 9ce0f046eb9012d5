import { Group, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ColdCallsReport } from '../../../shared/api/reports';
import { periodLabel } from './report-labels';

type CallRow = ColdCallsReport['calls'][number];
type SourceRow = ColdCallsReport['sources'][number];

const BAR_WIDTH = 220;

/** A horizontal bar: successes (green), failures (red) and calls without an outcome (grey), to scale. */
function CallsBar({ row, max }: { row: CallRow; max: number }) {
  const { t } = useTranslation();
  const scale = max > 0 ? BAR_WIDTH / max : 0;
  const other = Math.max(0, row.calls - row.successes - row.failures);
  const part = (n: number, color: string, label: string) =>
    n > 0 ? <div title={`${label}: ${n}`} style={{ width: n * scale, background: color, height: 14 }} /> : null;
  return (
    <div
      style={{ display: 'flex', width: BAR_WIDTH, background: 'var(--mantine-color-gray-1)', borderRadius: 3, overflow: 'hidden' }}
      aria-hidden
      data-testid="cold-calls-bar"
    >
      {part(row.successes, 'var(--mantine-color-teal-6)', t('coldCalls.successes'))}
      {part(row.failures, 'var(--mantine-color-red-6)', t('coldCalls.failures'))}
      {part(other, 'var(--mantine-color-gray-5)', t('coldCalls.noOutcome'))}
    </div>
  );
}

/** A share as a percentage in the user's language ("33,3 %" / "33.3%"). */
function usePct() {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
  return (rate: number | null) => (rate === null ? '—' : f.format(rate));
}

function Calls({ rows, unit }: { rows: CallRow[]; unit: ColdCallsReport['unit'] }) {
  const { t, i18n } = useTranslation();
  const pct = usePct();
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="cold-calls-empty">
        {t('coldCalls.noCalls')}
      </Text>
    );
  const max = Math.max(...rows.map((r) => r.calls));
  const sum = rows.reduce(
    (s, r) => ({ calls: s.calls + r.calls, successes: s.successes + r.successes, failures: s.failures + r.failures }),
    { calls: 0, successes: 0, failures: 0 },
  );
  const totalRate = sum.successes + sum.failures > 0 ? sum.successes / (sum.successes + sum.failures) : null;
  return (
    <Table striped withTableBorder data-testid="cold-calls-table" maw={1100}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('events.responsible')}</Table.Th>
          <Table.Th>{t('coldCalls.period')}</Table.Th>
          <Table.Th ta="right">{t('coldCalls.calls')}</Table.Th>
          <Table.Th ta="right">{t('coldCalls.successes')}</Table.Th>
          <Table.Th ta="right">{t('coldCalls.failures')}</Table.Th>
          <Table.Th ta="right">{t('coldCalls.successRate')}</Table.Th>
          <Table.Th>
            <Tooltip label={t('coldCalls.barLegend')} withinPortal>
              <span>{t('coldCalls.chart')}</span>
            </Tooltip>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={`${r.responsibleUserId}-${r.period}`} data-testid="cold-calls-row">
            <Table.Td>{r.responsibleUserName}</Table.Td>
            <Table.Td>{periodLabel(r.period, unit, t, i18n.language)}</Table.Td>
            <Table.Td ta="right">{r.calls}</Table.Td>
            <Table.Td ta="right">{r.successes}</Table.Td>
            <Table.Td ta="right">{r.failures}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {pct(r.successRate)}
            </Table.Td>
            <Table.Td>
              <CallsBar row={r} max={max} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={700} data-testid="cold-calls-total">
          <Table.Td colSpan={2}>{t('eventsReport.total')}</Table.Td>
          <Table.Td ta="right">{sum.calls}</Table.Td>
          <Table.Td ta="right">{sum.successes}</Table.Td>
          <Table.Td ta="right">{sum.failures}</Table.Td>
          <Table.Td ta="right">{pct(totalRate)}</Table.Td>
          <Table.Td>
            <Group gap="md">
              <Legend color="var(--mantine-color-teal-6)" label={t('coldCalls.successes')} />
              <Legend color="var(--mantine-color-red-6)" label={t('coldCalls.failures')} />
              <Legend color="var(--mantine-color-gray-5)" label={t('coldCalls.noOutcome')} />
            </Group>
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <div style={{ width: 10, height: 10, background: color, borderRadius: 2 }} />
      <Text size="xs" fw={400}>
        {label}
      </Text>
    </Group>
  );
}

function Sources({ rows }: { rows: SourceRow[] }) {
  const { t } = useTranslation();
  const pct = usePct();
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('coldCalls.noRequests')}
      </Text>
    );
  const max = Math.max(...rows.map((r) => r.requests));
  const total = rows.reduce((s, r) => s + r.requests, 0);
  return (
    <Table striped withTableBorder data-testid="cold-calls-sources" maw={800}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('events.infoSource')}</Table.Th>
          <Table.Th ta="right">{t('coldCalls.requests')}</Table.Th>
          <Table.Th ta="right">{t('coldCalls.share')}</Table.Th>
          <Table.Th>{t('coldCalls.chart')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.infoSourceId ?? 'none'} data-testid="cold-calls-source-row">
            <Table.Td>
              {r.name ?? (
                <Text span c="dimmed" size="sm">
                  {t('coldCalls.noSource')}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{r.requests}</Table.Td>
            <Table.Td ta="right">{pct(r.requests / total)}</Table.Td>
            <Table.Td>
              <div style={{ width: BAR_WIDTH, background: 'var(--mantine-color-gray-1)', borderRadius: 3 }} aria-hidden>
                <div
                  style={{ width: (r.requests / max) * BAR_WIDTH, height: 14, background: 'var(--mantine-color-blue-5)', borderRadius: 3 }}
                />
              </div>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={700}>
          <Table.Td>{t('eventsReport.total')}</Table.Td>
          <Table.Td ta="right">{total}</Table.Td>
          <Table.Td ta="right">{pct(1)}</Table.Td>
          <Table.Td />
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

export const ColdCallsTables = { Calls, Sources };
