import { Button, Group, Modal, Progress, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp, IconListNumbers, IconArrowsShuffle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AbcClassification } from '../../../shared/api/abc';
import { notifyError, notifySuccess } from '../../components/notify';
import { classChanges } from './abcChanges';
import { useAbcAction, type AbcAction } from './abc.queries';

interface Props {
  doc: AbcClassification;
  /** Writes unsaved parameters first; resolves whether the card is saved. */
  saveFirst: () => Promise<boolean>;
  /** This is the latest applied classification: only it may be cancelled. */
  latestApplied: boolean;
  /** The card's one action mutation, so the card can show the fill's progress. */
  action: ReturnType<typeof useAbcAction>;
}

/** «Заполнить», «Перераспределить» (apply) and «Отменить проведение», as the document's state allows (administrators only). */
export function AbcActions({ doc, saveFirst, latestApplied, action }: Props) {
  const { t } = useTranslation();
  const [asking, ask] = useDisclosure(false);
  const [cancelling, askCancel] = useDisclosure(false);
  const busy = action.isPending;
  const changes = classChanges(doc);

  const run = async (a: AbcAction) => {
    if (!(await saveFirst())) return;
    action.mutate(a, {
      onSuccess: (d) => notifySuccess(t(`abc.done.${a}`, { count: d.customerCount })),
      onError: (err) => notifyError(err, t),
    });
  };
  const draft = doc.state === 'draft';
  return (
    <>
      {draft && (
        <Button
          variant="light"
          leftSection={<IconListNumbers size={16} />}
          onClick={() => void run('fill')}
          loading={busy && action.variables === 'fill'}
          disabled={busy}
          data-testid="abc-fill"
        >
          {t('abc.fill')}
        </Button>
      )}
      {draft && (
        <Button leftSection={<IconArrowsShuffle size={16} />} onClick={ask.open} disabled={busy || !doc.filledAt} data-testid="abc-apply">
          {t('abc.apply')}
        </Button>
      )}
      {!draft && latestApplied && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconArrowBackUp size={16} />}
          onClick={askCancel.open}
          disabled={busy}
          data-testid="abc-cancel"
        >
          {t('abc.cancel')}
        </Button>
      )}
      <Modal opened={asking} onClose={ask.close} title={t('abc.applyTitle')} centered>
        <Text mb="xs" data-testid="abc-apply-question">
          {changes === null ? t('abc.applyQuestionUnknown') : t('abc.applyQuestion', { count: changes })}
        </Text>
        <Text size="sm" c="dimmed" mb="lg">
          {t('abc.applyHint', { count: doc.customerCount })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={ask.close}>
            {t('common.cancel')}
          </Button>
          <Button
            data-autofocus
            data-testid="abc-apply-confirm"
            onClick={() => {
              ask.close();
              void run('apply');
            }}
          >
            {t('abc.applyConfirm')}
          </Button>
        </Group>
      </Modal>
      <Modal opened={cancelling} onClose={askCancel.close} title={t('abc.cancelTitle')} centered>
        <Text mb="lg">{t('abc.cancelQuestion', { number: doc.number })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={askCancel.close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            data-autofocus
            data-testid="abc-cancel-confirm"
            onClick={() => {
              askCancel.close();
              void run('cancel');
            }}
          >
            {t('abc.cancel')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

/** Shown under the header while «Заполнить» runs: the fill may take seconds on a large base. */
export function AbcFillProgress({ running }: { running: boolean }) {
  const { t } = useTranslation();
  if (!running) return null;
  return (
    <div role="status" data-testid="abc-fill-progress">
      <Text size="sm" mb={4}>
        {t('abc.filling')}
      </Text>
      <Progress value={100} striped animated aria-label={t('abc.filling')} mb="md" />
    </div>
  );
}
