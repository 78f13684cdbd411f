/**
 * Per-user flood control for free-text questions (DMs and mentions): a sliding window of `limit` answers per
 * `windowMs`; the first message over the limit gets one polite notice, the rest are dropped silently until the
 * window frees up. No timers (nothing to clean up on stop): state is pruned lazily.
 */

export interface CooldownOptions {
  /** Answers allowed per window. @defaultValue 5 */
  limit: number;
  /** Window length in ms. @defaultValue 10_000 */
  windowMs: number;
  /** Clock, for tests. @defaultValue Date.now */
  now?: () => number;
}

export const DEFAULT_COOLDOWN: Readonly<CooldownOptions> = Object.freeze({ limit: 5, windowMs: 10_000 });

/** What to do with one incoming message. */
export type CooldownVerdict = 'answer' | 'notice' | 'drop';

interface Bucket {
  hits: number[];
  noticed: boolean;
}

/** Sliding-window limiter keyed by user id. */
export class Cooldown {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: CooldownOptions = DEFAULT_COOLDOWN) {
    if (!(options.limit >= 1 && options.windowMs > 0)) throw new RangeError('Cooldown: limit ≥ 1 and windowMs > 0');
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#now = options.now ?? Date.now;
  }

  /** Records one message from `key` and says whether to answer it, send the notice, or ignore it. */
  take(key: string): CooldownVerdict {
    const now = this.#now();
    if (this.#buckets.size > 10_000) this.#sweep(now);
    const bucket = this.#buckets.get(key) ?? { hits: [], noticed: false };
    this.#buckets.set(key, bucket);
    bucket.hits = bucket.hits.filter((t) => now - t < this.#windowMs);
    if (bucket.hits.length < this.#limit) {
      bucket.hits.push(now);
      bucket.noticed = false;
      return 'answer';
    }
    if (bucket.noticed) return 'drop';
    bucket.noticed = true;
    return 'notice';
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.hits.every((t) => now - t >= this.#windowMs)) this.#buckets.delete(key);
    }
  }
}
