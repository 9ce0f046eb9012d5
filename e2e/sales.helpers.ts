import type { Page } from 'playwright-core';

const WEIGHTS = [7, 1, 3];

/**
 * A settlement account that passes the Bank of Russia's control key for a BIK: the ninth digit
 * (the key) of `base` is chosen so that the weighted sum of BIK's last three digits and the
 * account is a multiple of 10.
 */
export function settlementAccount(bik: string, base: string): string {
  for (let k = 0; k <= 9; k++) {
    const account = base.slice(0, 8) + k + base.slice(9);
    const digits = [...(bik.slice(6, 9) + account)].map(Number);
    if (digits.reduce((s, d, i) => s + ((d * WEIGHTS[i % 3]) % 10), 0) % 10 === 0) return account;
  }
  throw new Error('no control key');
}

/** Today in a time zone as YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A CSV file for the sales import (header first), as a file chooser would hand it over. */
export function csvFile(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n', 'utf8') };
}

/** The texts of a row's cells. */
export async function cellTexts(page: Page, rowSelector: string): Promise<string[]> {
  return page.locator(rowSelector).locator('td').allInnerTexts();
}
