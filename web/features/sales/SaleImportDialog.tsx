import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Alert, Button, Code, FileInput, Group, Modal, Paper, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../../lib/usePhone';
import { IMPORT_COLUMNS, IMPORT_EXAMPLE, importErrorRows } from './saleImport';
import { useImportSales } from './sales.queries';

/** «Загрузить из CSV»: the expected columns, a file chosen or dropped, the upload, then every refused line or what was created. */
export function SaleImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [dragging, setDragging] = useState(false);
  const upload = useImportSales(setProgress);
  const errors = upload.isError ? importErrorRows(upload.error, t) : [];
  // The outcome is under the instructions: bring it into view, or the user sees no answer.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (upload.isError || upload.isSuccess) outcome.current?.scrollIntoView({ block: 'start' });
  }, [upload.isError, upload.isSuccess]);

  const choose = (f: File | null) => {
    setFile(f);
    setProgress(0);
    upload.reset();
  };
  const send = () => {
    if (!file) return;
    setProgress(0);
    upload.mutate(file);
  };
  const close = () => {
    choose(null);
    onClose();
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) choose(f);
  };

  return (
    <Modal opened={opened} onClose={close} title={t('sales.import.title')} size="xl" fullScreen={phone} data-testid="sales-import-dialog">
      <Stack gap="sm">
        <Text size="sm">{t('sales.import.intro')}</Text>
        <Table withTableBorder withColumnBorders fz="xs" data-testid="sales-import-columns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.import.column')}</Table.Th>
              <Table.Th>{t('sales.import.meaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {IMPORT_COLUMNS.map((c) => (
              <Table.Tr key={c}>
                <Table.Td>
                  <Code>{c}</Code>
                </Table.Td>
                <Table.Td>{t(`sales.import.hints.${c}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" fw={500}>
          {t('sales.import.example')}
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {IMPORT_EXAMPLE}
        </Code>
        <Paper
          withBorder
          p="md"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
          style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-teal-0)' : undefined }}
          data-testid="sales-import-drop"
        >
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('sales.import.drop')}
            </Text>
            <FileInput
              label={t('sales.import.file')}
              placeholder={t('sales.import.choose')}
              accept=".csv,text/csv"
              value={file}
              onChange={choose}
              clearable
              leftSection={<IconFileUpload size={16} />}
              data-testid="sales-import-file"
            />
          </Stack>
        </Paper>
        {upload.isPending && (
          <Progress
            value={Math.round(progress * 100)}
            animated
            aria-label={t('sales.import.sending')}
            data-testid="sales-import-progress"
          />
        )}
        <Stack gap="sm" ref={outcome}>
          {upload.isSuccess && (
            <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="sales-import-done">
              {t('sales.import.done', { sales: upload.data.created, lines: upload.data.lines })}
            </Alert>
          )}
          {errors.length > 0 && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('sales.import.failed')} data-testid="sales-import-failed">
              <Text size="sm" mb="xs">
                {t('sales.import.nothingWritten', { count: errors.length })}
              </Text>
              <ScrollArea.Autosize mah={260}>
                <Table fz="sm" striped data-testid="sales-import-errors">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={70}>{t('sales.import.line')}</Table.Th>
                      <Table.Th w={140}>{t('sales.import.field')}</Table.Th>
                      <Table.Th>{t('sales.import.message')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {errors.map((r, i) => (
                      <Table.Tr key={i} data-testid="sales-import-error" data-line={r.line ?? ''}>
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
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-testid="sales-import-close">
            {upload.isSuccess ? t('sales.import.close') : t('common.cancel')}
          </Button>
          <Button onClick={send} disabled={!file || upload.isSuccess} loading={upload.isPending} data-testid="sales-import-send">
            {t('sales.import.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
