import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/**
 * Why the last save of a card failed, once, above its fields (not a toast over the save button):
 * the fields themselves are marked; this line says how many are left, or a reason no field shows.
 */
export function FormErrorSummary({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} mb="md" role="alert" data-testid="form-error-summary">
      {message}
    </Alert>
  );
}
