import { useState, type FormEvent } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, listErrorsOf, localValidationError, type ErrorOptions, type FieldErrors, type RowErrors } from '../api/errors';
import { notifyError, notifySuccess } from '../components/notify';
import { useSaveShortcut } from './useSaveShortcut';

/** A card's form as a request body. */
interface Prepared<B> {
  body: B;
  /** What the card will not send: field -> error code, shown like the server's refusals. */
  errors?: Record<string, string>;
  /** Keys of the contact-information rows sent, in order: the server names them `contactInfo.<i>`. */
  rowKeys?: string[];
}

type Mutation<B, R> = Pick<UseMutationResult<R, unknown, B>, 'mutate' | 'isPending'>;

interface CardFormOptions<F, R, C, U> {
  /** The record as saved; undefined for a new card. */
  saved: R | undefined;
  initial: () => F;
  create: Mutation<C, R>;
  update: Mutation<U, R>;
  toCreate: (form: F) => Prepared<C>;
  toUpdate: (form: F) => Prepared<U>;
  /** The form of a record the server returned (after an update the card shows what was stored). */
  formOf: (saved: R) => F;
  /** Where a created record is opened. */
  pathOf: (created: R) => string;
  /** Feature texts and input names for the server's refusals. */
  errorOptions?: ErrorOptions;
  /** The error an edited form key answers, when the input is named differently ("startDate" -> "startAt"). */
  errorKeyOf?: (formKey: string) => string;
  /** Called with the field errors of a failed save (e.g. to open the tab that shows them). */
  onFail?: (fields: FieldErrors) => void;
}

/**
 * An editable card: the form, whether it changed, the errors beside its inputs, and saving. A new
 * record is created and opened at its own address; a saved one is updated and the form reset to
 * what the server stored. Ctrl+S saves.
 */
export function useCardForm<F extends object, R, C, U>(o: CardFormOptions<F, R, C, U>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<F>(o.initial);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  // Row errors stay until the next save: the rows may be reordered or edited meanwhile.
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const saving = o.create.isPending || o.update.isPending;

  /** Changes some fields; an edited input loses its error at once. */
  const patch = (p: Partial<F>) => {
    setForm((f) => ({ ...f, ...p }));
    setDirty(true);
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(p)) {
        const key = o.errorKeyOf ? o.errorKeyOf(k) : k;
        for (const field of Object.keys(next)) if (field === key || field.startsWith(`${key}.`)) delete next[field];
      }
      return next;
    });
  };

  const reset = (f: F) => {
    setForm(f);
    setDirty(false);
    setErrors({});
    setRowErrors({});
  };

  const fail = (err: unknown, rowKeys: string[] = []) => {
    notifyError(err, t, o.errorOptions);
    const fields = fieldErrorsOf(err, t, o.errorOptions);
    setErrors(fields);
    setRowErrors(listErrorsOf(fields, 'contactInfo', rowKeys));
    o.onFail?.(fields);
  };

  const save = () => {
    if (saving) return;
    if (!o.saved) {
      const { body, errors: local, rowKeys } = o.toCreate(form);
      if (local && Object.keys(local).length) return fail(localValidationError(local), rowKeys);
      o.create.mutate(body, {
        onSuccess: (created) => {
          notifySuccess(t('common.saved'));
          navigate(o.pathOf(created), { replace: true });
        },
        onError: (err) => fail(err, rowKeys),
      });
      return;
    }
    const { body, errors: local, rowKeys } = o.toUpdate(form);
    if (local && Object.keys(local).length) return fail(localValidationError(local), rowKeys);
    // A card that sends only what changed may have nothing to send.
    if (body && typeof body === 'object' && Object.keys(body).length === 0) return notifySuccess(t('common.noChanges'));
    o.update.mutate(body, {
      onSuccess: (stored) => {
        reset(o.formOf(stored));
        notifySuccess(t('common.saved'));
      },
      onError: (err) => fail(err, rowKeys),
    });
  };
  useSaveShortcut(save);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save();
  };

  return { form, patch, dirty, errors, rowErrors, saving, onSubmit };
}
