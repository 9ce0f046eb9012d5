import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { errorMessage } from '../api/errors';

export function notifyError(err: unknown, t: TFunction) {
  notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t), autoClose: 8000 });
}

export function notifySuccess(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}
