import { ConfigError, loadConfig } from './config.js';
import { createDb } from './db/database.js';
import { migrate } from './db/migrate.js';
import { buildApp } from './app.js';
import { systemClock } from './lib/clock.js';
import { loadDemoData } from './demo/demo.js';
import { startScheduler } from './scheduler.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const database = createDb(config.databaseUrl);
  const applied = await migrate(database.db, database.dialect);
  const app = await buildApp({ config, database, clock: systemClock });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  if (process.argv.includes('--demo')) {
    const result = await loadDemoData(database, systemClock);
    app.log.info(result, 'demo data');
    if (result.loaded) console.log(`Demo data loaded. Sign in as ${result.adminEmail} / ${result.password}`);
  }
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`CRM is running on http://${shown}:${config.port} (API docs: /api/docs)`);
  // Started after listen, so a server that failed to start never runs jobs.
  const scheduler = startScheduler(app.deps);
  const stop = async () => {
    await scheduler.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
