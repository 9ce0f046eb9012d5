import { BlockList, isIP } from 'node:net';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../shared/api/webhooks.js';

/** Attempts before a delivery is given up: with the backoff below, about a day and a half. */
export const MAX_ATTEMPTS = 10;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 6 * 60 * 60_000;

/** Wait before attempt `failed + 1` after `failed` failures: 30 s, 1 min, 2 min, … up to 6 h. */
export function backoffMs(failed: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failed - 1));
}

/** What an attempt's outcome does to the delivery. */
export function afterAttempt(
  attempts: number,
  ok: boolean,
  now: Date,
): { status: 'pending' | 'delivered' | 'failed'; nextAttemptAt: string; deliveredAt: string | null } {
  if (ok) return { status: 'delivered', nextAttemptAt: now.toISOString(), deliveredAt: now.toISOString() };
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: now.toISOString(), deliveredAt: null };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)).toISOString(), deliveredAt: null };
}

export const encodeEvents = (events: readonly WebhookEventType[]) => [...new Set(events)].join(',');

export const decodeEvents = (stored: string): WebhookEventType[] =>
  stored.split(',').filter((e): e is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));

/** The request body: the Standard Webhooks envelope. */
export const envelope = (type: string, timestamp: Date, data: unknown) =>
  JSON.stringify({ type, timestamp: timestamp.toISOString(), data });

// Networks a webhook must not reach from the server: loopback, private, link-local (cloud metadata
// at 169.254.169.254), carrier-grade NAT, "this network", multicast and reserved ranges.
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** Is this address one a webhook must not reach? Unparseable counts as refused. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return isPrivateAddress(mapped[1]);
  const kind = isIP(bare);
  if (kind === 4) return blocked.check(bare, 'ipv4');
  if (kind === 6) return blocked.check(bare, 'ipv6');
  return true;
}

/** Checks the form of a target URL; returns its host (without IPv6 brackets) or an error text. */
export function parseTarget(raw: string): { url: URL; host: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: 'is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'must be an http or https URL' };
  if (url.username || url.password) return { error: 'must not carry a user name or password' };
  return { url, host: url.hostname.replace(/^\[|\]$/g, '') };
}
