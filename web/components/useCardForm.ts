import { useState } from 'react';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { fieldErrorsOf, type FieldErrors } from '../api/errors';
import { rowErrorsOf, type RowErrors } from './contactInfo';
import { notifyError } from './notify';

/**
 * State of an editable card: the form, whether it changed, and the server's field errors
 * (an edited field loses its error at once).
 */
export function useCardForm<F extends object>(initial: () => F) {
  const [form, setForm] = useState<F>(initial);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [rowErrors, setRowErrors] = useState<RowErrors>({});

  const patch = (p: Partial<F>) => {
    setForm((f) => ({ ...f, ...p }));
    setDirty(true);
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(p)) delete next[k];
      return next;
    });
  };

  const reset = (f: F) => {
    setForm(f);
    setDirty(false);
    setErrors({});
    setRowErrors({});
  };

  /** Shows a failed save: a notification, and each detail beside its field. Returns the field errors. */
  const fail = (err: unknown, t: TFunction, rowKeys: string[]): FieldErrors => {
    notifyError(err, t);
    const fields = err instanceof ApiError ? fieldErrorsOf(err, t) : {};
    setErrors(fields);
    setRowErrors(rowErrorsOf(fields, rowKeys));
    return fields;
  };

  return { form, patch, dirty, errors, rowErrors, reset, fail };
}
