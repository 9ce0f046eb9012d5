import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.js';
import { isForeignKeyViolation, isUniqueViolation } from '../db/dialect.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldOf(e: AjvError): string {
  const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra = (e.params.missingProperty ?? e.params.additionalProperty) as string | undefined;
  return [base, extra].filter(Boolean).join('.') || '(root)';
}

function describe(e: AjvError): ErrorDetail {
  const field = fieldOf(e);
  switch (e.keyword) {
    case 'additionalProperties':
      return { field, code: 'unknown_field', message: 'unknown field' };
    case 'required':
      return { field, code: 'required', message: 'is required' };
    case 'maxLength':
      return { field, code: 'too_long', message: `must be at most ${e.params.limit} characters` };
    case 'minLength':
      return {
        field,
        code: e.params.limit === 1 ? 'required' : 'too_short',
        message: e.params.limit === 1 ? 'is required' : `must be at least ${e.params.limit} characters`,
      };
    case 'type':
      return { field, code: 'wrong_type', message: `must be ${e.params.type}` };
    case 'format':
      return { field, code: `format_${e.params.format}`, message: `must be a valid ${e.params.format}` };
    default:
      return { field, code: e.keyword, message: e.message ?? 'is invalid' };
  }
}

/** Union schemas (nullable fields) report one error per branch; keep the most telling one per field. */
const RANK: Record<string, number> = { anyOf: 0, wrong_type: 1 };
function dedupe(details: ErrorDetail[], allowed: Map<string, unknown[]>): ErrorDetail[] {
  const seen = new Map<string, ErrorDetail>();
  for (const [field, values] of allowed) {
    seen.set(field, { field, code: 'enum', message: `must be one of: ${values.join(', ')}` });
  }
  for (const d of details) {
    if (d.code === 'const' || (d.code === 'anyOf' && allowed.has(d.field ?? ''))) continue;
    const key = d.field ?? '';
    const prev = seen.get(key);
    if (!prev || (RANK[d.code ?? ''] ?? 2) > (RANK[prev.code ?? ''] ?? 2)) seen.set(key, d);
  }
  return [...seen.values()];
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { validation?: AjvError[] }, req, reply) => {
    if (err instanceof AppError) {
      return reply
        .status(err.status)
        .headers(err.headers)
        .send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (err.validation) {
      // A union of literals reports one "const" error per option: fold them into one list of allowed values.
      const allowed = new Map<string, unknown[]>();
      for (const e of err.validation) {
        if (e.keyword === 'const') allowed.set(fieldOf(e), [...(allowed.get(fieldOf(e)) ?? []), e.params.allowedValue]);
      }
      const details = dedupe(err.validation.map(describe), allowed);
      const message = details.map((d) => `${d.field}: ${d.message}`).join('; ') || 'Invalid request';
      return reply.status(400).send({ error: { code: 'validation_failed', message, details } });
    }
    if (isUniqueViolation(err)) {
      return reply.status(409).send({ error: { code: 'conflict', message: 'A record with these values already exists', details: [] } });
    }
    if (isForeignKeyViolation(err)) {
      return reply.status(400).send({ error: { code: 'validation_failed', message: 'A referenced record does not exist', details: [] } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code =
        err.statusCode === 429
          ? 'rate_limited'
          : err.statusCode === 404
            ? 'not_found'
            : err.statusCode === 415
              ? 'unsupported_media_type'
              : err.statusCode === 413
                ? 'payload_too_large'
                : 'bad_request';
      return reply.status(err.statusCode).send({ error: { code, message: err.message, details: [] } });
    }
    req.log.error({ err, reqId: req.id }, 'unexpected error');
    return reply.status(500).send({ error: { code: 'internal_error', message: `Unexpected error (request ${req.id})`, details: [] } });
  });
}
