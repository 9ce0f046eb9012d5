import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AbcMovement } from '../../../shared/api/reports';
import { ErrorPanel } from '../../components/ErrorPanel';
import { usePhone } from '../../lib/usePhone';
import { ABC_CLASSES, AbcClassBadge } from '../abc/abcLabels';
import { Amount } from '../sales/Amount';
import { useSaleFormat } from '../sales/useSaleFormat';
import { useUserRefs } from '../users/users.queries';
import { NoneApplied, emptyReason, useAppliedOptions } from './AbcReportParts';
import { useAbcMovement, type AbcMovementParams } from './abc-report.queries';

const MOVE = [...ABC_CLASSES, 'none'] as const;

/** «Движение между классами»: a matrix of moves between two classifications and the customers who went down. */
export function AbcReportMovement() {
  const { t } = useTranslation();
  const users = useUserRefs();
  const options = useAppliedOptions();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [responsibleUserId, setResponsibleUserId] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<AbcMovementParams | null>(null);
  const movement = useAbcMovement(submitted);
  const generate = (e?: FormEvent) => {
    e?.preventDefault();
    setSubmitted({ from: from ?? undefined, to: to ?? undefined, responsibleUserId: responsibleUserId ?? undefined });
  };
  const select = (label: string, placeholder: string, value: string | null, set: (v: string | null) => void, testId: string) => (
    <Select
      label={label}
      placeholder={placeholder}
      data={options.data}
      value={value}
      clearable
      onChange={set}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
  return (
    <>
      <Paper withBorder p="md" mb="md" component="form" onSubmit={generate} data-testid="abc-movement-settings">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing={6}>
          {select(t('abc.report.movementFrom'), t('abc.report.defaultFrom'), from, setFrom, 'abc-movement-from')}
          {select(t('abc.report.movementTo'), t('abc.report.defaultTo'), to, setTo, 'abc-movement-to')}
          <Select
            label={t('abc.report.responsible')}
            placeholder={t('abc.report.any')}
            data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={responsibleUserId}
            clearable
            searchable
            onChange={setResponsibleUserId}
            data-testid="abc-movement-responsible"
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button
            type="submit"
            leftSection={<IconPlayerPlay size={16} />}
            loading={movement.isFetching}
            data-testid="abc-movement-generate"
          >
            {t('abc.report.generate')}
          </Button>
        </Group>
      </Paper>
      {movement.isError &&
        (emptyReason(movement.error) ? (
          <NoneApplied reason={emptyReason(movement.error)!} />
        ) : (
          <ErrorPanel error={movement.error} onRetry={() => void movement.refetch()} />
        ))}
      {movement.data && <MovementResult m={movement.data} />}
    </>
  );
}

function MovementResult({ m }: { m: AbcMovement }) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const phone = usePhone();
  const count = (a: string, b: string) => m.matrix.find((x) => x.fromClass === a && x.toClass === b)?.count ?? 0;
  const label = (c: string) => (c === 'none' ? '—' : c);
  const head = (h: AbcMovement['from']) => `${t('abc.docShort', { number: h.number, date: f.day(h.date) })}`;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" data-testid="abc-movement-head">
        {head(m.from)} → {head(m.to)}
      </Text>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb={4}>
          {t('abc.report.movementTitle')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('abc.report.movementHint')}
        </Text>
        <ScrollArea type="auto">
          <Table withTableBorder withColumnBorders miw={280} maw={560} data-testid="abc-movement-matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  {t('abc.report.movementRow')} \ {t('abc.report.movementCol')}
                </Table.Th>
                {MOVE.map((c) => (
                  <Table.Th key={c} ta="right">
                    {label(c)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {MOVE.map((a) => (
                <Table.Tr key={a}>
                  <Table.Th scope="row">{label(a)}</Table.Th>
                  {MOVE.map((b) => {
                    const n = count(a, b);
                    const down = ABC_CLASSES.indexOf(a as 'A') >= 0 && ABC_CLASSES.indexOf(b as 'A') > ABC_CLASSES.indexOf(a as 'A');
                    return (
                      <Table.Td
                        key={b}
                        ta="right"
                        data-cell={`${a}-${b}`}
                        fw={a === b ? 600 : undefined}
                        c={down && n > 0 ? 'red' : undefined}
                      >
                        {a === 'none' && b === 'none' ? '' : n}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
      <div>
        <Title order={2} size="h5" mb="sm">
          {t('abc.report.movedDown')}
        </Title>
        {m.movedDown.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="abc-moved-down-none">
            {t('abc.report.movedDownNone')}
          </Text>
        ) : phone ? (
          <Stack gap={0} data-testid="abc-moved-down">
            {m.movedDown.map((r) => (
              <div
                key={r.counterpartyId}
                data-testid="abc-moved-down-row"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', padding: '8px 0' }}
              >
                <Anchor component={Link} to={`/counterparties/${r.counterpartyId}?tab=abc`} size="sm" fw={600}>
                  {r.name}
                </Anchor>
                <Group gap={6} mt={2}>
                  <AbcClassBadge value={r.fromClass} />
                  <Text size="sm">→</Text>
                  <AbcClassBadge value={r.toClass} />
                  <Text size="sm">
                    {f.money(r.fromAmount)} → {f.money(r.toAmount)}
                  </Text>
                </Group>
                {r.responsibleUserName && (
                  <Text size="sm" c="dimmed">
                    {r.responsibleUserName}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        ) : (
          <ScrollArea type="auto">
            <Table striped withTableBorder miw={640} data-testid="abc-moved-down">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('abc.customer')}</Table.Th>
                  <Table.Th>{t('abc.responsible')}</Table.Th>
                  <Table.Th>{t('abc.report.wasClass')}</Table.Th>
                  <Table.Th>{t('abc.report.nowClass')}</Table.Th>
                  <Table.Th ta="right">{head(m.from)}</Table.Th>
                  <Table.Th ta="right">{head(m.to)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.movedDown.map((r) => (
                  <Table.Tr key={r.counterpartyId} data-testid="abc-moved-down-row">
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Anchor component={Link} to={`/counterparties/${r.counterpartyId}?tab=abc`} size="sm">
                        {r.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.responsibleUserName ?? ''}</Table.Td>
                    <Table.Td>
                      <AbcClassBadge value={r.fromClass} />
                    </Table.Td>
                    <Table.Td>
                      <AbcClassBadge value={r.toClass} />
                    </Table.Td>
                    <Table.Td>
                      <Amount>{f.money(r.fromAmount)}</Amount>
                    </Table.Td>
                    <Table.Td>
                      <Amount>{f.money(r.toAmount)}</Amount>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
        {m.truncated && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('abc.report.truncated')}
          </Text>
        )}
      </div>
    </Stack>
  );
}
