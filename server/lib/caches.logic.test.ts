import { describe, expect, it } from 'vitest';
import type { PubSub } from '../db/dialect.js';
import { createCaches } from './caches.js';

// The in-memory caches on their own: expiry, what an invalidation drops, what the pub/sub carries.

function fakePubSub() {
  const listeners = new Set<(m: unknown) => void>();
  const sent: object[] = [];
  const pubsub: PubSub = {
    publish: async (m) => void sent.push(m),
    transaction: () => Promise.reject(new Error('not used')),
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    close: async () => {},
  };
  return { pubsub, sent, hear: (m: object) => listeners.forEach((l) => l(m)) };
}

const user = (id: string) => ({
  id,
  role: 'manager' as const,
  name: id,
  email: `${id}@example.com`,
  language: 'ru' as const,
  timeZone: 'UTC',
});

describe('caches', () => {
  it('forget an entry after the TTL, whatever happened meanwhile', () => {
    let now = 0;
    const c = createCaches({ ttlMs: 1000, now: () => now });
    c.users.set('u1', user('u1'));
    now = 999;
    expect(c.users.get('u1')?.id).toBe('u1');
    now = 1000;
    expect(c.users.get('u1')).toBeUndefined();
  });

  it('a user change drops that user’s row, sessions and tokens only, and moves the generation', async () => {
    const c = createCaches();
    const { pubsub, sent } = fakePubSub();
    c.connect(pubsub);
    c.users.set('u1', user('u1'));
    c.users.set('u2', user('u2'));
    c.sessions.set('s1', { userId: 'u1', expiresAt: '2027-01-01T00:00:00.000Z' });
    c.sessions.set('s2', { userId: 'u2', expiresAt: '2027-01-01T00:00:00.000Z' });
    c.tokens.set('t1', { tokenId: 'k1', userId: 'u1', lastUsedAt: null });
    const before = c.generation;
    await c.userChanged('u1');
    expect(c.generation).toBeGreaterThan(before);
    expect([c.users.get('u1'), c.sessions.get('s1'), c.tokens.get('t1')]).toEqual([undefined, undefined, undefined]);
    expect(c.users.get('u2')?.id).toBe('u2');
    expect(c.sessions.get('s2')?.userId).toBe('u2');
    // No `userId` field: the users' event streams, which listen by it, never see this message.
    expect(sent).toEqual([{ type: 'cache', what: 'user', id: 'u1' }]);
  });

  it('hear other instances: a user change, a sign-out hint, a settings change, a resync', () => {
    const c = createCaches();
    const { pubsub, hear } = fakePubSub();
    const stop = c.connect(pubsub);
    const fill = () => {
      c.users.set('u1', user('u1'));
      c.users.set('u2', user('u2'));
      c.settings.set('settings', { timeZone: 'UTC' });
    };
    fill();
    hear({ type: 'cache', what: 'user', id: 'u1' });
    expect(c.users.get('u1')).toBeUndefined();
    hear({ userId: 'u2', type: 'signedOut' });
    expect(c.users.get('u2')).toBeUndefined();
    expect(c.settings.get('settings')).toBeDefined();
    hear({ type: 'cache', what: 'settings' });
    expect(c.settings.get('settings')).toBeUndefined();
    fill();
    hear({ type: 'resync' });
    expect([c.users.size, c.settings.size]).toEqual([0, 0]);
    fill();
    hear({ userId: 'u1', type: 'reminder', taskId: 'x' });
    expect(c.users.size).toBe(2);
    stop();
    hear({ type: 'resync' });
    expect(c.users.size).toBe(2);
  });
});
