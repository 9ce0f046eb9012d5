import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, MultiSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContactInfoKind } from '../../../shared/api/contact-info';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { CONTACT_INFO_KINDS } from '../contact-info/contactInfo';
import { currentLanguage } from '../../i18n';
import { ContactInfoReportTable } from './ContactInfoReportTable';
import { reportFileUrl, useContactInfoReport, type ContactInfoReportParams } from './reports.queries';

const OBJECTS = ['counterparties', 'contactPersons', 'individuals'] as const;
const DEFAULT_KINDS: ContactInfoKind[] = ['phone', 'email', 'actualAddress'];

/** «Отчет о контактной информации»: chosen objects with chosen kinds of contact information as columns. */
export function ContactInfoReportPage() {
  const { t, i18n } = useTranslation();
  const [objects, setObjects] = useState<string[]>([...OBJECTS]);
  const [kinds, setKinds] = useState<string[]>(DEFAULT_KINDS);
  const [q, setQ] = useState('');
  const [mine, setMine] = useState(false);
  const [onlyWith, setOnlyWith] = useState(false);
  const [submitted, setSubmitted] = useState<ContactInfoReportParams | null>(null);
  const report = useContactInfoReport(submitted);

  const lang = i18n.language === 'ru' ? 'ru' : currentLanguage();
  const params: ContactInfoReportParams = {
    // Keep the user's column order as chosen in the list of kinds.
    objects: OBJECTS.filter((o) => objects.includes(o)).join(','),
    kinds: kinds.join(','),
    q: q.trim() || undefined,
    responsibleUserId: mine ? 'me' : undefined,
    onlyWithContactInfo: onlyWith || undefined,
    lang,
  };
  const valid = objects.length > 0 && kinds.length > 0;

  const generate = (e?: FormEvent) => {
    e?.preventDefault();
    if (valid) setSubmitted(params);
  };

  return (
    <>
      <PageHeader title={t('report.title')} />
      <Paper withBorder p="md" mb="md" component="form" onSubmit={generate} data-testid="report-settings">
        <Stack gap="sm">
          <Checkbox.Group label={t('report.objects')} value={objects} onChange={setObjects} data-testid="report-objects">
            <Group mt={6}>
              {OBJECTS.map((o) => (
                <Checkbox key={o} value={o} label={t(`report.objectOptions.${o}`)} data-testid={`report-object-${o}`} />
              ))}
            </Group>
          </Checkbox.Group>
          <MultiSelect
            label={t('report.kinds')}
            value={kinds}
            onChange={setKinds}
            maw={720}
            clearable
            data={CONTACT_INFO_KINDS.map((k) => ({ value: k, label: t(`contactInfoKinds.${k}`) }))}
            error={kinds.length === 0 ? t('report.chooseKinds') : undefined}
            data-testid="report-kinds"
            comboboxProps={{ withinPortal: true }}
          />
          <Group align="flex-end" gap="md">
            <TextInput
              label={t('report.search')}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={320}
              placeholder={t('counterparty.searchPlaceholder')}
              data-testid="report-search"
            />
            <Checkbox
              label={t('filters.mine')}
              checked={mine}
              onChange={(e) => setMine(e.currentTarget.checked)}
              mb={8}
              data-testid="report-mine"
            />
            <Checkbox
              label={t('report.onlyWithContactInfo')}
              checked={onlyWith}
              onChange={(e) => setOnlyWith(e.currentTarget.checked)}
              mb={8}
            />
          </Group>
          {objects.length === 0 && (
            <Text c="red" size="sm">
              {t('report.chooseObjects')}
            </Text>
          )}
          <Group>
            <Button
              type="submit"
              leftSection={<IconPlayerPlay size={16} />}
              disabled={!valid}
              loading={report.isFetching}
              data-testid="report-generate"
            >
              {t('report.generate')}
            </Button>
            <Button
              component="a"
              variant="light"
              leftSection={<IconFileTypeCsv size={16} />}
              href={reportFileUrl(params, 'csv')}
              download
              disabled={!valid}
              data-testid="report-export-csv"
            >
              {t('report.exportCsv')}
            </Button>
            <Button
              component="a"
              variant="light"
              leftSection={<IconFileSpreadsheet size={16} />}
              href={reportFileUrl(params, 'xlsx')}
              download
              disabled={!valid}
              data-testid="report-export-xlsx"
            >
              {t('report.exportXlsx')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {report.isError && <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" data-testid="report-total">
            {t('report.total', { count: report.data.total })}
          </Text>
          {report.data.truncated && <Alert color="yellow">{t('report.truncated')}</Alert>}
          <ContactInfoReportTable report={report.data} />
        </Stack>
      )}
    </>
  );
}
