import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { App } from '../http.js';
import type { TestApp } from './test-app.js';

/** Every query's answer arrives one turn of the event loop later, as from a database across a network. */
const yieldAfterEachQuery: KyselyPlugin = {
  transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => args.node,
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    await new Promise((resolve) => setImmediate(resolve));
    return args.result;
  },
};

/**
 * A second app on the test's database (same connection, same sessions) whose queries yield to the
 * event loop, so requests in flight interleave between their reads and their writes as they do in
 * production. better-sqlite3 answers synchronously: without this, two requests in one process run
 * one after the other and a race such as a lost update could never show on SQLite.
 */
export async function interleavingApp(t: TestApp): Promise<App> {
  return buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: t.database.url }),
    database: { ...t.database, db: t.db.withPlugin(yieldAfterEachQuery), close: async () => {} },
    clock: t.clock,
    logger: false,
    webDir: '/nonexistent',
  });
}
