import { Anchor, EmptyState, Group, ScrollArea, Table, Text } from '@mantine/core';
import { IconChartPie } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel';
import { usePhone } from '../../lib/usePhone';
import { Amount } from '../sales/Amount';
import { useSaleFormat } from '../sales/useSaleFormat';
import { AbcClassBadge } from './abcLabels';
import { useAbcHistory } from './abc.queries';

/** «История ABC» of a counterparty: its class in every applied classification, newest first. */
export function AbcHistoryTab({ counterpartyId, current }: { counterpartyId: string; current: 'A' | 'B' | 'C' | null }) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const phone = usePhone();
  const history = useAbcHistory(counterpartyId);
  if (history.isError) return <ErrorPanel error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data?.items ?? [];
  const doc = (i: (typeof items)[number]) => (
    <Anchor component={Link} to={`/abc/${i.classificationId}`} size="sm" data-testid="abc-history-doc">
      {t('abc.docTitle', { number: i.number, date: f.day(i.date) })}
    </Anchor>
  );
  return (
    <>
      <Group gap="xs" mb="sm">
        <Text size="sm" fw={500}>
          {t('abc.currentClass')}:
        </Text>
        {current ? <AbcClassBadge value={current} testId="abc-current-class" /> : <Text size="sm">{t('abc.noClass')}</Text>}
      </Group>
      {history.isSuccess && items.length === 0 && (
        <EmptyState mt="lg" icon={<IconChartPie size={32} />} title={t('abc.historyEmpty')} data-testid="abc-history-empty" />
      )}
      {items.length > 0 && phone && (
        <div data-testid="abc-history">
          {items.map((i) => (
            <div
              key={i.classificationId}
              data-testid="abc-history-row"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', padding: '8px 0' }}
            >
              <Group gap="xs" wrap="nowrap" justify="space-between">
                {doc(i)}
                <AbcClassBadge value={i.abcClass} testId="abc-history-class" />
              </Group>
              <Text size="sm">
                {f.day(i.periodFrom)} – {f.day(i.periodTo)} · {f.money(i.amount)}
              </Text>
              {i.previousClass && (
                <Text size="sm" c="dimmed">
                  {t('abc.previousClass')}: {i.previousClass}
                </Text>
              )}
            </div>
          ))}
        </div>
      )}
      {items.length > 0 && !phone && (
        <ScrollArea type="auto">
          <Table striped withTableBorder miw={760} data-testid="abc-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('abc.document')}</Table.Th>
                <Table.Th>{t('abc.period')}</Table.Th>
                <Table.Th>{t('abc.basis')}</Table.Th>
                <Table.Th ta="right">{t('abc.amount')}</Table.Th>
                <Table.Th>{t('abc.class')}</Table.Th>
                <Table.Th>{t('abc.previousClass')}</Table.Th>
                <Table.Th>XYZ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.classificationId} data-testid="abc-history-row">
                  <Table.Td>{doc(i)}</Table.Td>
                  <Table.Td>
                    {f.day(i.periodFrom)} – {f.day(i.periodTo)}
                  </Table.Td>
                  <Table.Td>{t(`abc.bases.${i.basis}`)}</Table.Td>
                  <Table.Td>
                    <Amount>{f.money(i.amount)}</Amount>
                  </Table.Td>
                  <Table.Td>
                    <AbcClassBadge value={i.abcClass} testId="abc-history-class" />
                  </Table.Td>
                  <Table.Td>
                    <AbcClassBadge value={i.previousClass} />
                  </Table.Td>
                  <Table.Td>{i.xyzClass ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </>
  );
}
