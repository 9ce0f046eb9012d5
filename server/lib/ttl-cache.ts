/** A bounded map whose entries expire: the safety net under caches that are invalidated explicitly. */
export interface TtlCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  /** Drops every entry whose value matches (rare: a user changed). */
  deleteWhere(match: (value: V) => boolean): void;
  clear(): void;
  readonly size: number;
}

/** Milliseconds from a monotonic source: cache freshness is about the process, not business time. */
export const monotonicMs = () => performance.now();

export function ttlCache<K, V>(opts: { ttlMs: number; maxEntries: number; now?: () => number }): TtlCache<K, V> {
  const now = opts.now ?? monotonicMs;
  const entries = new Map<K, { value: V; until: number }>();
  return {
    get(key) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.until > now()) return e.value;
      entries.delete(key);
      return undefined;
    },
    set(key, value) {
      // Re-inserted, so the Map's first key is the oldest entry: the one dropped when full.
      entries.delete(key);
      entries.set(key, { value, until: now() + opts.ttlMs });
      if (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value as K);
    },
    delete: (key) => void entries.delete(key),
    deleteWhere(match) {
      for (const [k, e] of entries) if (match(e.value)) entries.delete(k);
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
