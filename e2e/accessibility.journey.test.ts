import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { apiPost, submitSetup } from './helpers';
import { seedAppliedAbc } from './abc.helpers';
import { axe, blocking, describeViolation, settle, tabWalk, wireSize, type Violation } from './accessibility.helpers';

// axe-core on every main page, in Russian and in English: no critical or serious violation, one
// level-one heading per page; the main menu and the page actions are reachable with Tab and show a
// focus ring; «Выполнить сейчас» fits on the jobs page at 1366 px; a first visit downloads at most
// 200 KB of compressed JavaScript before the sign-in page can be used.

/** The main menu of an administrator: every item must be reachable from every page. */
const MENU = [
  'nav-home',
  'nav-tasks',
  'nav-counterparties',
  'nav-contact-persons',
  'nav-events',
  'nav-products',
  'nav-orders',
  'nav-sales',
  'nav-abc',
  'nav-reports',
  'nav-contact-info-report',
  'nav-events-report',
  'nav-cold-calls',
  'nav-sales-report',
  'nav-abc-report',
  'nav-users',
  'nav-settings',
  'nav-jobs',
  'nav-info-sources',
  'nav-me',
  'user-menu',
];

interface Ids {
  counterpartyId: string;
  contactPersonId: string;
  eventId: string;
  productId: string;
  orderId: string;
  saleId: string;
  abcId: string;
}

/** The signed-in pages, with what to do on each before the check (reports are generated). */
function pages(ids: Ids): { name: string; path: string; prepare?: (page: Page) => Promise<void> }[] {
  const generate = (testId: string, result: string) => async (page: Page) => {
    await page.getByTestId(testId).click();
    await page.getByTestId(result).waitFor();
  };
  return [
    { name: 'home', path: '/' },
    { name: 'counterparties', path: '/counterparties' },
    { name: 'counterparty card', path: `/counterparties/${ids.counterpartyId}` },
    { name: 'counterparty import', path: '/counterparties/import' },
    { name: 'contact persons', path: '/contact-persons' },
    { name: 'contact person card', path: `/contact-persons/${ids.contactPersonId}` },
    { name: 'events journal', path: '/events' },
    { name: 'event card', path: `/events/${ids.eventId}` },
    { name: 'products', path: '/products' },
    { name: 'product card', path: `/products/${ids.productId}` },
    { name: 'customer orders', path: '/orders' },
    { name: 'customer order card', path: `/orders/${ids.orderId}` },
    { name: 'sales', path: '/sales' },
    { name: 'sale card', path: `/sales/${ids.saleId}` },
    { name: 'new sale', path: '/sales/new' },
    { name: 'counterparty orders tab', path: `/counterparties/${ids.counterpartyId}?tab=orders` },
    { name: 'counterparty sales tab', path: `/counterparties/${ids.counterpartyId}?tab=sales` },
    { name: 'sales report', path: '/reports/sales', prepare: generate('sales-report-generate', 'sales-report-summary') },
    { name: 'abc classifications', path: '/abc' },
    { name: 'abc classification card', path: `/abc/${ids.abcId}` },
    { name: 'counterparty abc history tab', path: `/counterparties/${ids.counterpartyId}?tab=abc` },
    { name: 'abc report', path: '/reports/abc', prepare: generate('abc-report-generate', 'abc-report-chart') },
    { name: 'tasks', path: '/tasks' },
    { name: 'events report', path: '/reports/events', prepare: generate('events-report-generate', 'events-report-summary') },
    { name: 'cold calls', path: '/reports/cold-calls', prepare: generate('cold-calls-generate', 'cold-calls-table') },
    { name: 'contact-info report', path: '/reports/contact-info', prepare: generate('report-generate', 'report-total') },
    { name: 'users', path: '/users' },
    { name: 'settings', path: '/settings' },
    { name: 'my settings', path: '/me' },
    { name: 'jobs', path: '/settings/jobs' },
    { name: 'info sources', path: '/settings/info-sources' },
  ];
}

/** Checks the page in front of the browser; returns the findings so one run reports every page. */
async function check(page: Page, name: string, found: Map<string, Violation[]>) {
  await settle(page);
  const h1 = await page.locator('h1').count();
  const violations = await axe(page);
  found.set(name, violations);
  return { h1, blocking: blocking(violations).map(describeViolation) };
}

async function seed(page: Page, lang: 'ru' | 'en'): Promise<Ids> {
  const ru = lang === 'ru';
  const cp = await apiPost<{ id: string }>(page, '/api/counterparties', {
    name: ru ? 'ООО «Северный ветер»' : 'North Wind LLC',
    isCustomer: true,
    contactInfo: [{ kind: 'phone', value: '+7 495 123-45-67' }],
  });
  const person = await apiPost<{ id: string }>(page, '/api/contact-persons', {
    counterpartyId: cp.id,
    lastName: ru ? 'Петров' : 'Peterson',
    firstName: ru ? 'Пётр' : 'Peter',
    birthday: '1980-03-15',
  });
  const now = new Date();
  const event = await apiPost<{ id: string }>(page, '/api/events', {
    kind: 'phoneCall',
    direction: 'outgoing',
    startAt: new Date(now.getTime() - 3600_000).toISOString(),
    endAt: new Date(now.getTime() - 3000_000).toISOString(),
    subject: ru ? 'Обсуждение поставки' : 'Delivery talk',
    counterpartyId: cp.id,
    contactPersonId: person.id,
    state: 'completed',
    importance: 'high',
  });
  await apiPost(page, '/api/tasks', {
    title: ru ? 'Перезвонить по поставке' : 'Call back about the delivery',
    dueAt: new Date(now.getTime() + 86_400_000).toISOString(),
    subject: { type: 'event', id: event.id },
  });
  // Overdue tasks are drawn in red on a red tint.
  await apiPost(page, '/api/tasks', {
    title: ru ? 'Отправить счёт' : 'Send the invoice',
    dueAt: new Date(now.getTime() - 86_400_000).toISOString(),
    subject: { type: 'counterparty', id: cp.id },
  });
  const product = await apiPost<{ id: string }>(page, '/api/products', {
    sku: 'A-100',
    name: ru ? 'Сахар-песок, 1 кг' : 'Sugar, 1 kg',
    price: '100.10',
  });
  const order = await apiPost<{ id: string }>(page, '/api/orders', {
    counterpartyId: cp.id,
    contactPersonId: person.id,
    basis: { type: 'event', id: event.id },
    lines: [{ productId: product.id, quantity: '3', discountPercent: '5' }],
  });
  const sale = await apiPost<{ id: string }>(page, '/api/sales', {
    date: new Date().toISOString().slice(0, 10),
    counterpartyId: cp.id,
    lines: [
      { productId: product.id, quantity: '2', cost: '120.00' },
      { description: ru ? 'Доставка' : 'Delivery', quantity: '1', price: '500.00' },
    ],
  });
  return {
    counterpartyId: cp.id,
    contactPersonId: person.id,
    eventId: event.id,
    productId: product.id,
    orderId: order.id,
    saleId: sale.id,
    abcId: await seedAppliedAbc(page, new Date().toISOString().slice(0, 10)),
  };
}

/** The budget for the JavaScript a first visit downloads before the sign-in page can be used. */
const SIGN_IN_JS_BUDGET = 200 * 1024;

/** What one language's run found, for the summary at the end. */
const summary: Record<string, Map<string, Violation[]>> = {};

afterAll(() => {
  for (const [lang, found] of Object.entries(summary)) {
    const counts: Record<string, number> = {};
    for (const vs of found.values()) for (const v of vs) counts[v.impact ?? 'none'] = (counts[v.impact ?? 'none'] ?? 0) + v.nodes.length;
    console.log(`[a11y ${lang}] ${found.size} pages, violating elements by impact: ${JSON.stringify(counts)}`);
    for (const [page, vs] of found)
      for (const v of vs) {
        console.log(`  [${lang}] ${page}: ${describeViolation(v)}`);
        if (v.impact !== 'critical' && v.impact !== 'serious') continue;
        for (const n of v.nodes) console.log(`    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`);
      }
  }
});

for (const lang of ['ru', 'en'] as const) {
  describe(`accessibility (${lang})`, () => {
    let h: Harness;
    const found = new Map<string, Violation[]>();
    summary[lang] = found;
    const failures: string[] = [];
    let ids: Ids;

    afterAll(async () => {
      await h?.close();
    });

    it('first-run setup page', async () => {
      h = await startHarness({ locale: lang === 'ru' ? 'ru-RU' : 'en-US', viewport: { width: 1366, height: 768 } });
      await h.page.goto('/');
      await h.page.getByTestId('setup-form').waitFor();
      const r = await check(h.page, 'setup', found);
      expect(await h.page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(r.h1).toBe(1);
      expect(r.blocking).toEqual([]);
    });

    it('every signed-in page: no critical or serious violation, one h1', async () => {
      const { page } = h;
      await submitSetup(page, {
        name: lang === 'ru' ? 'Анна Админова' : 'Alice Admin',
        email: 'admin@example.com',
        password: 'admin-password',
      });
      await page.getByTestId('nav-home').waitFor();
      ids = await seed(page, lang);
      for (const p of pages(ids)) {
        await page.goto(p.path);
        await p.prepare?.(page);
        const r = await check(page, p.name, found);
        if (r.h1 !== 1) failures.push(`${p.name}: ${r.h1} h1 elements`);
        for (const b of r.blocking) failures.push(`${p.name}: ${b}`);
      }
      expect(failures).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    });

    it('every page: the main menu and every action are reachable with Tab and show a focus ring', { timeout: 400_000 }, async () => {
      const { page } = h;
      const problems: string[] = [];
      for (const p of pages(ids)) {
        await page.goto(p.path);
        await p.prepare?.(page);
        await settle(page);
        const walk = await tabWalk(page);
        for (const id of MENU) if (!walk.reached.includes(id)) problems.push(`${p.name}: Tab never reaches ${id}`);
        for (const x of walk.unreached) problems.push(`${p.name}: not reachable with Tab: ${x}`);
        for (const x of walk.noRing) problems.push(`${p.name}: no visible focus ring on ${x}`);
      }
      expect(problems).toEqual([]);

      // The reports group opens and closes from the keyboard and says so.
      const reports = page.getByTestId('nav-reports');
      await reports.focus();
      const before = await reports.getAttribute('aria-expanded');
      await page.keyboard.press('Enter');
      await expect.poll(() => reports.getAttribute('aria-expanded')).not.toBe(before);
      await page.keyboard.press('Space');
      await expect.poll(() => reports.getAttribute('aria-expanded')).toBe(before);
    });

    it('«run now» is whole on the jobs page at 1366 px', async () => {
      const { page } = h;
      await page.goto('/settings/jobs');
      await settle(page);
      const buttons = page.getByTestId('job-run');
      expect(await buttons.count()).toBeGreaterThan(0);
      // A finished run fills the date and result columns: the widest the table gets.
      await buttons.first().click();
      await expect.poll(() => page.getByTestId('job-run-count').first().textContent()).toBe('1');
      await page.getByTestId('job-result').first().filter({ hasText: /./ }).waitFor();
      const viewport = page.viewportSize()!;
      for (const b of await buttons.all()) {
        const box = (await b.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        // The label is not cut: the button is as wide as its content.
        expect(await b.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      }
    });

    it('the sign-in page is usable after at most 200 KB of compressed JavaScript, served from cache-friendly files', async () => {
      // A first visit: a new browser profile, nothing cached.
      const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: lang === 'ru' ? 'ru-RU' : 'en-US' });
      const page = await context.newPage();
      const scripts: { url: string; encoding?: string; cache?: string; length?: string }[] = [];
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script' || r.url().endsWith('.js')) {
          const hd = r.headers();
          scripts.push({ url: r.url(), encoding: hd['content-encoding'], cache: hd['cache-control'], length: hd['content-length'] });
        }
      });
      const html = await page.goto('/');
      expect(html?.headers()['cache-control']).toBe('no-cache');
      await page.getByTestId('login-email').waitFor();
      const timing = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js'))
          .map((e) => ({
            url: e.name,
            wire: (e as PerformanceResourceTiming).encodedBodySize,
            raw: (e as PerformanceResourceTiming).decodedBodySize,
          })),
      );
      await context.close();

      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) {
        expect(s.cache, s.url).toBe('public, max-age=31536000, immutable');
        // Files under 1 KB have no compressed copy.
        if (s.encoding === undefined) expect(Number(s.length), s.url).toBeLessThan(1024);
        else expect(s.encoding, s.url).toBe('br');
      }
      const urls = [...new Set(scripts.map((s) => s.url))];
      const gzip = (await Promise.all(urls.map((u) => wireSize(u, 'gzip')))).reduce((a, b) => a + b, 0);
      const brotli = timing.reduce((a, t) => a + t.wire, 0);
      const raw = timing.reduce((a, t) => a + t.raw, 0);
      console.log(
        `[weight ${lang}] ${urls.length} scripts before sign-in: ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip, ${(brotli / 1024).toFixed(1)} KB brotli (sent)`,
      );
      expect(gzip).toBeLessThanOrEqual(SIGN_IN_JS_BUDGET);
      expect(brotli).toBeLessThanOrEqual(SIGN_IN_JS_BUDGET);
    });

    it('sign-in page', async () => {
      const { page } = h;
      await page.goto('/');
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.getByTestId('login-form').waitFor();
      const r = await check(page, 'sign-in', found);
      expect(r.h1).toBe(1);
      expect(r.blocking).toEqual([]);
    });
  });
}
