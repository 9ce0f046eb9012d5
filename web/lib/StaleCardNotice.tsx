import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The message of a save refused because someone else changed the card (412), with the way out. */
export function StaleCardNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" align="flex-start">
      <div>{t('common.staleCard')}</div>
      <Button size="xs" variant="light" onClick={onReload}>
        {t('common.reloadCard')}
      </Button>
    </Stack>
  );
}
