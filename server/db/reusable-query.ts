import type { Compilable, CompiledQuery, KyselyPlugin } from 'kysely';
import type { DbOrTrx } from './database.js';

// Building and compiling a Kysely query costs more CPU than SQLite takes to answer a card by its
// key (about 7 % of a card request). The hottest reads are built once per shape and their compiled
// SQL reused: the query is built with a marker in place of each value, the markers are found among
// the compiled parameters, and each call puts its own values in those places. The plugins still
// see every result (CamelCasePlugin), and the driver counts each statement as before.
//
// Rules for a reusable query: every value that varies between calls is a parameter (never a literal,
// never in sql.raw); anything that changes the SQL text (a filter present or not, a role's rule) is
// part of the shape key; a parameter is a single value, not a list. Under the test runner each call
// also builds and compiles the query the ordinary way and fails if the SQL or the values differ, so
// a value that slipped past the parameters is caught by the suite that exercises the query.

const MARKER = '\u0000param:';
/** `verify`: every call is also built and compiled the ordinary way and compared (on under the test
 * runner; the HTTP benchmark turns it on while it captures the SQL a request runs, since plugins see a
 * query only when it is compiled). */
export const reusableQueryOptions = { verify: !!process.env.VITEST };

interface Entry {
  compiled: CompiledQuery;
  /** For each compiled parameter, the name of the call's value that goes there, or null (a constant). */
  slots: (string | null)[];
}

const adapterIds = new WeakMap<object, number>();
const pluginIds = new WeakMap<KyselyPlugin, number>();
let nextId = 1;
function idOf<T extends object>(map: WeakMap<T, number>, o: T): number {
  let id = map.get(o);
  if (id === undefined) map.set(o, (id = nextId++));
  return id;
}

/** The compiled SQL depends on the dialect and on the plugins' query transforms: one cache per set. */
function executorKey(db: DbOrTrx): string {
  const executor = db.getExecutor();
  return `${idOf(adapterIds, executor.adapter)}:${executor.plugins.map((p) => idOf(pluginIds, p)).join(',')}`;
}

type Scalar = string | number | boolean | null;

/** `build` makes the query of one shape from the values (markers on the first call); the shape, not a
 * value, decides anything that changes the SQL text. */
export function reusableQuery<S extends string, P extends Record<string, Scalar>, O>(
  build: (db: DbOrTrx, p: P, shape: S) => Compilable<O>,
) {
  const cache = new Map<string, Entry>();

  function prepare(db: DbOrTrx, key: string, shape: S, params: P): Entry {
    const markers = Object.fromEntries(Object.keys(params).map((k) => [k, `${MARKER}${k}\u0000`])) as unknown as P;
    const compiled = build(db, markers, shape).compile();
    if (compiled.sql.includes(MARKER)) throw new Error(`reusableQuery: a parameter was written into the SQL text: ${compiled.sql}`);
    const byMarker = new Map(Object.keys(params).map((k) => [`${MARKER}${k}\u0000`, k]));
    const entry = { compiled, slots: compiled.parameters.map((v) => (typeof v === 'string' ? (byMarker.get(v) ?? null) : null)) };
    cache.set(key, entry);
    return entry;
  }

  return async function run(db: DbOrTrx, shape: S, params: P): Promise<O[]> {
    const key = `${executorKey(db)}|${shape}`;
    const entry = cache.get(key) ?? prepare(db, key, shape, params);
    const parameters = entry.slots.map((slot, i) => (slot === null ? entry.compiled.parameters[i] : params[slot]));
    if (reusableQueryOptions.verify) {
      const direct = build(db, params, shape).compile();
      if (direct.sql !== entry.compiled.sql || JSON.stringify(direct.parameters) !== JSON.stringify(parameters))
        throw new Error(`reusableQuery: shape "${shape}" compiled differently for these values:\n${direct.sql}\n${entry.compiled.sql}`);
    }
    const result = await db.executeQuery<O>({ ...entry.compiled, parameters } as CompiledQuery<O>);
    return result.rows;
  };
}
