import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AbcClassification } from '../../../shared/api/abc';

type AbcState = AbcClassification['state'];
export type AbcLetter = 'A' | 'B' | 'C';
export const ABC_CLASSES: AbcLetter[] = ['A', 'B', 'C'];
export const XYZ_CLASSES = ['X', 'Y', 'Z'] as const;

const STATE_COLORS: Record<AbcState, string> = { draft: 'gray', applied: 'green' };
// One colour per class everywhere: badges, the chart's bars and the report's summary.
export const CLASS_COLORS: Record<AbcLetter, string> = { A: 'teal', B: 'blue', C: 'gray' };

/** «Черновик» or «Проведен». */
export function AbcStateBadge({ state }: { state: AbcState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" data-testid="abc-state" data-state={state}>
      {t(`abc.states.${state}`)}
    </Badge>
  );
}

/** A customer's class as a badge; nothing when there is none. */
export function AbcClassBadge({ value, testId, long }: { value: AbcLetter | null | undefined; testId?: string; long?: boolean }) {
  const { t } = useTranslation();
  if (!value) return null;
  return (
    <Badge color={CLASS_COLORS[value]} variant="light" title={t('abc.classTitle', { value })} data-testid={testId} data-class={value}>
      {long ? t('abc.classTitle', { value }) : value}
    </Badge>
  );
}
