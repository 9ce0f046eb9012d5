import { EmptyState } from '@mantine/core';
import { IconChartPie } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAbcList } from '../abc/abc.queries';
import { useSaleFormat } from '../sales/useSaleFormat';

/** The report has nothing to compare or show: 404 with abc_none_applied (nothing applied yet) or abc_two_needed (movement). */
export function emptyReason(err: unknown): 'abc_none_applied' | 'abc_two_needed' | null {
  if (!(err instanceof ApiError)) return null;
  const code = err.details.map((d) => d.code).find((c) => c === 'abc_none_applied' || c === 'abc_two_needed');
  return code ?? null;
}

export function NoneApplied({ reason }: { reason: 'abc_none_applied' | 'abc_two_needed' }) {
  const { t } = useTranslation();
  const title = reason === 'abc_none_applied' ? t('abc.report.noClassification') : t('errors.fields.abc_two_needed');
  return <EmptyState mt="lg" icon={<IconChartPie size={32} />} title={title} data-testid="abc-report-none" />;
}

/** The applied classifications, newest first, as options «№ 3 от 01.11.2026 (01.08.2026 – 31.10.2026)». */
export function useAppliedOptions() {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const list = useAbcList({ state: 'applied' }, 200);
  const data = (list.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({
    value: c.id,
    label: `${t('abc.docShort', { number: c.number, date: f.day(c.date) })} (${f.day(c.periodFrom)} – ${f.day(c.periodTo)})`,
  }));
  return { data };
}
