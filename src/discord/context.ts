/**
 * What every handler receives: the answerer, a logger and the tuning knobs. Built once in {@link startBot}.
 */
import type { Conversations } from '../core/followup.ts';
import type { Answerer } from '../core/types.ts';
import type { Logger } from '../logger.ts';
import type { Recorder } from '../store/recorder.ts';
import { type Cooldown, type CooldownOptions, DEFAULT_COOLDOWN } from './cooldown.ts';

/** Behaviour knobs, with their defaults in {@link DEFAULT_TUNING}. */
export interface BotTuning {
  /**
   * Defer (acknowledge first, edit later) when an interaction is already this old on arrival: Discord allows 3 s
   * before the first response, and gateway lag or a busy event loop eat into it. Our answerer itself is synchronous
   * and sub-millisecond, so a fresh interaction is answered in one call. @defaultValue 1500
   */
  deferAfterMs: number;
  /**
   * Flood control per user for DMs, mentions and slash commands (autocomplete and buttons are exempt).
   * @defaultValue the configuration's (COOLDOWN_MAX per COOLDOWN_WINDOW_SECONDS; 5 per 10 s)
   */
  cooldown: CooldownOptions;
  /**
   * Autocomplete requests per user (one per keystroke; exempt from the question cooldown): past this, requests are
   * dropped unanswered (Discord shows "loading options failed" for that keystroke). @defaultValue 50 per 10 s
   */
  autocompleteLimit: CooldownOptions;
  /**
   * An autocomplete older than this on arrival is dropped: Discord allows 3 s, and answering it late only costs time
   * other users wait for (the response would fail with 10062). @defaultValue 2500
   */
  autocompleteDeadlineMs: number;
  /** How long {@link startBot} waits for the gateway's READY after login. @defaultValue 30_000 */
  readyTimeoutMs: number;
  /**
   * How long {@link startBot} waits for GET /gateway/bot, the token check before login, before it gives up naming the
   * REST API's URL. @defaultValue 10_000
   */
  gatewayInfoTimeoutMs: number;
  /**
   * DM channels without a message for this long leave discord.js's cache (it never sweeps them itself, so every user
   * who ever wrote would stay in memory). A returning user is served like a first DM. @defaultValue 30 minutes
   */
  dmChannelIdleMs: number;
  /** How often idle DM channels are swept. @defaultValue 5 minutes */
  sweepIntervalMs: number;
}

export const DEFAULT_TUNING: Readonly<BotTuning> = Object.freeze({
  deferAfterMs: 1500,
  cooldown: DEFAULT_COOLDOWN,
  autocompleteLimit: { limit: 50, windowMs: 10_000 },
  autocompleteDeadlineMs: 2500,
  readyTimeoutMs: 30_000,
  gatewayInfoTimeoutMs: 10_000,
  dmChannelIdleMs: 30 * 60_000,
  sweepIntervalMs: 5 * 60_000,
});

export interface BotContext {
  answerer: Answerer;
  logger: Logger;
  tuning: BotTuning;
  /** One limiter for every way a user asks (a DM flood and a /ask flood count together). */
  cooldown: Cooldown;
  /** Autocomplete requests per user ({@link BotTuning.autocompleteLimit}). */
  autocompleteCooldown: Cooldown;
  /** Per-user follow-up context of DMs and mentions ("what else did he say?"), in memory, keyed by user id. */
  conversations: Conversations;
  /** Records questions and 👍 / 👎 for `npm run report` (a no-op recorder when recording is off). */
  recorder: Recorder;
}
