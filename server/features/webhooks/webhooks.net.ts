// Outgoing HTTP of webhooks: the SSRF guard and one signed POST.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promisify } from 'node:util';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { isPrivateAddress, parseTarget } from './webhooks.logic.js';

const lookupAll = promisify(dnsLookup) as unknown as (host: string, opts: { all: true }) => Promise<LookupAddress[]>;

export class TargetRefused extends Error {}

const PRIVATE = 'points to a loopback, private or link-local network';

/** Resolves the host and checks every address (a name with one public and one private address is
 * refused). Throws TargetRefused with the reason. */
export async function assertTargetAllowed(raw: string, allowPrivate: boolean): Promise<void> {
  const target = parseTarget(raw);
  if ('error' in target) throw new TargetRefused(target.error);
  if (allowPrivate) return;
  if (isIP(target.host)) {
    if (isPrivateAddress(target.host)) throw new TargetRefused(PRIVATE);
    return;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await lookupAll(target.host, { all: true });
  } catch {
    throw new TargetRefused('host name does not resolve');
  }
  if (!addresses.length || addresses.some((a) => isPrivateAddress(a.address))) throw new TargetRefused(PRIVATE);
}

/** The connection resolves the name through this check, so the address connected to is one that
 * was checked (a name re-bound to 127.0.0.1 after the first check is still refused). */
const guardedLookup: LookupFunction = (host, options, callback) => {
  dnsLookup(host, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const list = addresses as unknown as LookupAddress[];
    if (!list.length || list.some((a) => isPrivateAddress(a.address))) return callback(new TargetRefused(PRIVATE), '', 0);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

export interface AttemptResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  ok: boolean;
}

const TIMEOUT_MS = 10_000;
const ERROR_MAX = 500;

/** Sends one signed POST. Never throws: a refusal, a network error or a non-2xx is the result. */
export async function deliver(
  target: string,
  secret: string,
  msg: { id: string; body: string; timestamp: Date },
  allowPrivate: boolean,
): Promise<AttemptResult> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): AttemptResult => ({
    statusCode,
    error: error && error.length > ERROR_MAX ? error.slice(0, ERROR_MAX) : error,
    durationMs: Math.round(performance.now() - started),
    ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
  });
  try {
    await assertTargetAllowed(target, allowPrivate);
  } catch (err) {
    return done(null, `refused: ${(err as Error).message}`);
  }
  const signature = new Webhook(secret).sign(msg.id, msg.timestamp, msg.body);
  const url = new URL(target);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        timeout: TIMEOUT_MS,
        ...(allowPrivate ? {} : { lookup: guardedLookup }),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(msg.body),
          'user-agent': 'crm-webhooks/1',
          'webhook-id': msg.id,
          'webhook-timestamp': String(Math.floor(msg.timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
      },
      (res) => {
        // The body is not needed; drain it so the socket is freed.
        res.resume();
        res.on('end', () =>
          resolve(done(res.statusCode ?? null, res.statusCode && res.statusCode < 300 ? null : `HTTP ${res.statusCode}`)),
        );
        res.on('error', (e) => resolve(done(res.statusCode ?? null, e.message)));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (e) => resolve(done(null, e.message)));
    req.end(msg.body);
  });
}
