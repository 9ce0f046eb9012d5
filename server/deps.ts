import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { DialectName } from './db/dialect.js';
import type { Clock } from './lib/clock.js';
import type { Caches } from './lib/caches.js';
import type { Notifier } from './features/notifications/notifications.service.js';

/** Explicit dependencies handed to every service function. */
export interface Deps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  log: FastifyBaseLogger;
  config: Config;
  /** Pushes hints to signed-in browsers (reminders due, tasks changed). */
  notifier: Notifier;
  /** Sessions, tokens, users and settings in memory (lib/caches.ts); without it every read goes to the database. */
  caches?: Caches;
}
