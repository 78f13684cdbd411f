/**
 * Turning errors into safe log fields. Interaction and webhook URLs carry interaction tokens and REST errors carry
 * request bodies, so we never log an error object as is: we log its code, status, route (tokens masked) and message.
 */
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';

/** Discord error codes the adapter treats specially. */
export const DISCORD_CODES = Object.freeze({
  unknownInteraction: RESTJSONErrorCodes.UnknownInteraction, // 10062: expired or already gone
  alreadyAcknowledged: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, // 40060
  cannotDmUser: RESTJSONErrorCodes.CannotSendMessagesToThisUser, // 50007: DMs closed or no shared server
  missingAccess: RESTJSONErrorCodes.MissingAccess, // 50001
  missingPermissions: RESTJSONErrorCodes.MissingPermissions, // 50013: cannot post in that channel
});

/** Send failures that are about the recipient or channel, not about us: logged as warnings. */
export function isRecipientProblem(err: unknown): boolean {
  const code = discordCode(err);
  return (
    code === DISCORD_CODES.cannotDmUser ||
    code === DISCORD_CODES.missingAccess ||
    code === DISCORD_CODES.missingPermissions
  );
}

/** The numeric Discord error code of a REST error, if any. */
export function discordCode(err: unknown): number | undefined {
  return err instanceof DiscordAPIError && typeof err.code === 'number' ? err.code : undefined;
}

/** True when the interaction can no longer be answered (expired, or answered elsewhere): do not try again. */
export function isDeadInteraction(err: unknown): boolean {
  const code = discordCode(err);
  return code === DISCORD_CODES.unknownInteraction || code === DISCORD_CODES.alreadyAcknowledged;
}

/** Masks the token segment of interaction callback and webhook routes, and drops the query string. */
export function redactRoute(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0] ?? '';
  return path.replace(/(\/interactions\/\d+\/)[^/]+/, '$1:token').replace(/(\/webhooks\/\d+\/)[^/]+/, '$1:token');
}

/**
 * Replaces every occurrence of each secret with "[redacted]", in any letter case, and also each long part of a
 * dotted secret on its own (a bot token is id.timestamp.hmac: its last part is the secret, and an error page may quote
 * it alone or lower-cased; found by the twentieth break test).
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const pieces = [secret, ...secret.split('.').filter((part) => part.length >= SECRET_PART_MIN)];
    for (const piece of pieces) out = out.replace(new RegExp(escapeRegExp(piece), 'gi'), '[redacted]');
  }
  return out;
}

/** A dotted secret's part this long or longer is scrubbed on its own (a token's HMAC part is 27 characters). */
const SECRET_PART_MIN = 20;

/** `text` with every regular-expression metacharacter escaped, to match it literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * For discord.js debug lines: scrubs secrets, and also cuts whatever follows the word "token" (discord.js prints a
 * partly masked token at login; even part of it does not belong in a log).
 */
export function scrubDebugLine(text: string, secrets: readonly (string | undefined)[]): string {
  return scrubSecrets(text, secrets).replace(/(token\b\W*).*$/gim, '$1[redacted]');
}

/**
 * Log fields for any thrown value: `{ name, message, code?, status?, method?, route? }` (+ `stack` for non-REST
 * errors). Never includes request bodies, headers or tokens.
 */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof DiscordAPIError) {
    return {
      name: err.name,
      message: err.message,
      code: err.code,
      status: err.status,
      method: err.method,
      route: redactRoute(err.url),
    };
  }
  if (err instanceof RateLimitError) {
    return { name: err.name, message: err.message, route: redactRoute(err.route), retryAfter: err.retryAfter };
  }
  if (err instanceof HTTPError) {
    return {
      name: err.name,
      message: err.message,
      status: err.status,
      method: err.method,
      route: redactRoute(err.url),
    };
  }
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: typeof err, message: String(err) };
}

/** What to do after each gateway close code that discord.js does not recover from (it stops reconnecting). */
export const FATAL_GATEWAY_HINTS: Readonly<Record<number, string>> = Object.freeze({
  4004: 'Discord rejected the token (gateway close 4004, authentication failed). Reset it in the Developer Portal (Bot → Reset Token) and put the new token in DISCORD_TOKEN.',
  4010: 'Discord refused the shard settings (gateway close 4010, invalid shard). Run the bot without a shard override.',
  4011: 'Discord requires sharding (gateway close 4011): the bot is in too many servers for one connection. Set SHARDS=auto (see README, Sharding) and start it again.',
  4012: 'Discord refused the gateway API version (gateway close 4012). Update discord.js (npm install discord.js@14).',
  4013: 'Discord refused the intents bitfield (gateway close 4013, invalid intents). The INTENTS in src/discord/bot.ts are wrong.',
  4014: 'Discord refused a privileged intent that is not enabled (gateway close 4014, disallowed intents). iqtibas needs none (Guilds, DirectMessages, GuildMessages): remove any added MessageContent, GuildMembers or GuildPresences intent, or enable it in the Developer Portal (Bot → Privileged Gateway Intents).',
});

/** The gateway closed for good (see {@link FATAL_GATEWAY_HINTS}): the bot cannot work until someone fixes it. */
export class GatewayFatalError extends Error {
  readonly code: number;

  constructor(code: number) {
    super(
      FATAL_GATEWAY_HINTS[code] ??
        `Discord closed the gateway connection with code ${code} and discord.js will not reconnect. Check the token and the intents, then restart.`,
    );
    this.name = 'GatewayFatalError';
    this.code = code;
  }
}

/**
 * A one-line reason for a failed login, with the fix when we know it. Never contains the token (scrubbed).
 */
export function loginFailureMessage(err: unknown, token: string): string {
  if (err instanceof GatewayFatalError) return err.message;
  const message = err instanceof Error ? scrubSecrets(err.message, [token]) : 'unknown error';
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid' || (err instanceof DiscordAPIError && err.status === 401)) {
    // The same words whether discord.js's login or our GET /gateway/bot saw the 401 (REST's own is "401: Unauthorized").
    return 'An invalid token was provided. Discord does not accept DISCORD_TOKEN (401 Unauthorized): reset the token in the Developer Portal (Bot → Reset Token) and put the new one in DISCORD_TOKEN.';
  }
  return message;
}
