export type ErrorCode =
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited'
  | 'internal_error'
  | 'precondition_failed'
  | 'idempotency_key_reused'
  | 'idempotency_in_progress'
  | 'import_invalid'
  | 'payload_too_large';

export interface ErrorDetail {
  field?: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Response headers that belong to the answer (Retry-After on a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'Record') => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, details: ErrorDetail[] = []) => new AppError(409, 'conflict', message, details);
export const forbidden = (message = 'You do not have access to this action') => new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'Sign in required') => new AppError(401, 'unauthorized', message);
/** A 429 that tells the client when to come back: `Retry-After` in whole seconds, at least 1. */
export const rateLimited = (message: string, retryAfterSeconds?: number) =>
  new AppError(
    429,
    'rate_limited',
    message,
    [],
    retryAfterSeconds === undefined ? {} : { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  );

/** A single-field validation error, shaped like the schema validator's. */
export const invalid = (field: string, message: string, code = 'invalid') =>
  new AppError(400, 'validation_failed', `${field}: ${message}`, [{ field, message, code }]);

export const invalidMany = (details: ErrorDetail[]) =>
  new AppError(400, 'validation_failed', details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('; '), details);
