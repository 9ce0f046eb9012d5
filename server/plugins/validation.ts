import { Ajv } from 'ajv';
import { default as addFormatsImport } from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { isStorableDate, isStorableInstant } from '../lib/time.js';

// Fastify's defaults strip unknown body fields silently and coerce body types. Bodies here are
// strict: unknown fields and wrong types are 400. Query strings and params keep coercion, since
// everything in a URL is text.
// ajv-formats is CommonJS with a default export; normalise the interop shape once.
const addFormats = (addFormatsImport as unknown as { default?: typeof addFormatsImport }).default ?? addFormatsImport;

export function strictValidation(app: FastifyInstance) {
  const common = { allErrors: true, removeAdditional: false as const, useDefaults: true, strict: false };
  const bodyAjv = addFormats(new Ajv({ ...common, coerceTypes: false }));
  const urlAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));
  for (const ajv of [bodyAjv, urlAjv]) {
    ajv.addKeyword('x-ref-note');
    // Dates and instants only within the range the app can store, compare and return (lib/time.ts).
    ajv.addFormat('date', isStorableDate);
    ajv.addFormat('date-time', isStorableInstant);
  }
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : urlAjv).compile(schema));
}
