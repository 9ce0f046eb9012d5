import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../../api/client';
import { errorMessage, type FieldErrors } from '../../api/errors';
import { cardField } from './eventForm';

/** An error code in the user's language: the events' own codes first, then the common ones. */
export function codeMessage(code: string, t: TFunction, fallback?: string): string {
  return t(`events.errors.${code}`, { defaultValue: t(`errors.fields.${code}`, { defaultValue: fallback ?? code }) });
}

/** Server details as messages under the card's inputs (first message per input wins). */
export function eventFieldErrors(err: unknown, t: TFunction): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const d of err.details) {
    if (!d.field) continue;
    const field = cardField(d.field);
    if (out[field]) continue;
    out[field] = d.code ? codeMessage(d.code, t, d.message) : d.message;
  }
  return out;
}

/** Local (not yet sent) problems: field -> code. */
export function localFieldErrors(errors: Record<string, string>, t: TFunction): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([f, code]) => [f, codeMessage(code, t)]));
}

/** A failed save; `null` means the card itself found fields it cannot send. */
export function notifyEventError(err: unknown, t: TFunction) {
  const validation = err === null || (err instanceof ApiError && err.code === 'validation_failed');
  notifications.show({
    color: 'red',
    title: t('errors.title'),
    message: validation ? t('events.errors.checkFields') : errorMessage(err, t),
    autoClose: 8000,
  });
}
