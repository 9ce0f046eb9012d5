import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createDb, type Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { systemClock } from '../server/lib/clock';
import { startScheduler, type Scheduler } from '../server/scheduler';

// E2E_WEB_DIR lets parallel runs each serve their own build; the default is what `vite build` writes.
const WEB_DIR = process.env.E2E_WEB_DIR || fileURLToPath(new URL('../dist/web', import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface Harness {
  baseUrl: string;
  database: Database;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors seen in the page (expected 401s excluded). */
  pageErrors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Browser locale; decides the language before sign-in. */
  locale?: string;
  viewport?: { width: number; height: number };
  /** Runs the server's scheduler (reminder popups every 2 s, jobs such as birthdays), as main.ts does. */
  startScheduler?: boolean;
  /** Extra server environment, e.g. { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' } for a receiver on 127.0.0.1. */
  env?: Record<string, string>;
}

/**
 * The real server (in-process, on a fresh SQLite file, random port) serving the built web app,
 * and a headless Debian chromium driven by playwright-core.
 */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    throw new Error(`${WEB_DIR}/index.html is missing: run "npx vite build" before the browser journeys`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);

  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  const url = `sqlite:${join(dir, 'crm.sqlite')}`;
  const database = createDb(url);
  await migrate(database.db, database.dialect);
  const app = await buildApp({
    config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn', ...opts.env }),
    database,
    clock: systemClock,
    logger: false,
    webDir: WEB_DIR,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not report a port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const scheduler: Scheduler | null = opts.startScheduler ? startScheduler(app.deps) : null;

  const locale = opts.locale ?? 'ru-RU';
  const lang = locale.split('-')[0];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // The browser's own UI language (needs Debian's chromium-l10n): date inputs then show
    // DD.MM.YYYY as a Russian user's browser does. Only LANGUAGE: a LANG naming a locale the
    // system lacks makes chromium name every non-ASCII download "download".
    env: { ...process.env, LANGUAGE: lang },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
    ],
  });
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale,
    timezoneId: 'Europe/Moscow',
    viewport: opts.viewport ?? { width: 1400, height: 860 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // The browser logs every non-2xx fetch; the app expects 401 from /api/me before sign-in and 4xx from checks.
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) return;
    pageErrors.push(`console: ${msg.text()}`);
  });

  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    baseUrl,
    database,
    browser,
    context,
    page,
    pageErrors,
    async screenshot(name: string) {
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `${name}.png`),
        animations: 'disabled',
        caret: 'hide',
        // Toasts come and go; keep them out of the documentation pictures.
        style: '.mantine-Notifications-root { display: none !important; }',
      });
    },
    async close() {
      await browser.close().catch(() => undefined);
      await scheduler?.stop().catch(() => undefined);
      await app.close().catch(() => undefined);
      await database.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
