import { PostgresAdapter, sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { containsPattern } from './keyset.js';

/** The normalised texts searched by substring (`searchKey` form), with the table's alias in queries. */
const TARGETS = {
  counterparties: { table: 'counterparties', column: 'name_search' },
  contactPersons: { table: 'contact_persons', column: 'name_search' },
  events: { table: 'events', column: 'subject_search' },
} as const;
export type SearchTarget = keyof typeof TARGETS;

/** Up to this many matches a search reads the matches through the trigram index and sorts them;
 * beyond it, walking the list's sort index until a page is full is usually cheaper, as a frequent
 * word fills a page within a short walk. SQLite's limit is lower: there counting the matches is
 * itself a trigram query (PostgreSQL's estimate costs nothing), and the walk checks the name on
 * the index entry without reading the row. Measured at a million counterparties: docs/benchmarks.md. */
export const FEW_MATCHES = { sqlite: 2000, postgres: 20_000 } as const;

export const searchTuning = {
  /** Set by the benchmark to time the plain LIKE plan alone (as before migration 0012). */
  plainLike: false,
  /** PostgreSQL estimates up to this many matches: the planner reads them through pg_trgm by
   * itself (tests set -1 to exercise the id path with few rows). */
  plannerFinds: 1000,
};

/** Trigram indexes need three characters; shorter texts are matched by LIKE alone. */
const hasTrigram = (text: string) => [...text].length >= 3;

/** An FTS5 phrase: the text as one quoted string, so its characters are literal. */
const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** How many rows of the target contain `text`, counted up to `cap` (SQLite: the FTS5 trigram
 * table; PostgreSQL: the planner's estimate, which costs no execution — close enough: 9,856
 * estimated for 9,756 «орлов» among 488,000 persons, 672,090 for 674,593 «ооо»). */
async function matchesUpTo(db: Kysely<any>, target: SearchTarget, text: string, cap: number): Promise<number> {
  const { table, column } = TARGETS[target];
  if (isPostgres(db)) {
    const plan = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`explain (format json) select 1 from ${sql.table(
      table,
    )} where ${sql.ref(column)} like ${containsPattern(text)} escape '\\'`.execute(db);
    return Math.min(cap, plan.rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? cap);
  }
  const fts = sql.table(`${table}_fts`);
  const r = await sql<{
    n: number;
  }>`select count(*) as n from (select 1 from ${fts} where ${fts} match ${ftsPhrase(text)} limit ${cap})`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The condition "the target's normalised text contains `text`" (`text` already in `searchKey`
 * form), as `<alias>.<column> like '%text%'` — case-sensitive on the lower-cased text, wildcards
 * escaped — on both databases, whatever the plan.
 *
 * When few rows match (at most FEW_MATCHES of the dialect), the same condition is given an index path that reads
 * only the matches: on SQLite the row must also be among the FTS5 trigram table's hits (migration
 * 0012; the trigram index folds case, so its hits include every LIKE match, and the LIKE decides);
 * on PostgreSQL the row's id must be among those the pg_trgm index finds, collected first by a
 * query of their own, because the planner otherwise walks the list's sort index hoping the matches
 * are spread evenly in sort order — names that share a word are not (all «Орлов…» sort together).
 * When many match, the plain LIKE is left to the planner: a page fills within a short walk. */
export async function containsText(
  db: Kysely<any>,
  target: SearchTarget,
  alias: string,
  text: string,
  cap: number = searchTuning.plainLike ? -1 : FEW_MATCHES[isPostgres(db) ? 'postgres' : 'sqlite'],
): Promise<RawBuilder<SqlBool>> {
  const { table, column } = TARGETS[target];
  const col = sql.ref(`${alias}.${column}`);
  const like = sql<SqlBool>`${col} like ${containsPattern(text)} escape '\\'`;
  if (cap < 0 || !hasTrigram(text)) return like;
  const matches = await matchesUpTo(db, target, text, cap + 1);
  if (matches > cap) return like;
  if (isPostgres(db)) {
    // With a handful of matches the planner takes the trigram index by itself: the extra query
    // would only cost a round trip.
    if (matches <= Math.min(searchTuning.plannerFinds, cap)) return like;
    // The matching ids first (the pg_trgm index), then the page among them: given the ids as a
    // parameter the planner knows how many rows it gets, sorts them and joins only the page's rows.
    // (Collected in the same statement, `id = any(array(select …))`, it guesses one row, joins all
    // of them before sorting and is several times slower.)
    const ids = await sql<{ id: string }>`select id from ${sql.table(table)} where ${sql.ref(column)} like ${containsPattern(
      text,
    )} escape '\\' limit ${cap + 1}`.execute(db);
    if (ids.rows.length > cap) return like;
    return sql<SqlBool>`(${like} and ${sql.ref(`${alias}.id`)} = any(${ids.rows.map((r) => r.id)}::text[]))`;
  }
  const fts = sql.table(`${table}_fts`);
  return sql<SqlBool>`(${like} and ${sql.ref(`${alias}.rowid`)} in (select rowid from ${fts} where ${fts} match ${ftsPhrase(text)}))`;
}
