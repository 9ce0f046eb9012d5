import { Alert, Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors';

/** A failed page load, with a retry. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Stack maw={520}>
        <Alert color="red" title={t('errors.title')} data-testid="error-panel">
          {errorMessage(error, t)}
        </Alert>
        {onRetry && (
          <Button variant="light" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Center>
  );
}
