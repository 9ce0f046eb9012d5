import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { errorMessage, type ErrorOptions } from '../api/errors';

/** A failed action as a red toast; `opts.scope` lets a feature's own texts speak first. */
export function notifyError(err: unknown, t: TFunction, opts: ErrorOptions = {}) {
  notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t, opts), autoClose: 8000 });
}

export function notifySuccess(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}
