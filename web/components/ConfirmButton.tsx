import type { ReactNode } from 'react';
import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

interface Props extends ButtonProps {
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  testId?: string;
}

/** A button that asks before doing something the user may regret (archive, revoke). */
export function ConfirmButton({ question, confirmLabel, onConfirm, testId, children, ...button }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button {...button} onClick={open} data-testid={testId}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={t('common.confirmTitle')} centered>
        <Text mb="lg">{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={button.color ?? 'red'}
            data-autofocus
            data-testid={testId ? `${testId}-confirm` : undefined}
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
