import { Badge, Button } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** «В архиве» beside a card's title when the record is archived. */
export function ArchivedBadge({ archivedAt }: { archivedAt: string | null | undefined }) {
  const { t } = useTranslation();
  if (!archivedAt) return null;
  return (
    <Badge color="gray" data-testid="archived-badge">
      {t('common.archived')}
    </Badge>
  );
}

/** A card's «Записать»: submits the card's form (Ctrl+S does the same). */
export function SaveButton({ saving, testId }: { saving: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={saving} data-testid={testId} title={t('common.saveHint')}>
      {t('common.save')}
    </Button>
  );
}
