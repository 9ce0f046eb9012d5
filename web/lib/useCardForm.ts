import { createElement, useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { notifications, notificationsStore } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  failureSummary,
  fieldErrorsOf,
  listErrorsOf,
  localValidationError,
  type ErrorOptions,
  type FieldErrors,
  type RowErrors,
} from '../api/errors';
import { api, ApiError, pinVersion, versionOf } from '../api/client';
import { notifySuccess } from '../components/notify';
import type { LeaveGuardProps } from './leaveGuard';
import { useSaveShortcut } from './useSaveShortcut';
import { StaleCardNotice } from './StaleCardNotice';

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

/** Why the last save failed: a refusal of fields (counted from what is still marked) or another reason. */
type Failure = { fields: true } | { fields: false; message: string };

/** Error toasts of earlier attempts must not stay beside the outcome of a new one. */
function hideErrorToasts() {
  const { notifications: shown, queue } = notificationsStore.getState();
  for (const n of [...shown, ...queue]) if (n.color === 'red' && n.id) notifications.hide(n.id);
}

/**
 * An editable card: the form, whether it changed, the errors beside its inputs, one summary of a
 * failed save, and saving. A new record is created and opened at its own address; a saved one is
 * updated and the form reset to what the server stored. Ctrl+S saves. Leaving with unsaved changes
 * asks first (`leave`, rendered by the page as <LeaveGuard {...card.leave} />).
 */
export function useCardForm<F extends object, R, C, U>(o: CardFormOptions<F, R, C, U>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<F>(o.initial);
  const [dirty, setDirtyState] = useState(false);
  // Read when the user leaves: a save that has just succeeded must count before the next render.
  const dirtyRef = useRef(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  // Row errors stay until the next save: the rows may be reordered or edited meanwhile.
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [failedAt, setFailedAt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const saving = o.create.isPending || o.update.isPending;
  const queryClient = useQueryClient();
  // The version (ETag) the form was filled from: a save sends it as If-Match, so a change someone
  // else made meanwhile is refused (412) instead of being overwritten.
  const version = useRef<{ path: string; etag: string } | undefined>(undefined);
  const pin = (card: unknown) => {
    const v = versionOf(card);
    if (!v) return;
    version.current = v;
    pinVersion(v.path, v.etag);
  };
  useEffect(() => {
    if (!version.current) pin(o.saved);
  });
  useEffect(
    () => () => {
      if (version.current) pinVersion(version.current.path, undefined);
    },
    [],
  );

  /** After a 412: take the current version (the user's input stays) so the next save can go through. */
  const reloadLatest = async () => {
    const path = version.current?.path;
    if (!path) return;
    pin(await api.get<unknown>(path));
    setFailure(null);
    hideErrorToasts();
    await queryClient.invalidateQueries();
  };

  const notifyStale = () =>
    notifications.show({
      color: 'red',
      autoClose: false,
      message: createElement(StaleCardNotice, { onReload: () => void reloadLatest() }),
    });

  const setDirty = (d: boolean) => {
    dirtyRef.current = d;
    setDirtyState(d);
  };

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
    const fields = fieldErrorsOf(err, t, o.errorOptions);
    setErrors(fields);
    setRowErrors(listErrorsOf(fields, 'contactInfo', rowKeys));
    const other = failureSummary(err, t, o.errorOptions);
    setFailure(other === null ? { fields: true } : { fields: false, message: other });
    setFailedAt(Date.now());
    o.onFail?.(fields);
  };

  // The first marked field that is on screen gets the focus (and scrolls into view).
  useEffect(() => {
    if (!failedAt) return;
    const id = requestAnimationFrame(() => {
      const marked = formRef.current?.querySelectorAll<HTMLElement>('[aria-invalid="true"]') ?? [];
      [...marked].find((el) => el.offsetParent !== null)?.focus();
    });
    return () => cancelAnimationFrame(id);
  }, [failedAt]);

  const succeed = (after: () => void) => {
    setFailure(null);
    hideErrorToasts();
    after();
    notifySuccess(t('common.saved'));
  };

  /**
   * Saves the card; resolves whether it was saved. `leaving`: the user is going elsewhere, so a
   * created record is not opened.
   */
  const save = (leaving = false): Promise<boolean> =>
    new Promise((resolve) => {
      if (saving) return resolve(false);
      setFailure(null);
      hideErrorToasts();
      const refused = (err: unknown, rowKeys?: string[]) => {
        fail(err, rowKeys);
        resolve(false);
      };
      if (!o.saved) {
        const { body, errors: local, rowKeys } = o.toCreate(form);
        if (local && Object.keys(local).length) return refused(localValidationError(local), rowKeys);
        o.create.mutate(body, {
          onSuccess: (created) =>
            succeed(() => {
              setDirty(false);
              if (!leaving) navigate(o.pathOf(created), { replace: true });
              resolve(true);
            }),
          onError: (err) => refused(err, rowKeys),
        });
        return;
      }
      const { body, errors: local, rowKeys } = o.toUpdate(form);
      if (local && Object.keys(local).length) return refused(localValidationError(local), rowKeys);
      // A card that sends only what changed may have nothing to send.
      if (body && typeof body === 'object' && Object.keys(body).length === 0) {
        setDirty(false);
        notifySuccess(t('common.noChanges'));
        return resolve(true);
      }
      o.update.mutate(body, {
        onSuccess: (stored) =>
          succeed(() => {
            pin(stored);
            reset(o.formOf(stored));
            resolve(true);
          }),
        onError: (err) => {
          if (err instanceof ApiError && err.status === 412) {
            setFailure({ fields: false, message: t('common.staleCard') });
            notifyStale();
            return resolve(false);
          }
          refused(err, rowKeys);
        },
      });
    });
  useSaveShortcut(() => void save());

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  // While fields are marked, the summary counts what is still to fix and goes when nothing is.
  const marked = Object.keys(errors).filter((f) => !f.startsWith('contactInfo.')).length + Object.keys(rowErrors).length;
  const summary = !failure ? null : failure.fields ? (marked ? t('errors.summary', { count: marked }) : null) : failure.message;

  const leave: LeaveGuardProps = { isDirty: () => dirtyRef.current, save: () => save(true) };
  /** Spread on the card's <form>: the app checks the fields itself (no browser bubbles). */
  const formProps = { ref: formRef, onSubmit, noValidate: true };
  return { form, patch, dirty, errors, rowErrors, saving, onSubmit, formProps, summary, leave };
}
