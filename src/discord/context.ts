/**
 * What every handler receives: the answerer, a logger and the tuning knobs. Built once in {@link startBot}.
 */
import type { Answerer } from '../core/types.ts';
import type { Logger } from '../logger.ts';
import { type CooldownOptions, DEFAULT_COOLDOWN } from './cooldown.ts';

/** Behaviour knobs, with their defaults in {@link DEFAULT_TUNING}. */
export interface BotTuning {
  /**
   * Defer (acknowledge first, edit later) when an interaction is already this old on arrival: Discord allows 3 s
   * before the first response, and gateway lag or a busy event loop eat into it. Our answerer itself is synchronous
   * and sub-millisecond, so a fresh interaction is answered in one call. @defaultValue 1500
   */
  deferAfterMs: number;
  /** Flood control for DMs and mentions (slash commands are always acknowledged). @defaultValue 5 per 10 s */
  cooldown: CooldownOptions;
  /** How long {@link startBot} waits for the gateway's READY after login. @defaultValue 30_000 */
  readyTimeoutMs: number;
}

export const DEFAULT_TUNING: Readonly<BotTuning> = Object.freeze({
  deferAfterMs: 1500,
  cooldown: DEFAULT_COOLDOWN,
  readyTimeoutMs: 30_000,
});

export interface BotContext {
  answerer: Answerer;
  logger: Logger;
  tuning: BotTuning;
}
