import { Ajv } from 'ajv';
import { default as addFormatsImport } from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import fastJson from 'fast-json-stringify';
import { isStorableDate, isStorableInstant } from '../lib/time.js';

// Fastify's defaults strip unknown body fields silently and coerce body types. Bodies here are
// strict: unknown fields and wrong types are 400. Query strings and params keep coercion, since
// everything in a URL is text.
// ajv-formats is CommonJS with a default export; normalise the interop shape once.
const addFormats = (addFormatsImport as unknown as { default?: typeof addFormatsImport }).default ?? addFormatsImport;

//
// The compilers are made once per process and shared by every app built in it: Ajv keeps what it
// compiled per schema object, and the serializers are kept the same way, so a second app (every test
// builds its own) compiles nothing again. Building an app took about 300 ms, nearly all of it here.
const common = { allErrors: true, removeAdditional: false as const, useDefaults: true, strict: false };
const bodyAjv = addFormats(new Ajv({ ...common, coerceTypes: false }));
const urlAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));
for (const ajv of [bodyAjv, urlAjv]) {
  ajv.addKeyword('x-ref-note');
  // Dates and instants only within the range the app can store, compare and return (lib/time.ts).
  ajv.addFormat('date', isStorableDate);
  ajv.addFormat('date-time', isStorableInstant);
}
const serializers = new WeakMap<object, (data: unknown) => string>();

export function strictValidation(app: FastifyInstance) {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : urlAjv).compile(schema));
  // The response schemas have no shared $refs (no app.addSchema), so a schema alone decides its serializer.
  app.setSerializerCompiler(({ schema }) => {
    let serialize = serializers.get(schema);
    if (!serialize) serializers.set(schema, (serialize = fastJson(schema as Parameters<typeof fastJson>[0])));
    return serialize;
  });
}
