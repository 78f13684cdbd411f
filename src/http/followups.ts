/**
 * Follow-up messages of the HTTP endpoint: an answer too long for one message is sent as the interaction response
 * plus follow-ups, `POST /webhooks/{application.id}/{interaction.token}` on Discord's REST API. The interaction token
 * authenticates the call (no bot token needed), for 15 minutes.
 * Source: https://discord.com/developers/docs/interactions/receiving-and-responding#followup-messages
 */
import { DiscordAPIError, REST, RESTJSONErrorCodes, type RESTOptions, Routes } from 'discord.js';
import { describeError } from '../discord/errors.ts';
import type { Logger } from '../logger.ts';
import type { FollowUp } from './handler.ts';

/** Sends one interaction's follow-ups, in order. Rejects with the first REST error that retries did not cure. */
export type FollowUpSender = (followUp: FollowUp) => Promise<void>;

export interface RestFollowUpOptions {
  /** REST base without the version (DISCORD_API_URL; tests point it at a fake on 127.0.0.1). @defaultValue Discord */
  apiUrl?: string;
  /** Extra @discordjs/rest options (timeouts, rate limits). */
  rest?: Partial<RESTOptions>;
  /**
   * Delays before retrying a follow-up that Discord answered with 10015 Unknown Webhook: our response may still be in
   * flight when the follow-up arrives, and until Discord has processed it the token is unknown. @defaultValue [250, 1000]
   */
  retryDelaysMs?: readonly number[];
}

/**
 * A {@link FollowUpSender} over @discordjs/rest (which discord.js already depends on and re-exports): it handles
 * Discord's rate limits and retries 5xx. Each message is posted after the previous one succeeded, so they arrive
 * in order.
 */
export function restFollowUps(options: RestFollowUpOptions = {}): FollowUpSender {
  const rest = new REST({ version: '10', ...(options.apiUrl && { api: options.apiUrl }), ...options.rest });
  const delays = options.retryDelaysMs ?? [250, 1000];
  return async ({ applicationId, token, messages }) => {
    // The token goes into the path: encoded, so no character of it can change the route.
    const route = Routes.webhook(applicationId, encodeURIComponent(token));
    for (const body of messages) {
      for (let attempt = 0; ; attempt++) {
        try {
          await rest.post(route, { body, auth: false });
          break;
        } catch (err) {
          const delay = delays[attempt];
          if (delay === undefined || !isUnknownWebhook(err)) throw err;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    }
  };
}

function isUnknownWebhook(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownWebhook;
}

/**
 * Runs follow-ups in the background and remembers the pending ones, so a shutdown can wait for them. A failure is
 * logged (route with the token masked), never thrown.
 */
export class FollowUpQueue {
  readonly #send: FollowUpSender;
  readonly #logger: Logger;
  readonly #pending = new Set<Promise<void>>();

  constructor(send: FollowUpSender, logger: Logger) {
    this.#send = send;
    this.#logger = logger;
  }

  /** Follow-ups still being sent. */
  get size(): number {
    return this.#pending.size;
  }

  /** Starts sending; returns at once. */
  push(followUp: FollowUp): void {
    const task = this.#send(followUp)
      .catch((err: unknown) => {
        this.#logger.warn({ err: describeError(err), count: followUp.messages.length }, 'could not send follow-ups');
      })
      .finally(() => this.#pending.delete(task));
    this.#pending.add(task);
  }

  /** Resolves once every follow-up started so far has been sent or has failed. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }
}
