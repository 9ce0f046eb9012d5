import { useMemo, useState } from 'react';
import { Badge, Button, Center, Group, Loader, Tabs, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AbcClassification } from '../../../shared/api/abc';
import { SaveButton } from '../../components/CardHeaderParts';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LeaveGuard } from '../../components/LeaveGuard';
import { PageHeader } from '../../components/PageHeader';
import { useCardForm } from '../../lib/useCardForm';
import { usePhone } from '../../lib/usePhone';
import { toWall } from '../../lib/zonedTime';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useSaleFormat } from '../sales/useSaleFormat';
import { AbcActions, AbcFillProgress } from './AbcActions';
import { AbcLinesTab } from './AbcLinesTab';
import { AbcParamsTab } from './AbcParamsTab';
import { abcCreatePayload, abcPatchPayload, emptyAbcForm, formFromAbc, type AbcForm } from './abcForm';
import { AbcStateBadge } from './abcLabels';
import { useAbcAction, useAbcClassification, useAbcDefaults, useAbcList, useCreateAbc, useUpdateAbc } from './abc.queries';

const PARAM_FIELDS = ['date', 'periodFrom', 'periodTo', 'basis', 'classAPercent', 'classBPercent', 'classCPercent', 'comment'];

/** Route element: a classification by id, or a new one with the settings' basis and percents. */
export function AbcCardPage() {
  const { id } = useParams();
  const { user, timeZone } = useCurrentUser();
  const isAdmin = user?.role === 'admin';
  const doc = useAbcClassification(id);
  // Only administrators read the settings; a new document is theirs alone.
  const settings = useAbcDefaults(!id && isAdmin);
  if ((id && doc.isPending) || (!id && isAdmin && settings.isPending))
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  const failed = [doc, settings].find((q) => q.isError);
  if (failed) return <ErrorPanel error={failed.error} onRetry={() => void failed.refetch()} />;
  if (doc.data) return <AbcEditor key={doc.data.id} saved={doc.data} />;
  const today = toWall(new Date(), timeZone).date;
  return <AbcEditor key="new" initial={emptyAbcForm(today, settings.data)} />;
}

type Tab = 'params' | 'lines';

function AbcEditor({ saved, initial }: { saved?: AbcClassification; initial?: AbcForm }) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const phone = usePhone();
  const isAdmin = useCurrentUser().user?.role === 'admin';
  const savedForm = useMemo(() => (saved ? formFromAbc(saved) : null), [saved]);
  const editable = isAdmin && (!saved || saved.state === 'draft');
  const [tab, setTab] = useState<Tab>(saved?.filledAt ? 'lines' : 'params');
  const card = useCardForm({
    saved,
    initial: () => savedForm ?? initial!,
    create: useCreateAbc(),
    update: useUpdateAbc(saved?.id ?? ''),
    toCreate: abcCreatePayload,
    toUpdate: (form) => abcPatchPayload(form, savedForm!),
    formOf: formFromAbc,
    pathOf: (c) => `/abc/${c.id}`,
    onFail: (errors) => {
      if (Object.keys(errors).some((k) => PARAM_FIELDS.includes(k))) setTab('params');
    },
  });
  const action = useAbcAction(saved?.id ?? '');
  // The latest applied document is the first applied one in the list (newest first).
  const latest = useAbcList({ state: 'applied' }, 1);
  const latestId = latest.data?.pages[0]?.items[0]?.id;
  const paramErrors = Object.keys(card.errors).filter((k) => PARAM_FIELDS.includes(k)).length;

  const title = saved ? t('abc.docTitle', { number: saved.number, date: f.day(saved.date) }) : t('abc.newTitle');
  const filling = action.isPending && action.variables === 'fill';
  return (
    <form {...card.formProps} data-testid="abc-card">
      {editable && <LeaveGuard {...card.leave} />}
      <PageHeader title={title} badge={saved && !phone && <AbcStateBadge state={saved.state} />}>
        <Button variant="default" component={Link} to="/abc">
          {t('common.backToList')}
        </Button>
        {saved && isAdmin && (
          <AbcActions
            doc={saved}
            action={action}
            latestApplied={saved.id === latestId}
            saveFirst={() => (card.dirty ? card.leave.save() : Promise.resolve(true))}
          />
        )}
        {editable && <SaveButton saving={card.saving} testId="abc-save" />}
      </PageHeader>
      {saved && phone && (
        <Group mb="sm">
          <AbcStateBadge state={saved.state} />
        </Group>
      )}
      <FormErrorSummary message={card.summary} />
      <AbcFillProgress running={filling} />
      {saved && (
        <Text size="sm" c="dimmed" mb="sm" data-testid="abc-summary">
          {t(`abc.bases.${saved.basis}`)} · {f.day(saved.periodFrom)} – {f.day(saved.periodTo)}
          {saved.filledAt ? ` · ${t('abc.linesFooter', { count: saved.customerCount, total: f.money(saved.total) })}` : ''}
        </Text>
      )}
      <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'params')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="params" data-testid="abc-tab-params" c={paramErrors ? 'red' : undefined}>
            {t('abc.tabs.params')}
          </Tabs.Tab>
          <Tabs.Tab value="lines" disabled={!saved} data-testid="abc-tab-lines" title={saved ? undefined : t('abc.saveFirst')}>
            {t('abc.tabs.lines')}
            {saved?.filledAt ? ` (${saved.customerCount})` : ''}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="params">
          <AbcParamsTab
            form={card.form}
            errors={card.errors}
            onChange={card.patch}
            number={saved?.number ?? null}
            responsibleName={saved?.responsibleUserName ?? null}
            readOnly={!editable}
          />
        </Tabs.Panel>
        <Tabs.Panel value="lines">{saved && <AbcLinesTab doc={saved} />}</Tabs.Panel>
      </Tabs>
      {card.dirty && (
        <Badge color="yellow" variant="light" mt="lg">
          {t('common.unsaved')}
        </Badge>
      )}
    </form>
  );
}
