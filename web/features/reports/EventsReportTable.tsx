import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EventsReport, EventsReportRow } from '../../../shared/api/reports';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useFormat } from '../../lib/useFormat';
import { DirectionLabel, ImportanceMark, KindLabel, StateLabel, formatDuration } from '../events/eventLabels';
import { eventGroupLabel } from './report-labels';

type Row = EventsReportRow | (Omit<EventsReportRow, 'type'> & { type: 'total' });

const INDENT = 22;

/** The generated «Отчет по событиям»: an indented tree of groups with totals; events open on click. */
export function EventsReportTable({ report }: { report: EventsReport }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  if (report.rows.length === 0) {
    return (
      <Table>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              <Text c="dimmed" data-testid="events-report-empty">
                {t('common.nothingFound')}
              </Text>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    );
  }
  const total: Row = {
    level: 0,
    type: 'total',
    grouping: null,
    key: null,
    label: t('eventsReport.total'),
    count: report.totals.count,
    durationMinutes: report.totals.durationMinutes,
    eventId: null,
    number: null,
    startAt: null,
    counterpartyName: null,
    contactPersonName: null,
    kind: null,
    direction: null,
    importance: null,
    state: null,
  };
  const rows: Row[] = [...report.rows, total];
  const strong = (r: Row) => r.type !== 'event';

  const columns: Column<Row>[] = [
    {
      key: 'label',
      header: t('eventsReport.columns.label'),
      render: (r) => {
        const pad = { paddingLeft: r.level * INDENT };
        if (r.type === 'event') {
          return (
            <Group gap={6} wrap="nowrap" style={pad} title={r.label ?? undefined}>
              <Anchor component={Link} to={`/events/${r.eventId}`} size="sm" truncate data-testid="events-report-event-link">
                {r.label}
              </Anchor>
            </Group>
          );
        }
        const groupName = r.grouping ? t(`eventsReport.groupBy.${r.grouping}`) : '';
        const value = r.type === 'total' ? (r.label ?? '') : eventGroupLabel(r, report.period, t, i18n.language);
        return (
          <Text
            size="sm"
            fw={700}
            truncate
            style={pad}
            title={groupName ? `${groupName}: ${value}` : value}
            data-testid={r.type === 'total' ? 'events-report-total' : 'events-report-group'}
            data-level={r.level}
            data-grouping={r.grouping ?? ''}
          >
            {value}
          </Text>
        );
      },
    },
    // Importance and direction as in the journal: the red "!" (the full name in the tooltip and for
    // screen readers) and the short direction with its arrow; the files carry the full names.
    {
      key: 'importance',
      header: '!',
      label: t('events.importance'),
      width: 30,
      render: (r) => (r.importance ? <ImportanceMark importance={r.importance} /> : ''),
    },
    { key: 'date', header: t('events.date'), width: 140, render: (r) => (r.startAt ? fmt.dateTime(r.startAt) : '') },
    { key: 'counterparty', header: t('events.counterparty'), width: '13%', render: (r) => r.counterpartyName ?? '' },
    { key: 'contactPerson', header: t('events.contactPerson'), width: '13%', render: (r) => r.contactPersonName ?? '' },
    { key: 'kind', header: t('events.kind'), width: 118, render: (r) => (r.kind ? <KindLabel kind={r.kind} short /> : '') },
    {
      key: 'direction',
      header: t('events.directionShort'),
      label: t('events.direction'),
      width: 72,
      render: (r) => (r.direction ? <DirectionLabel direction={r.direction} short /> : ''),
    },
    { key: 'state', header: t('events.state'), width: 120, render: (r) => (r.state ? <StateLabel state={r.state} /> : '') },
    {
      key: 'count',
      header: t('eventsReport.columns.count'),
      width: 98,
      render: (r) => (
        <Text size="sm" fw={strong(r) ? 700 : undefined} data-testid="events-report-count">
          {r.count}
        </Text>
      ),
    },
    {
      key: 'duration',
      header: t('eventsReport.columns.duration'),
      width: 114,
      render: (r) => (
        <Text size="sm" fw={strong(r) ? 700 : undefined} data-testid="events-report-duration">
          {r.type === 'event' && r.durationMinutes === 0 ? '' : formatDuration(r.durationMinutes, t)}
        </Text>
      ),
    },
  ];
  // A column repeating a grouping says nothing new on the event rows: leave it out.
  const grouped: Record<string, string> = {
    counterparty: 'counterparty',
    contactPerson: 'contactPerson',
    kind: 'kind',
    importance: 'importance',
    state: 'state',
  };
  const hidden = new Set(report.groupBy.map((g) => grouped[g]).filter(Boolean));
  const shown = columns.filter((c) => !hidden.has(c.key));
  const key = (r: Row, i?: number) => (r.type === 'event' ? `e-${r.eventId}` : `${r.type}-${r.level}-${r.grouping}-${r.key}-${i ?? ''}`);
  const keyed = rows.map((r, i) => ({ r, k: key(r, i) }));
  return (
    <VirtualTable
      rows={keyed}
      rowKey={(x) => x.k}
      height="calc(100vh - 200px)"
      testId="events-report-table"
      rowTestId="events-report-row"
      columns={shown.map((c) => ({ ...c, render: (x: { r: Row }) => c.render(x.r) }))}
    />
  );
}
