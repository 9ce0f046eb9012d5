import Fastify, { type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { createPubSub, type PubSub } from './db/dialect.js';
import { createNotifier } from './features/notifications/notifications.service.js';
import type { Clock } from './lib/clock.js';
import type { Deps } from './deps.js';
import type { App } from './http.js';
import { strictValidation } from './plugins/validation.js';
import { inputSafety } from './plugins/input-safety.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerAuth } from './plugins/auth.js';
import { registerStatementCount } from './lib/statement-count.js';
import { registerIdempotency } from './plugins/idempotency.js';
import { registerRateLimit } from './plugins/rate-limit.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerStaticWeb } from './plugins/static-web.js';
import { registerAuthRoutes } from './features/auth/auth.routes.js';
import { registerUserRoutes } from './features/users/users.routes.js';
import { registerSettingsRoutes } from './features/settings/settings.routes.js';
import { registerCounterpartyRoutes } from './features/counterparties/counterparties.routes.js';
import { registerContactPersonRoutes } from './features/contact-persons/contact-persons.routes.js';
import { registerReportRoutes } from './features/reports/reports.routes.js';
import { registerTaskRoutes } from './features/tasks/tasks.routes.js';
import { registerEventRoutes } from './features/events/events.routes.js';
import { registerInfoSourceRoutes } from './features/info-sources/info-sources.routes.js';
import { registerNotificationRoutes } from './features/notifications/notifications.routes.js';
import { registerBirthdayRoutes } from './features/birthdays/birthdays.routes.js';
import { registerSchedulerRoutes } from './features/scheduler/scheduler.routes.js';
import { registerProductRoutes } from './features/products/products.routes.js';
import { registerSaleRoutes } from './features/sales/sales.routes.js';
import { registerSaleImportRoutes } from './features/sales/sales-import.routes.js';
import { registerCounterpartyImportRoutes } from './features/counterparties/counterparties-import.routes.js';
import { registerPrintingRoutes } from './features/printing/printing.routes.js';
import { registerOrderRoutes } from './features/orders/orders.routes.js';
import { registerAbcRoutes } from './features/abc/abc.routes.js';
import { registerWebhookRoutes } from './features/webhooks/webhooks.routes.js';
import { registerCallerIdRoutes } from './features/caller-id/caller-id.routes.js';
import { registerContactPersonVcardRoutes } from './features/contact-persons/contact-persons-vcard.routes.js';
import { registerCalendarFeedRoutes } from './features/calendar-feed/calendar-feed.routes.js';

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  /** Cross-instance messages (LISTEN/NOTIFY on PostgreSQL, in-process on SQLite). */
  pubsub?: PubSub;
  /** Folder with the built web app; defaults to dist/web. */
  webDir?: string;
  logger?: boolean | object;
}

/** Builds the HTTP application. Never listens: main.ts does, tests use app.inject. */
export async function buildApp(opts: AppDeps): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? { level: opts.config.logLevel },
    trustProxy: opts.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    // The router refuses a path whose escapes are not UTF-8 before any hook runs; answer in the API's shape.
    frameworkErrors: (err, _req, reply: FastifyReply) => {
      const details =
        err.code === 'FST_ERR_BAD_URL' ? [{ field: 'url', code: 'invalid_unicode', message: 'must be valid percent-encoded UTF-8' }] : [];
      void reply.status(400).send({ error: { code: 'validation_failed', message: err.message, details } });
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as App;

  // Without a given one, the app owns its pub/sub and closes it with itself.
  const pubsub = opts.pubsub ?? createPubSub(opts.config.databaseUrl, { listenUrl: opts.config.databaseListenUrl });
  const deps: Deps = {
    db: opts.database.db,
    dialect: opts.database.dialect,
    clock: opts.clock,
    log: app.log,
    config: opts.config,
    notifier: createNotifier(pubsub),
    caches: opts.database.caches,
  };
  app.decorate('deps', deps);
  // This app hears other instances' invalidations of the shared caches (and sends its own through this channel).
  const disconnectCaches = opts.database.caches.connect(pubsub);
  app.addHook('onClose', async () => disconnectCaches());
  if (!opts.pubsub) app.addHook('onClose', async () => pubsub.close());

  strictValidation(app);
  registerErrorHandler(app);
  inputSafety(app);
  registerSecurityHeaders(app, opts.config);
  await app.register(cookie);
  await registerOpenApi(app);
  if (opts.config.exposeStatementCount) registerStatementCount(app);
  registerAuth(app, deps);
  await registerRateLimit(app, opts.config);
  registerIdempotency(app, deps);

  registerAuthRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerCounterpartyRoutes(app, deps);
  registerContactPersonRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerTaskRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerInfoSourceRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerBirthdayRoutes(app, deps);
  registerSchedulerRoutes(app, deps);
  registerProductRoutes(app, deps);
  registerSaleRoutes(app, deps);
  await registerSaleImportRoutes(app, deps);
  await registerCounterpartyImportRoutes(app, deps);
  registerPrintingRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerAbcRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerCallerIdRoutes(app, deps);
  await registerContactPersonVcardRoutes(app, deps);
  registerCalendarFeedRoutes(app, deps);

  await registerStaticWeb(app, opts.webDir ?? fileURLToPath(new URL('../dist/web', import.meta.url)));
  return app;
}
