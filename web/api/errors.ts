import type { TFunction } from 'i18next';
import { ApiError } from './client';

/** The user-facing text for any error: translated by code when we know it, else the server's message. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    const key = `errors.codes.${err.code}`;
    const translated = t(key, { defaultValue: '' });
    if (err.code === 'validation_failed' || err.code === 'conflict') {
      // These carry a useful specific message; keep it under the translated headline.
      return translated ? `${translated}: ${fieldSummary(err, t)}` : err.message;
    }
    return translated || err.message;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

function fieldSummary(err: ApiError, t: TFunction): string {
  if (!err.details.length) return err.message;
  return err.details.map((d) => detailMessage(d, t)).join('; ');
}

export function detailMessage(d: { message: string; code?: string }, t: TFunction): string {
  if (!d.code) return d.message;
  return t(`errors.fields.${d.code}`, { defaultValue: d.message });
}

/** Field path -> translated message, for showing errors beside inputs ("inn", "contactInfo.0.value"). */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(err: unknown, t: TFunction): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const d of err.details) {
    if (!d.field || out[d.field]) continue;
    out[d.field] = detailMessage(d, t);
  }
  return out;
}
