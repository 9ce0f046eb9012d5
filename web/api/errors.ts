import type { TFunction } from 'i18next';
import { ApiError } from './client';

/** Features whose own error texts live in `<scope>.errors.<code>` (web/i18n). */
type ErrorScope = 'events' | 'tasks' | 'auth';

export interface ErrorOptions {
  /** The feature asking: its own texts are looked up before the common ones. */
  scope?: ErrorScope;
  /** Server field path -> the input showing it, when a form names its inputs differently. */
  fieldOf?: (field: string) => string;
}

/** Field path -> translated message, for showing errors beside inputs ("inn", "contactInfo.0.value"). */
export type FieldErrors = Record<string, string>;

const textOf = (key: string, t: TFunction): string => t(key, { defaultValue: '' });

/**
 * The one lookup order for a code (the error's own or a detail's): the feature's texts, then the
 * common field texts, then the common error texts. Null when nobody translates it.
 */
function lookup(code: string, t: TFunction, scope?: ErrorScope): string | null {
  const keys = [...(scope ? [`${scope}.errors.${code}`] : []), `errors.fields.${code}`, `errors.codes.${code}`];
  for (const key of keys) {
    const text = textOf(key, t);
    if (text) return text;
  }
  return null;
}

/** A code in the user's language, else the server's message (else the code itself). */
function codeMessage(code: string, t: TFunction, scope?: ErrorScope, fallback?: string): string {
  return lookup(code, t, scope) ?? fallback ?? code;
}

function detailMessage(d: { message: string; code?: string }, t: TFunction, scope?: ErrorScope): string {
  return d.code ? codeMessage(d.code, t, scope, d.message) : d.message;
}

/** The user-facing text for any error: translated by code when we know it, else the server's message. */
export function errorMessage(err: unknown, t: TFunction, opts: ErrorOptions = {}): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const { scope } = opts;
  if (scope) {
    // A form that marks every bad field in red says so once instead of listing them again.
    const checkFields = err.code === 'validation_failed' ? textOf(`${scope}.errors.checkFields`, t) : '';
    if (checkFields) return checkFields;
    // A feature's own reason ("the task is already done") is clearer alone than under a headline.
    const own = err.details.map((d) => (d.code ? textOf(`${scope}.errors.${d.code}`, t) : '')).find(Boolean);
    if (own) return own;
  }
  const headline = lookup(err.code, t, scope);
  if (err.code === 'validation_failed' || err.code === 'conflict') {
    // These carry a useful specific message; keep it under the translated headline.
    if (!headline) return err.message;
    const summary = err.details.length ? err.details.map((d) => detailMessage(d, t, scope)).join('; ') : err.message;
    return `${headline}: ${summary}`;
  }
  return headline ?? err.message;
}

/**
 * The one line a card shows above its fields after a failed save: null when every reason is a
 * field's (the card marks them and counts what is left), else the reasons no field shows.
 */
export function failureSummary(err: unknown, t: TFunction, opts: ErrorOptions = {}): string | null {
  if (err instanceof ApiError && err.details.length > 0 && err.details.every((d) => d.field)) return null;
  return errorMessage(err, t, opts);
}

/** Each detail beside its input (the first message per input wins). */
export function fieldErrorsOf(err: unknown, t: TFunction, opts: ErrorOptions = {}): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const d of err.details) {
    if (!d.field) continue;
    const field = opts.fieldOf ? opts.fieldOf(d.field) : d.field;
    if (out[field]) continue;
    out[field] = detailMessage(d, t, opts.scope);
  }
  return out;
}

/**
 * What a form found before sending (field -> error code), shaped like the server's refusal so it is
 * shown the same way.
 */
export function localValidationError(codes: Record<string, string>): ApiError {
  const details = Object.entries(codes).map(([field, code]) => ({ field, code, message: code }));
  return new ApiError(400, 'validation_failed', details.map((d) => `${d.field}: ${d.code}`).join('; '), details);
}

/** Row key -> part ("value", "kind", ...) -> message. */
export type RowErrors = Record<string, Partial<Record<string, string>>>;

/**
 * Errors of a list sent by position ("contactInfo.3.value") for the row that was sent at that
 * position: `keys[i]` is the key of the i-th row sent. A bare "contactInfo.3" belongs to the value.
 */
export function listErrorsOf(errors: FieldErrors, list: string, keys: string[]): RowErrors {
  const out: RowErrors = {};
  const prefix = `${list}.`;
  for (const [field, message] of Object.entries(errors)) {
    if (!field.startsWith(prefix)) continue;
    const m = /^(\d+)(?:\.(\w+))?$/.exec(field.slice(prefix.length));
    const key = m ? keys[Number(m[1])] : undefined;
    if (!m || !key) continue;
    out[key] = { ...out[key], [m[2] ?? 'value']: message };
  }
  return out;
}
