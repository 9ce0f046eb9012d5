import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { invalid } from '../errors.js';

/** Opaque cursor: the sort value and id of the last row of the previous page, and the sort it
 * belongs to (a cursor of one sort given to another would compare a name with a date). */
export function encodeCursor(value: string | number | null, id: string, sort = ''): string {
  return Buffer.from(JSON.stringify([value, id, sort])).toString('base64url');
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STORED_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** What the sort value of a list is: text (names, INN) or a stored instant (dates of creation, start, due). */
export type CursorKind = 'text' | 'instant';

const valueFits = (v: unknown, kind: CursorKind) =>
  kind === 'instant' ? typeof v === 'string' && STORED_INSTANT_RE.test(v) && !Number.isNaN(Date.parse(v)) : typeof v === 'string';

/** Decodes a cursor and checks every part against its list: a forged or foreign cursor is a 400
 * `cursor_invalid`, never a value the database cannot compare (PostgreSQL would fail the query). */
export function decodeCursor(cursor: string, sort = '', kind: CursorKind = 'text'): [string | number | null, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      typeof parsed[1] === 'string' &&
      UUID_RE.test(parsed[1]) &&
      parsed[2] === sort &&
      valueFits(parsed[0], kind) &&
      !String(parsed[0]).includes('\u0000')
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    /* fall through */
  }
  throw invalid('cursor', 'is not a cursor this list gave out', 'cursor_invalid');
}

/** Rows strictly after (value, id) in the given direction: the keyset condition. A row-value
 * comparison, which both databases turn into an index range (an OR of two conditions is not). */
export function after<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  sortExpr: Expression<unknown>,
  idExpr: Expression<unknown>,
  dir: 'asc' | 'desc',
  cursor: [string | number | null, string],
): Expression<SqlBool> {
  const op = dir === 'asc' ? sql.raw('>') : sql.raw('<');
  const [v, id] = cursor;
  return sql<SqlBool>`((${sortExpr}, ${idExpr}) ${op} (${v}, ${id}))`;
}

/** Escapes LIKE wildcards in user text; use with `escape '\'`. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

export function containsPattern(s: string) {
  return `%${likeEscape(s)}%`;
}

export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => [string | number | null, string], sort = '') {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor(...keyOf(last), sort) : null };
}
