import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Center, Loader, NumberInput, SimpleGrid, Stack, Switch, TextInput, Title } from '@mantine/core';
import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/api/settings';
import { failureSummary, fieldErrorsOf } from '../../api/errors';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { ResponsibleSelect } from '../users/ResponsibleSelect';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { notifySuccess } from '../../components/notify';
import { useSaveShortcut } from '../../lib/useSaveShortcut';
import { useSettings, useUpdateSettings } from './settings.queries';
import { RequisitesSection } from './RequisitesSection';
import { AbcSettingsSection } from './AbcSettingsSection';
import { normalizeRequisites, requisitesErrors } from './requisites';

export function SettingsPage() {
  const settings = useSettings();
  if (settings.isError) return <ErrorPanel error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!settings.data)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  return <SettingsForm saved={settings.data} />;
}

/** Company-wide settings (admin): «Настройка параметров учета». Only changed fields are sent. */
function SettingsForm({ saved }: { saved: Settings }) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const [failedAt, setFailedAt] = useState(0);
  const [form, setForm] = useState<Settings>(saved);
  const set = (p: Partial<Settings>) => setForm((f) => ({ ...f, ...p }));
  // The requisites' lengths are checked here first; the server's refusals (check digits) land at the same fields.
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // Fields edited since the last refusal lose its mark at once.
  const [edited, setEdited] = useState<string[]>([]);
  const serverErrors = Object.fromEntries(Object.entries(fieldErrorsOf(update.error, t)).filter(([f]) => !edited.includes(f)));
  const errors = { ...serverErrors, ...localErrors };
  // One line above the fields instead of a toast over «Записать»: the fields themselves are marked.
  const marked = Object.values(errors).filter(Boolean).length;
  const refusal = update.error ? failureSummary(update.error, t) : null;
  const summary = refusal ?? (marked ? t('errors.summary', { count: marked }) : null);

  const save = () => {
    const local = requisitesErrors(form);
    const localTexts = Object.fromEntries(
      Object.entries(local).map(([f, code]) => [f, t(`requisites.errors.${code}`, { defaultValue: '' }) || t(`errors.fields.${code}`)]),
    );
    setLocalErrors(localTexts);
    setEdited([]);
    if (Object.keys(localTexts).length) {
      update.reset();
      setFailedAt(Date.now());
      return;
    }
    const sent = normalizeRequisites(form);
    const patch: SettingsPatch = {};
    for (const key of Object.keys(sent) as (keyof Settings)[]) {
      if (sent[key] !== saved[key]) (patch as Record<string, unknown>)[key] = sent[key];
    }
    if (typeof patch.companyName === 'string') patch.companyName = patch.companyName.trim();
    if (typeof patch.defaultPhoneRegion === 'string') patch.defaultPhoneRegion = patch.defaultPhoneRegion.trim().toUpperCase();
    if (Object.keys(patch).length === 0) return notifySuccess(t('common.noChanges'));
    update.mutate(patch, {
      onError: () => setFailedAt(Date.now()),
      onSuccess: (s) => {
        setForm(s);
        notifySuccess(t('common.saved'));
      },
    });
  };
  useSaveShortcut(save);
  // After a refused save the first marked field gets the focus (and scrolls into view), as on the cards.
  useEffect(() => {
    if (!failedAt) return;
    const id = requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return () => cancelAnimationFrame(id);
  }, [failedAt]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save();
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="settings-form">
      <PageHeader title={t('nav.settings')}>
        <Button type="submit" loading={update.isPending} data-testid="settings-save">
          {t('common.save')}
        </Button>
      </PageHeader>
      <FormErrorSummary message={summary} />
      <Stack maw={720} gap="md">
        <Title order={2} size="h4">
          {t('settings.company')}
        </Title>
        <TextInput
          label={t('settings.companyName')}
          value={form.companyName}
          error={errors.companyName}
          autoFocus
          maxLength={200}
          onChange={(e) => set({ companyName: e.currentTarget.value })}
          data-testid="settings-companyName"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TimeZoneSelect
            label={t('settings.timeZone')}
            value={form.timeZone}
            error={errors.timeZone}
            onChange={(v) => set({ timeZone: v })}
          />
          <TextInput
            label={t('settings.defaultPhoneRegion')}
            description={t('settings.defaultPhoneRegionHint')}
            maxLength={2}
            value={form.defaultPhoneRegion}
            error={errors.defaultPhoneRegion}
            onChange={(e) => set({ defaultPhoneRegion: e.currentTarget.value.toUpperCase() })}
          />
        </SimpleGrid>
        <Switch
          label={t('settings.managersSeeAll')}
          checked={form.managersSeeAllCounterparties}
          onChange={(e) => set({ managersSeeAllCounterparties: e.currentTarget.checked })}
        />
        <RequisitesSection
          form={form}
          errors={errors}
          onChange={(p) => {
            set(p);
            setEdited((e) => [...e, ...Object.keys(p)]);
            setLocalErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in p))));
          }}
        />
        <AbcSettingsSection
          form={form}
          errors={errors}
          onChange={(p) => {
            set(p);
            setEdited((e) => [...e, ...Object.keys(p)]);
          }}
        />
        <Group justify="space-between" mt="md">
          <Title order={2} size="h4">
            {t('settings.jobs')}
          </Title>
          <Anchor component={Link} to="/settings/jobs" size="sm" data-testid="settings-jobs-link">
            {t('scheduler.openPage')}
          </Anchor>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ResponsibleSelect
            label={t('settings.scheduledJobsUser')}
            value={form.scheduledJobsUserId}
            error={errors.scheduledJobsUserId}
            onChange={(id) => set({ scheduledJobsUserId: id })}
          />
          <NumberInput
            label={t('settings.schedulerInterval')}
            min={1}
            max={86400}
            allowDecimal={false}
            allowNegative={false}
            value={form.schedulerIntervalSeconds}
            error={errors.schedulerIntervalSeconds}
            onChange={(v) => set({ schedulerIntervalSeconds: typeof v === 'number' ? v : Number(v) || 1 })}
          />
        </SimpleGrid>
        <Switch
          label={t('settings.birthdayRemindResponsible')}
          checked={form.birthdayRemindResponsible}
          onChange={(e) => set({ birthdayRemindResponsible: e.currentTarget.checked })}
        />
      </Stack>
    </form>
  );
}
