/**
 * Per-user flood control for questions (DMs, mentions and slash commands): a sliding window of `limit` answers per
 * `windowMs`; the first question over the limit gets one polite notice, the rest are dropped silently (DMs) until
 * the window frees up. No timers (nothing to clean up on stop): state is pruned lazily, so memory stays bounded by
 * the users active within one window.
 */
import { type CooldownConfig, DEFAULT_COOLDOWN_CONFIG } from '../config.ts';

export interface CooldownOptions extends CooldownConfig {
  /** Clock, for tests. @defaultValue Date.now */
  now?: () => number;
}

/** Five per ten seconds (the configuration's default; COOLDOWN_MAX and COOLDOWN_WINDOW_SECONDS override it). */
export const DEFAULT_COOLDOWN: Readonly<CooldownOptions> = DEFAULT_COOLDOWN_CONFIG;

/** What to do with one incoming question. */
export type CooldownVerdict = 'answer' | 'notice' | 'drop';

interface Bucket {
  hits: number[];
  noticed: boolean;
}

/** Buckets kept before idle ones are swept (each sweep is O(buckets); amortized over this many takes). */
const SWEEP_ABOVE = 5_000;

/** Sliding-window limiter keyed by user id. */
export class Cooldown {
  readonly limit: number;
  readonly windowMs: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #sweepAt = SWEEP_ABOVE;

  constructor(options: CooldownOptions = DEFAULT_COOLDOWN) {
    if (!(Number.isInteger(options.limit) && options.limit >= 1 && options.windowMs > 0)) {
      throw new RangeError('Cooldown: limit must be a whole number ≥ 1 and windowMs > 0');
    }
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.#now = options.now ?? Date.now;
  }

  /** Users currently tracked (for tests and the load bench: it must not grow without bound). */
  get size(): number {
    return this.#buckets.size;
  }

  /** Records one question from `key` and says whether to answer it, send the notice, or ignore it. */
  take(key: string): CooldownVerdict {
    const now = this.#now();
    if (this.#buckets.size >= this.#sweepAt) this.#sweep(now);
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { hits: [], noticed: false };
      this.#buckets.set(key, bucket);
    }
    const live = bucket.hits.filter((t) => now - t < this.windowMs);
    bucket.hits = live;
    if (live.length < this.limit) {
      live.push(now);
      bucket.noticed = false;
      return 'answer';
    }
    if (bucket.noticed) return 'drop';
    bucket.noticed = true;
    return 'notice';
  }

  /** Milliseconds until `key` may ask again (0 when it may now). */
  retryAfterMs(key: string): number {
    const now = this.#now();
    const live = this.#buckets.get(key)?.hits.filter((t) => now - t < this.windowMs) ?? [];
    const oldest = live[0];
    return oldest === undefined || live.length < this.limit ? 0 : oldest + this.windowMs - now;
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.hits.every((t) => now - t >= this.windowMs)) this.#buckets.delete(key);
    }
    // Many users active at once: sweep again only after as many new ones again (no O(n) work per message).
    this.#sweepAt = Math.max(SWEEP_ABOVE, this.#buckets.size * 2);
  }
}
