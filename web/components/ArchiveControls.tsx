import { Button } from '@mantine/core';
import { IconArchive, IconArrowBackUp } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from './ConfirmButton';
import { notifyError, notifySuccess } from './notify';

interface Props {
  archived: boolean;
  /** The card's archive/restore mutation (true archives, false restores). */
  mutation: Pick<UseMutationResult<unknown, unknown, boolean>, 'mutate' | 'isPending'>;
  /** Confirmation asked before archiving. */
  question: string;
  /** Prefix of the buttons' test ids: `<prefix>-archive`, `<prefix>-restore`. */
  testId: string;
}

/** «В архив» with a confirmation, or «Восстановить» for an archived card: nothing is deleted. */
export function ArchiveControls({ archived, mutation, question, testId }: Props) {
  const { t } = useTranslation();
  const set = (value: boolean) =>
    mutation.mutate(value, {
      onSuccess: () => notifySuccess(t(value ? 'common.archivedDone' : 'common.restoredDone')),
      onError: (err) => notifyError(err, t),
    });
  if (archived) {
    return (
      <Button
        variant="light"
        leftSection={<IconArrowBackUp size={16} />}
        onClick={() => set(false)}
        loading={mutation.isPending}
        data-testid={`${testId}-restore`}
      >
        {t('common.restore')}
      </Button>
    );
  }
  return (
    <ConfirmButton
      variant="light"
      color="orange"
      leftSection={<IconArchive size={16} />}
      testId={`${testId}-archive`}
      question={question}
      confirmLabel={t('common.archive')}
      onConfirm={() => set(true)}
      loading={mutation.isPending}
    >
      {t('common.archive')}
    </ConfirmButton>
  );
}
