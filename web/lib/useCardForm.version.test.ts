// The version a card form sends as If-Match follows the answers of the changes the card makes itself
// (a save, «В архив», «Восстановить», confirming an order), so a save right after archiving still
// carries a version: someone else's change meanwhile is refused (412), not overwritten.
// A real HTTP server stands in for the API; the client under test is the one the card form uses.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, pinVersion, versionOf } from '../api/client';

interface Seen {
  method: string;
  url: string;
  ifMatch: string | undefined;
}
let server: Server;
let base = '';
let seen: Seen[] = [];
let version = 1;
/** Answers without an ETag, as the archive routes did before. */
let withoutEtag = false;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, ifMatch: req.headers['if-match'] as string | undefined });
      if (req.method !== 'GET') version++;
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (!withoutEtag || req.method === 'GET') headers.ETag = `"v${version}"`;
      res.writeHead(200, headers).end(JSON.stringify({ id: '1', version }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.fetch = (input, init) => realFetch(base + String(input), init);
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen = [];
  version = 1;
  withoutEtag = false;
});

const card = '/api/counterparties/1';
/** What useCardForm does when the card opens: pin the version the card was read with. */
async function openCard() {
  const saved = await api.get<object>(card);
  const v = versionOf(saved);
  expect(v).toEqual({ path: card, etag: '"v1"' });
  pinVersion(v!.path, v!.etag);
}
const lastIfMatch = () => seen.at(-1)!.ifMatch;

describe('the If-Match of a card form', () => {
  it('a save sends the version the card was opened with, then the one the save answered', async () => {
    await openCard();
    await api.patch(card, { name: 'А' });
    expect(lastIfMatch()).toBe('"v1"');
    await api.patch(card, { name: 'Б' });
    expect(lastIfMatch()).toBe('"v2"');
    pinVersion(card, undefined);
  });

  it('after «В архив» and «Восстановить» the next save sends the version those answers carried', async () => {
    await openCard();
    await api.post(`${card}/archive`);
    await api.patch(card, { name: 'А' });
    expect(lastIfMatch()).toBe('"v2"');
    await api.post(`${card}/restore`);
    await api.patch(card, { name: 'Б' });
    expect(lastIfMatch()).toBe('"v4"');
    pinVersion(card, undefined);
  });

  it('an answer without a version drops the pin (the card cannot tell its own change from another one)', async () => {
    await openCard();
    withoutEtag = true;
    await api.post(`${card}/archive`);
    await api.patch(card, { name: 'А' });
    expect(lastIfMatch()).toBeUndefined();
  });

  it("another card's verbs do not move this card's version; GETs and POSTs never send If-Match", async () => {
    await openCard();
    await api.post('/api/counterparties/12/archive');
    expect(lastIfMatch()).toBeUndefined();
    await api.patch(card, { name: 'А' });
    expect(lastIfMatch()).toBe('"v1"');
    pinVersion(card, undefined);
  });
});
