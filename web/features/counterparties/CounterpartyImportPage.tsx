import { useState } from 'react';
import { Alert, Anchor, Badge, Button, FileInput, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { keys } from '../../api/keys';
import { errorRows, fieldOf, previewOf, problemsCut, uploadCounterparties, type ImportResult } from './counterpartyImport';

/** «Загрузка контрагентов из файла»: choose a CSV or XLSX file, see its first rows and how its columns are read, check, load. */
export function CounterpartyImportPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string[][] | null>(null);
  const [previewFailed, setPreviewFailed] = useState(false);
  const [outcome, setOutcome] = useState<{ dryRun: boolean; result: ImportResult } | null>(null);
  const send = useMutation({
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) => uploadCounterparties(f, dryRun),
    onSuccess: (result, { dryRun }) => {
      setOutcome({ dryRun, result });
      if (!dryRun) void qc.invalidateQueries({ queryKey: keys.counterparties.all });
    },
  });
  const errors = send.isError ? errorRows(send.error, t) : [];
  const cut = send.isError ? problemsCut(send.error) : null;

  const choose = (f: File | null) => {
    setFile(f);
    setPreview(null);
    setPreviewFailed(false);
    setOutcome(null);
    send.reset();
    if (f)
      previewOf(f)
        .then(setPreview)
        .catch(() => setPreviewFailed(true));
  };
  const run = (dryRun: boolean) => {
    if (!file) return;
    setOutcome(null);
    send.mutate({ f: file, dryRun });
  };

  const [header, ...rows] = preview ?? [];
  const label = (h: string) => {
    const f = fieldOf(h);
    if (f === null)
      return (
        <Badge color="red" variant="light">
          {t('counterpartyImport.unknownColumn')}
        </Badge>
      );
    if (f === 'ignored')
      return (
        <Badge color="gray" variant="light">
          {t('counterpartyImport.ignoredColumn')}
        </Badge>
      );
    return <Badge variant="light">{t(`counterpartyImport.fields.${f}`)}</Badge>;
  };

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t('counterpartyImport.title')}>
        <Anchor component={Link} to="/counterparties">
          {t('counterpartyImport.back')}
        </Anchor>
      </PageHeader>
      <Text size="sm">{t('counterpartyImport.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('counterpartyImport.rules')}
      </Text>
      <FileInput
        label={t('counterpartyImport.file')}
        placeholder={t('counterpartyImport.choose')}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={choose}
        clearable
        leftSection={<IconFileUpload size={16} />}
        maw={480}
        data-testid="counterparty-import-file"
      />
      {previewFailed && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
          {t('counterpartyImport.previewFailed')}
        </Alert>
      )}
      {header && (
        <Stack gap="xs">
          <Text fw={500}>{t('counterpartyImport.preview')}</Text>
          <ScrollArea type="auto">
            <Table withTableBorder withColumnBorders fz="xs" data-testid="counterparty-import-preview">
              <Table.Thead>
                <Table.Tr>
                  {header.map((h, i) => (
                    <Table.Th key={i}>
                      <Stack gap={4}>
                        <span>{h}</span>
                        {label(h)}
                      </Stack>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={i}>
                    {header.map((_, j) => (
                      <Table.Td key={j}>{r[j] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Stack>
      )}
      <Group>
        <Button
          variant="default"
          onClick={() => run(true)}
          disabled={!file}
          loading={send.isPending && send.variables?.dryRun}
          data-testid="counterparty-import-check"
        >
          {t('counterpartyImport.check')}
        </Button>
        <Button
          onClick={() => run(false)}
          disabled={!file || (outcome !== null && !outcome.dryRun)}
          loading={send.isPending && !send.variables?.dryRun}
          data-testid="counterparty-import-send"
        >
          {t('counterpartyImport.load')}
        </Button>
      </Group>
      {outcome && (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="counterparty-import-done">
          {t(outcome.dryRun ? 'counterpartyImport.checked' : 'counterpartyImport.done', { ...outcome.result })}
        </Alert>
      )}
      {errors.length > 0 && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t('counterpartyImport.failed')}
          data-testid="counterparty-import-failed"
        >
          {cut && (
            <Text size="sm" mb="xs" data-testid="counterparty-import-cut">
              {t('counterpartyImport.cut', { shown: cut.shown, total: cut.total, lines: cut.lines })}
            </Text>
          )}
          <ScrollArea.Autosize mah={360}>
            <Table fz="sm" striped data-testid="counterparty-import-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('counterpartyImport.line')}</Table.Th>
                  <Table.Th w={180}>{t('counterpartyImport.column')}</Table.Th>
                  <Table.Th>{t('counterpartyImport.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {errors.map((r, i) => (
                  <Table.Tr key={i} data-line={r.line ?? ''}>
                    <Table.Td>{r.line ?? ''}</Table.Td>
                    <Table.Td>{r.field}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Alert>
      )}
    </Stack>
  );
}
