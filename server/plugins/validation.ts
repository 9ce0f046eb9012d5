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
    if (!serialize) serializers.set(schema, (serialize = fastJson(forSerializer(schema) as Parameters<typeof fastJson>[0])));
    return serialize;
  });
}

type Json = { [key: string]: unknown };
const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);
const isNull = (s: unknown) => !!s && typeof s === 'object' && (s as Json).type === 'null' && Object.keys(s).length === 1;
const isPlainScalar = (s: unknown): s is Json =>
  !!s &&
  typeof s === 'object' &&
  typeof (s as Json).type === 'string' &&
  SCALARS.has((s as Json).type as string) &&
  !['anyOf', 'oneOf', 'allOf', '$ref', 'if', 'not'].some((k) => k in s);

/** The response schema as fast-json-stringify should see it: `Nullable(x)` of a scalar — `anyOf: [x,
 * {type: 'null'}]` — becomes `x` with `type: [x.type, 'null']`. Both write the same JSON for a value
 * of x or null, but fast-json-stringify checks an anyOf by running Ajv on each branch for every
 * value (a date-time format check per field per row was 5–7 % of a task list request), while a type
 * list is a plain `=== null` test. Validation and the OpenAPI document keep the original schemas. */
export function forSerializer(schema: unknown, seen = new WeakMap<object, unknown>()): unknown {
  if (!schema || typeof schema !== 'object') return schema;
  const known = seen.get(schema);
  if (known) return known;
  if (Array.isArray(schema)) {
    const out = schema.map((s) => forSerializer(s, seen));
    seen.set(schema, out);
    return out;
  }
  const s = schema as Json;
  if (Array.isArray(s.anyOf) && s.anyOf.length === 2) {
    const [a, b] = s.anyOf as unknown[];
    const value = isNull(b) ? a : isNull(a) ? b : null;
    if (isPlainScalar(value)) {
      const { anyOf: _anyOf, ...siblings } = s;
      const out = { ...siblings, ...value, type: [value.type, 'null'] };
      seen.set(schema, out);
      return out;
    }
  }
  const out: Json = {};
  seen.set(schema, out);
  for (const [k, v] of Object.entries(s)) out[k] = forSerializer(v, seen);
  return out;
}
