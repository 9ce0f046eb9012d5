import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorMessage, fieldErrorsOf, type FieldErrors } from '../../api/errors';
import { notifications } from '@mantine/notifications';

/** Codes the tasks API adds to the common ones; their texts live in tasks.*.json. */
const TASK_CODES = ['remind_after_due', 'task_not_open', 'snooze_in_past'];

function taskText(code: string | undefined, t: TFunction): string | null {
  return code && TASK_CODES.includes(code) ? t(`tasks.errors.${code}`) : null;
}

/** Field errors of a task request, with the task-specific codes translated. */
export function taskFieldErrors(err: unknown, t: TFunction): FieldErrors {
  const out = fieldErrorsOf(err, t);
  if (err instanceof ApiError) {
    for (const d of err.details) {
      const text = taskText(d.code, t);
      if (d.field && text) out[d.field] = text;
    }
  }
  return out;
}

/** One line for a toast: the task-specific reason when there is one. */
export function taskErrorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    const text = err.details.map((d) => taskText(d.code, t)).find(Boolean);
    if (text) return text;
  }
  return errorMessage(err, t);
}

export function notifyTaskError(err: unknown, t: TFunction) {
  notifications.show({ color: 'red', title: t('errors.title'), message: taskErrorMessage(err, t), autoClose: 8000 });
}
