import type { Page } from 'playwright-core';

/** A file fetched by the page itself, so the session cookie goes along as when a user opens it. */
export async function fetchInPage(page: Page, url: string): Promise<{ status: number; contentType: string; bytes: Buffer }> {
  const res = await page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: 'same-origin' });
    const buf = new Uint8Array(await r.arrayBuffer());
    let bin = '';
    for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    return { status: r.status, contentType: r.headers.get('content-type') ?? '', base64: btoa(bin) };
  }, url);
  return { status: res.status, contentType: res.contentType, bytes: Buffer.from(res.base64, 'base64') };
}

/** The text of every page of a PDF, pages joined by new lines. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** Text of an element with any run of spaces (NBSP between thousands too) as one plain space. */
export async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** An API amount ("1234.50") as the Russian UI writes it, spaces normalised ("1 234,50"). */
export const ruMoney = (s: string) => s.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
export const enMoney = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
