import type { PubSub } from '../db/dialect.js';
import type { Actor } from './actor.js';
import { ttlCache, type TtlCache } from './ttl-cache.js';

// What every request used to read from the database before its own work: the session or API token,
// its user and the settings. Kept here per process (one `Caches` per database handle, shared by the
// apps built on it) and dropped AT ONCE by the change itself — sign-out, password change, block, role,
// the user's language or zone, token revocation, a settings update — on this instance directly and
// on the others through the pub/sub (LISTEN/NOTIFY on PostgreSQL). The TTL is only the safety net for
// a lost message; the tables stay the truth.

/** The actor without the credential it came with. */
export type ActorUser = Omit<Actor, 'via'>;
export interface SessionEntry {
  userId: string;
  /** Still honoured while cached: an expired session is refused at once. */
  expiresAt: string;
}
export interface TokenEntry {
  tokenId: string;
  userId: string;
  /** The last use this process wrote or read: the next write is due a minute after it. */
  lastUsedAt: string | null;
}

export const CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 20_000;

/** On the pub/sub channel. No `userId` field: users' event streams listen by it and never see these. */
type CacheMessage = { type: 'cache'; what: 'user'; id: string } | { type: 'cache'; what: 'settings' };

export interface Caches {
  sessions: TtlCache<string, SessionEntry>;
  tokens: TtlCache<string, TokenEntry>;
  users: TtlCache<string, ActorUser>;
  settings: TtlCache<'settings', object>;
  /** Moves on every invalidation: a read that began before one must not store what it read. */
  readonly generation: number;
  /** A user's actor data (and every session and token of theirs) changed: forget them here and everywhere. */
  userChanged(userId: string): Promise<void>;
  settingsChanged(): Promise<void>;
  /** Hears other instances' invalidations and sign-out hints; returns the function that stops it. */
  connect(pubsub: PubSub): () => void;
}

export function createCaches(opts: { ttlMs?: number; now?: () => number } = {}): Caches {
  const o = { ttlMs: opts.ttlMs ?? CACHE_TTL_MS, maxEntries: MAX_ENTRIES, now: opts.now };
  const sessions = ttlCache<string, SessionEntry>(o);
  const tokens = ttlCache<string, TokenEntry>(o);
  const users = ttlCache<string, ActorUser>(o);
  const settings = ttlCache<'settings', object>(o);
  const pubsubs = new Set<PubSub>();
  let generation = 0;

  const dropUser = (id: string) => {
    generation++;
    users.delete(id);
    sessions.deleteWhere((s) => s.userId === id);
    tokens.deleteWhere((t) => t.userId === id);
  };
  const dropSettings = () => {
    generation++;
    settings.clear();
  };
  const dropAll = () => {
    generation++;
    for (const c of [sessions, tokens, users, settings]) c.clear();
  };
  const publish = async (m: CacheMessage) => {
    // One channel reaches every instance; a second app on the same handle already shares these maps.
    const first = pubsubs.values().next().value;
    if (first) await first.publish(m);
  };

  return {
    sessions,
    tokens,
    users,
    settings,
    get generation() {
      return generation;
    },
    async userChanged(id) {
      dropUser(id);
      await publish({ type: 'cache', what: 'user', id });
    },
    async settingsChanged() {
      dropSettings();
      await publish({ type: 'cache', what: 'settings' });
    },
    connect(pubsub) {
      pubsubs.add(pubsub);
      const stop = pubsub.subscribe((m) => {
        if (m?.type === 'cache' && m.what === 'user' && typeof m.id === 'string') dropUser(m.id);
        else if (m?.type === 'cache' && m.what === 'settings') dropSettings();
        // Every credential that ends is announced this way too (sessions.announceSignedOut).
        else if (m?.type === 'signedOut' && typeof m.userId === 'string') dropUser(m.userId);
        // The listening connection was lost and is back: what it missed is unknown.
        else if (m?.type === 'resync') dropAll();
      });
      return () => {
        stop();
        pubsubs.delete(pubsub);
      };
    },
  };
}
