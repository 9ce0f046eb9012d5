import { ActionIcon, Group, NativeSelect, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EVENT_GROUPINGS } from '../../../shared/api/reports';
import type { EventGrouping, PeriodUnit } from './events-report.queries';

interface Props {
  value: EventGrouping[];
  onChange: (v: EventGrouping[]) => void;
  period: PeriodUnit;
  onPeriodChange: (p: PeriodUnit) => void;
}

const move = <T,>(list: T[], from: number, to: number) => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
};

/** Grouping levels in the user's order, as 1C's report settings «Группировки строк». */
export function EventsReportGroupings({ value, onChange, period, onPeriodChange }: Props) {
  const { t } = useTranslation();
  const rest = EVENT_GROUPINGS.filter((g) => !value.includes(g));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('eventsReport.groupings')}
      </Text>
      <Paper withBorder p={6} data-testid="grouping-list">
        {value.length === 0 && (
          <Text size="sm" c="dimmed" px={6}>
            {t('eventsReport.noGroupings')}
          </Text>
        )}
        {value.map((g, i) => (
          <Group key={g} gap="xs" wrap="nowrap" px={6} py={2} data-testid="grouping-row" data-grouping={g}>
            <Text size="sm" c="dimmed" w={22}>
              {i + 1}.
            </Text>
            <Text size="sm" style={{ flex: 1, paddingLeft: i * 14 }}>
              {t(`eventsReport.groupBy.${g}`)}
            </Text>
            {g === 'period' && (
              <SegmentedControl
                size="xs"
                value={period}
                onChange={(v) => onPeriodChange(v as PeriodUnit)}
                data-testid="grouping-period-unit"
                data={(['day', 'week', 'month'] as const).map((u) => ({ value: u, label: t(`eventsReport.periods.${u}`) }))}
              />
            )}
            <ActionIcon
              variant="subtle"
              disabled={i === 0}
              onClick={() => onChange(move(value, i, i - 1))}
              aria-label={t('eventsReport.moveUp')}
              title={t('eventsReport.moveUp')}
              data-testid={`grouping-up-${g}`}
            >
              <IconChevronUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              disabled={i === value.length - 1}
              onClick={() => onChange(move(value, i, i + 1))}
              aria-label={t('eventsReport.moveDown')}
              title={t('eventsReport.moveDown')}
              data-testid={`grouping-down-${g}`}
            >
              <IconChevronDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => onChange(value.filter((x) => x !== g))}
              aria-label={t('eventsReport.removeGrouping')}
              title={t('eventsReport.removeGrouping')}
              data-testid={`grouping-remove-${g}`}
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
        ))}
      </Paper>
      {rest.length > 0 && (
        <NativeSelect
          value=""
          onChange={(e) => e.currentTarget.value && onChange([...value, e.currentTarget.value as EventGrouping])}
          aria-label={t('eventsReport.addGrouping')}
          data-testid="grouping-add"
          w={280}
          data={[
            { value: '', label: t('eventsReport.addGrouping') },
            ...rest.map((g) => ({ value: g, label: t(`eventsReport.groupBy.${g}`) })),
          ]}
        />
      )}
    </Stack>
  );
}
