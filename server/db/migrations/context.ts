// What a migration receives besides the database. Migrations import nothing else from the app.
export interface MigrationContext {
  dialect: 'sqlite' | 'postgres';
  t: { instant: 'text' | 'timestamptz'; date: 'text' | 'date'; json: 'text' | 'jsonb' };
}
