// Frozen once released: append a new migration instead of editing this one.
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/** The normalised texts searched by substring, each with its FTS5 trigram table (SQLite). */
const SEARCHED = [
  { table: 'counterparties', column: 'name_search' },
  { table: 'contact_persons', column: 'name_search' },
  { table: 'events', column: 'subject_search' },
] as const;

/** Substring search of names and subjects that does not read every row.
 *
 * SQLite: an FTS5 `trigram` table per searched text — the analogue of PostgreSQL's pg_trgm GIN
 * indexes of migration 0003. Each is an external-content table over the base table's rowid (the
 * text is not stored twice), kept in step by triggers on insert, delete and a change of the text;
 * archiving changes no text, so it touches no index. The index only narrows: a search still checks
 * the base row with the same `LIKE`, so a stale or extra index entry can never change a result.
 * If a copy of the file ever loses step (a restore of the table alone), `insert into
 * counterparties_fts(counterparties_fts) values ('rebuild')` rebuilds it from the table.
 *
 * Both: `events (counterparty_id, start_at, id)` so a counterparty's journal, newest first, is
 * read in index order without sorting the counterparty's events (the old index lacked `id`, the
 * journal's tie-breaker). */
export async function up(db: Kysely<any>, { dialect }: MigrationContext): Promise<void> {
  await sql`drop index events_counterparty_idx`.execute(db);
  await db.schema.createIndex('events_counterparty_idx').on('events').columns(['counterparty_id', 'start_at', 'id']).execute();

  if (dialect !== 'sqlite') return;
  for (const { table, column } of SEARCHED) {
    const fts = sql.raw(`${table}_fts`);
    const t = sql.raw(table);
    const c = sql.raw(column);
    await sql`create virtual table ${fts} using fts5(${c}, content='${t}', content_rowid='rowid', tokenize='trigram')`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_fts_insert`)} after insert on ${t} begin
      insert into ${fts}(rowid, ${c}) values (new.rowid, new.${c});
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_fts_delete`)} after delete on ${t} begin
      insert into ${fts}(${fts}, rowid, ${c}) values ('delete', old.rowid, old.${c});
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_fts_update`)} after update of ${c} on ${t} begin
      insert into ${fts}(${fts}, rowid, ${c}) values ('delete', old.rowid, old.${c});
      insert into ${fts}(rowid, ${c}) values (new.rowid, new.${c});
    end`.execute(db);
    // Back-fill: the rows already there (a million names take seconds).
    await sql`insert into ${fts}(${fts}) values ('rebuild')`.execute(db);
  }
}
