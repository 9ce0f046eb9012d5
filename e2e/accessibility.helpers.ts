import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Tools of the accessibility journey: axe-core in the page, a walk with the Tab key, and the size
// of a response as sent over the wire.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe in the page (through the devtools protocol, so the app's CSP does not stand in the way). */
export async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** The page has drawn its data: a level-one heading, no loaders, fonts and layout settled. */
export async function settle(page: Page) {
  await page.locator('h1').first().waitFor();
  await page
    .locator('.mantine-Loader-root')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(250);
}

/** Only what axe rates critical or serious fails the check; the rest is reported for reading. */
export const blocking = (vs: Violation[]) => vs.filter((v) => v.impact === 'critical' || v.impact === 'serious');
export const describeViolation = (v: Violation) =>
  `${v.impact} ${v.id} (${v.help}) x${v.nodes.length}: ${v.nodes
    .slice(0, 4)
    .map((n) => n.target.join(' '))
    .join(' | ')}`;

/**
 * Presses Tab until the focus comes round to a control it has already been on (wherever it starts). Returns what it reached
 * (test ids, else names), what got focus without a visible ring, and the visible controls that Tab
 * never reached (roving-focus groups, where arrows move between the items, count by their one stop).
 */
export async function tabWalk(page: Page, max = 300) {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    for (const el of document.querySelectorAll('[data-a11y-tabbed]')) el.removeAttribute('data-a11y-tabbed');
  });
  const reached: string[] = [];
  const noRing: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      // A date field takes one Tab per part (day, month, year): the same element several times running.
      const same = el.hasAttribute('data-a11y-last');
      for (const prev of document.querySelectorAll('[data-a11y-last]')) prev.removeAttribute('data-a11y-last');
      el.setAttribute('data-a11y-last', '');
      const again = el.hasAttribute('data-a11y-tabbed') && !same;
      el.setAttribute('data-a11y-tabbed', '');
      if (same) return { again: false, same, ring: true, id: '' };
      // Fields made of several parts (pills, password) draw the ring on their frame.
      const s = getComputedStyle(el.closest('.mantine-Input-input') ?? el);
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      const name = el.dataset.testid ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      return { again, same, ring, id: name || `${el.tagName.toLowerCase()}.${el.className}` };
    });
    // Past the last control the focus leaves the page for a step, then starts again at the top.
    if (!f) continue;
    if (f.again) break;
    if (f.same) continue;
    reached.push(f.id);
    if (!f.ring) noRing.push(f.id);
  }
  const unreached = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="combobox"]',
    );
    const out: string[] = [];
    for (const el of controls) {
      if (el.matches(':disabled, [aria-disabled="true"], [role="tab"], [role="radio"], [type="radio"]')) continue;
      if (el.closest('[aria-hidden="true"], [inert]')) continue;
      if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.hasAttribute('data-a11y-tabbed') || el.querySelector('[data-a11y-tabbed]') || el.closest('[data-a11y-tabbed]')) continue;
      // An open dropdown (calendar, options) is driven with the arrow keys from its field.
      if (el.closest('.mantine-Popover-dropdown, .mantine-Combobox-dropdown')) continue;
      // The parts of a composite field (hours : minutes) are one Tab stop; arrows and typing move between them.
      if (el.tagName === 'INPUT' && el.parentElement?.querySelector(':scope > input[data-a11y-tabbed]')) continue;
      out.push(el.dataset.testid ?? el.getAttribute('aria-label') ?? (el.textContent?.trim().slice(0, 40) || el.outerHTML.slice(0, 80)));
    }
    return out;
  });
  return { reached, noRing, unreached };
}

/** Bytes of a response body as sent with the given Accept-Encoding (not decoded). */
export function wireSize(url: string, acceptEncoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => (n += c.length));
      res.on('end', () => resolve(n));
      res.on('error', reject);
    }).on('error', reject);
  });
}
