import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconAt, IconDots, IconMail, IconPhone, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../shared/api/events';

export type EventKind = Event['kind'];
export type Importance = Event['importance'];
export type EventState = Event['state'];
export type Direction = NonNullable<Event['direction']>;
export type Outcome = NonNullable<Event['outcome']>;

export const KINDS: readonly EventKind[] = ['phoneCall', 'meeting', 'email', 'letter', 'other'];
export const IMPORTANCES: readonly Importance[] = ['low', 'normal', 'high'];
export const STATES: readonly EventState[] = ['planned', 'completed', 'cancelled'];
export const OUTCOMES: readonly Outcome[] = ['success', 'failure'];

export function KindIcon({ kind, size = 16 }: { kind: EventKind; size?: number }): ReactNode {
  switch (kind) {
    case 'phoneCall':
      return <IconPhone size={size} />;
    case 'meeting':
      return <IconUsersGroup size={size} />;
    case 'email':
      return <IconAt size={size} />;
    case 'letter':
      return <IconMail size={size} />;
    default:
      return <IconDots size={size} />;
  }
}

/** «Вид события»: icon and text (`short` for narrow journal columns; the full name is the tooltip). */
export function KindLabel({ kind, short }: { kind: EventKind; short?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" component="span" data-kind={kind} title={t(`events.kinds.${kind}`)}>
      <KindIcon kind={kind} size={15} />
      <Text size="sm" span truncate>
        {t(short ? `events.kindsShort.${kind}` : `events.kinds.${kind}`)}
      </Text>
    </Group>
  );
}

export function DirectionLabel({ direction, short }: { direction: Event['direction']; short?: boolean }) {
  const { t } = useTranslation();
  if (!direction) return null;
  return (
    <Group gap={4} wrap="nowrap" component="span" title={t(`events.directions.${direction}`)} data-direction={direction}>
      {direction === 'incoming' ? (
        <IconArrowDownLeft size={14} color="var(--mantine-color-blue-6)" />
      ) : (
        <IconArrowUpRight size={14} color="var(--mantine-color-teal-7)" />
      )}
      <Text size="sm" span>
        {t(short ? `events.directionsShort.${direction}` : `events.directions.${direction}`)}
      </Text>
    </Group>
  );
}

/** 1C marks important events with a red "!" and unimportant ones with a grey arrow down. */
export function ImportanceMark({ importance }: { importance: Importance }) {
  const { t } = useTranslation();
  if (importance === 'high') {
    return (
      <Text span c="red" fw={900} fz="lg" lh={1} title={t('events.importances.high')} data-testid="importance-high">
        !
      </Text>
    );
  }
  if (importance === 'low')
    return (
      <Text span c="dimmed" fz="sm" title={t('events.importances.low')}>
        ↓
      </Text>
    );
  return null;
}

const STATE_COLORS: Record<EventState, string> = { planned: 'blue', completed: 'teal', cancelled: 'dimmed' };

export function StateLabel({ state }: { state: EventState }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" span c={STATE_COLORS[state]}>
      {t(`events.states.${state}`)}
    </Text>
  );
}

/** Minutes as "1 ч 25 мин" / "1 h 25 min". */
export function formatDuration(minutes: number, t: (key: string, opts?: Record<string, unknown>) => string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('events.duration.minutes', { m });
  if (m === 0) return t('events.duration.hours', { h });
  return t('events.duration.hoursMinutes', { h, m });
}
