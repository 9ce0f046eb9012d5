import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createPubSub, type PubSub } from './dialect.js';
import { createTestDb, type TestDatabase } from '../test/test-db.js';

// The LISTEN connection may go to its own URL (DATABASE_LISTEN_URL): a transaction-mode pooler in
// front of the queries cannot carry LISTEN, so operators point this one straight at PostgreSQL.
describe.runIf(process.env.TEST_DB === 'postgres')('pub/sub with a separate LISTEN URL', () => {
  let database: TestDatabase | null = null;
  let pubsub: PubSub | null = null;
  afterEach(async () => {
    await pubsub?.close();
    await database?.close();
  });

  it('listens on the LISTEN URL, publishes through the main one, and delivers', async () => {
    database = await createTestDb();
    const listenUrl = new URL(database.url);
    const appName = `crm_listen_${database.schema}`.slice(0, 60);
    listenUrl.searchParams.set('application_name', appName);
    pubsub = createPubSub(database.url, { pgSchema: database.schema, listenUrl: listenUrl.toString() });
    const heard: unknown[] = [];
    pubsub.subscribe((m) => heard.push(m));

    // The LISTEN connection is the one named by the LISTEN URL.
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      let listening = 0;
      for (let i = 0; i < 100 && listening === 0; i++) {
        const r = await admin.query(
          `select count(*)::int as n from pg_stat_activity where application_name = $1 and query ilike 'listen%'`,
          [appName],
        );
        listening = r.rows[0].n;
        if (!listening) await new Promise((r) => setTimeout(r, 50));
      }
      expect(listening).toBe(1);
    } finally {
      await admin.end();
    }

    await pubsub.publish({ type: 'probe', n: 1 });
    for (let i = 0; i < 100 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual([{ type: 'probe', n: 1 }]);
  });
});
