import { Paper, Text, Title } from '@mantine/core';
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useSaleFormat } from '../sales/useSaleFormat';
import type { ParetoData } from './abc-report.logic';

// Colours of shade 7 and 8: they keep 3:1 against white, as graphics must (WCAG 1.4.11).
const BAR: Record<'A' | 'B' | 'C', string> = { A: '#0c8599', B: '#1971c2', C: '#868e96' };
const LINE = '#c92a2a';

interface Props {
  data: ParetoData;
  classAPercent: number;
  classBPercent: number;
}

/**
 * The Pareto chart: customers' amounts in rank order as bars coloured by class, the cumulative
 * share as a line on the right axis, and the A and A+B boundaries. The figure's caption and the
 * table below carry the same figures in text.
 */
export function AbcReportChart({ data, classAPercent, classBPercent }: Props) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const locale = f.lang === 'ru' ? 'ru-RU' : 'en-GB';
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (data.points.length === 0) return null;
  const thinned = data.points.some((p) => p.customers > 1);
  return (
    <Paper withBorder p="md" component="figure" m={0} data-testid="abc-report-chart">
      <Title order={2} size="h5" mb={4} component="figcaption">
        {t('abc.report.chartTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('abc.report.chartHint', { a: classAPercent, ab: classAPercent + classBPercent })}
        {thinned ? ` ${t('abc.report.chartThinned')}` : ''}
      </Text>
      <div style={{ width: '100%', height: 320 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data.points} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="rank"
              tick={{ fontSize: 12 }}
              label={{ value: t('abc.report.rankAxis'), position: 'insideBottom', offset: -4, fontSize: 12 }}
              height={40}
            />
            <YAxis yAxisId="amount" tickFormatter={(v: number) => compact.format(v)} tick={{ fontSize: 12 }} width={56} />
            <YAxis
              yAxisId="share"
              orientation="right"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              unit="%"
              tick={{ fontSize: 12 }}
              width={48}
            />
            <Tooltip
              formatter={(value, name) =>
                name === 'cumulative' ? [`${value} %`, t('abc.cumulativeShare')] : [money.format(Number(value)), t('abc.amount')]
              }
              labelFormatter={(rank) => t('abc.report.rankTooltip', { rank })}
            />
            <Bar yAxisId="amount" dataKey="amount" name="amount" isAnimationActive={false}>
              {data.points.map((p) => (
                <Cell key={p.rank} fill={BAR[p.abcClass]} />
              ))}
            </Bar>
            <Line
              yAxisId="share"
              dataKey="cumulative"
              name="cumulative"
              stroke={LINE}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <ReferenceLine
              yAxisId="share"
              y={classAPercent}
              stroke={BAR.A}
              strokeDasharray="6 4"
              label={{ value: `A ${classAPercent} %`, position: 'insideBottomRight', fontSize: 12, fill: '#212529' }}
            />
            <ReferenceLine
              yAxisId="share"
              y={classAPercent + classBPercent}
              stroke={BAR.B}
              strokeDasharray="6 4"
              label={{ value: `A+B ${classAPercent + classBPercent} %`, position: 'insideBottomRight', fontSize: 12, fill: '#212529' }}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </Paper>
  );
}
