import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.js';

// Text no field of this application needs, refused with a 400 before anything reads it:
// - control characters other than tab, line feed and carriage return (NUL breaks PostgreSQL text,
//   the others hide content from people and spreadsheets), and DEL and the C1 controls;
// - lone UTF-16 surrogates (a JSON "\ud800" escape), which no database stores faithfully;
// - bytes that are not UTF-8, in a body or in a percent-encoded URL (they would be stored as
//   replacement characters, silently changing what the user sent).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// In a /u pattern a surrogate pair is one code point, so this matches only unpaired halves.
const LONE_SURROGATE = /\p{Surrogate}/u;

const refuse = (details: ErrorDetail[]) =>
  new AppError(400, 'validation_failed', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);

/** The first problem in a string, or null. */
export function textProblem(s: string): Omit<ErrorDetail, 'field'> | null {
  if (FORBIDDEN.test(s)) return { code: 'control_character', message: 'must not contain control characters' };
  if (LONE_SURROGATE.test(s)) return { code: 'invalid_unicode', message: 'must be valid Unicode text' };
  return null;
}

/** Walks a parsed body, query or params object; reports each bad string (or key) by its path. */
export function findTextProblems(value: unknown, path: string, out: ErrorDetail[] = []): ErrorDetail[] {
  if (out.length >= 20) return out;
  if (typeof value === 'string') {
    const p = textProblem(value);
    if (p) out.push({ field: path || '(root)', ...p });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findTextProblems(v, path ? `${path}.${i}` : String(i), out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const field = path ? `${path}.${k}` : k;
      const p = textProblem(k);
      if (p) out.push({ field, ...p });
      else findTextProblems(v, field, out);
    }
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function inputSafety(app: FastifyInstance) {
  // A URL whose percent-escapes are not UTF-8 ("%ff", "%c3%28") cannot be read as the user meant it.
  app.addHook('onRequest', async (req) => {
    try {
      decodeURIComponent(req.raw.url ?? '');
    } catch {
      throw refuse([{ field: 'url', code: 'invalid_unicode', message: 'must be valid percent-encoded UTF-8' }]);
    }
  });

  // JSON bodies are decoded strictly; the default parser still guards against prototype poisoning.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req: FastifyRequest, body: Buffer, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(refuse([{ field: '(root)', code: 'invalid_unicode', message: 'the body must be UTF-8' }]), undefined);
      return;
    }
    parseJson(req, text, done);
  });

  app.addHook('preValidation', async (req) => {
    const details = [...findTextProblems(req.params, ''), ...findTextProblems(req.query, ''), ...findTextProblems(req.body, '')];
    if (details.length) throw refuse(details);
  });
}
