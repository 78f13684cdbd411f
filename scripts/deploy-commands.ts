/**
 * `npm run deploy-commands`: registers the slash commands of src/discord/commands with Discord, to DISCORD_GUILD_ID
 * when set (instant, for development) or globally (usable in servers and DMs, as each command declares its contexts).
 * Exits non-zero with a hint when Discord refuses. Importing this module runs nothing; only `npm run` does.
 */
import { pathToFileURL } from 'node:url';
import { DiscordAPIError, HTTPError, RateLimitError, REST, type RESTOptions, Routes } from 'discord.js';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../src/config.ts';
import { commandDefinitions } from '../src/discord/commands/index.ts';
import { scrubSecrets } from '../src/discord/errors.ts';
import { CHECK_API_URL, describeApiUrl } from '../src/discord/gatewayInfo.ts';

/**
 * How long the PUT may take, per attempt (one retry after a 5xx or a timeout): a deploy is one request, and an API
 * that does not answer should be named soon, as the bot names it at start (10 s for GET /gateway/bot).
 */
export const DEPLOY_TIMEOUT_MS = 10_000;

export interface DeployOptions {
  token: string;
  clientId: string;
  /** Register to this guild only; absent = global. */
  guildId?: string;
  /** REST base without version (DISCORD_API_URL); absent = Discord. */
  apiUrl?: string;
  /** Extra REST options (tests raise the global rate). */
  rest?: Partial<RESTOptions>;
}

export interface DeployResult {
  scope: 'guild' | 'global';
  /** The route used, e.g. `/applications/1/guilds/2/commands`. */
  route: string;
  /** Names registered, as Discord echoed them back. */
  names: string[];
}

/** A failed deploy with a hint on what to fix. `message` never contains the token. */
export class DeployError extends Error {
  readonly hint: string;
  readonly code: number | string | undefined;
  readonly status: number | undefined;

  constructor(message: string, hint: string, details: { code?: number | string; status?: number } = {}) {
    super(message);
    this.name = 'DeployError';
    this.hint = hint;
    this.code = details.code;
    this.status = details.status;
  }
}

/**
 * What Discord answers to the bulk overwrite: the commands now registered, each with its name (among other fields we do
 * not read). Source: https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
 */
const RegisteredCommandsSchema = z.array(z.object({ name: z.string() }));

/** What to do about a REST failure, by Discord error code or HTTP status. */
export function deployHint(err: unknown, scope: 'guild' | 'global'): string {
  const code = err instanceof DiscordAPIError ? err.code : undefined;
  const status = err instanceof DiscordAPIError || err instanceof HTTPError ? err.status : undefined;
  if (code === 50001) {
    return scope === 'guild'
      ? 'Re-invite the bot to that server with the "applications.commands" scope (Developer Portal → OAuth2 → URL Generator → bot + applications.commands), and check DISCORD_GUILD_ID.'
      : 'Check that DISCORD_CLIENT_ID is the application id of this bot, and re-invite it with the "applications.commands" scope.';
  }
  if (status === 401) return 'Discord rejected the token: check DISCORD_TOKEN (Developer Portal → Bot → Reset Token).';
  if (code === 10002 || status === 404)
    return 'Unknown application: check DISCORD_CLIENT_ID (General Information → Application ID).';
  if (code === 10004) return 'Unknown guild: check DISCORD_GUILD_ID and that the bot is in that server.';
  if (code === 50035) return 'Discord refused a command definition (invalid form body); see the message above.';
  if (status === 429) return 'Rate limited by Discord: wait a minute and run the deploy again.';
  if (status !== undefined && status >= 500) return 'Discord is having trouble: try again in a few minutes.';
  return 'Check your network and DISCORD_API_URL (if set), then try again.';
}

/**
 * Registers every command (bulk overwrite: commands no longer listed are removed).
 *
 * @returns the scope, the route and the names Discord registered.
 * @throws {@link DeployError} with a hint when Discord refuses or cannot be reached.
 */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const scope = options.guildId ? 'guild' : 'global';
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.clientId, options.guildId)
    : Routes.applicationCommands(options.clientId);
  // A 429 is thrown, not queued: discord.js would otherwise wait out Retry-After (an hour, for a global limit)
  // or retry forever, silently.
  const rest = new REST({
    ...(options.apiUrl && { api: options.apiUrl }),
    rejectOnRateLimit: () => true,
    timeout: DEPLOY_TIMEOUT_MS,
    retries: 1,
    ...options.rest,
  }).setToken(options.token);
  const api = describeApiUrl(rest.options.api);
  // Worded as the bot words GET /gateway/bot (gatewayInfo.ts): a proxy answering HTML or other JSON printed
  // "result.map is not a function", and a body announced as JSON that did not parse, the parser's message.
  const notDiscord = (problem: string) =>
    new DeployError(
      `Registering ${scope} commands failed: the API at ${api} answered PUT ${route} ` +
        `with something that is not Discord's JSON (${scrubSecrets(problem, [options.token])}).`,
      CHECK_API_URL,
    );
  try {
    const result = RegisteredCommandsSchema.safeParse(await rest.put(route, { body: commandDefinitions() }));
    if (!result.success) throw notDiscord('not a JSON array of commands, each with a name');
    return { scope, route, names: result.data.map((c) => c.name) };
  } catch (err) {
    if (err instanceof DeployError) throw err;
    if (err instanceof SyntaxError) throw notDiscord(err.message);
    if (err instanceof RateLimitError) {
      throw new DeployError(
        `Registering ${scope} commands failed: Discord rate-limited PUT ${route}${err.global ? ' (global limit)' : ''}: ` +
          `retry after ${Math.floor(err.retryAfter / 1000)} s.`,
        'Wait that long and run the deploy again. Many invalid requests in a row (a wrong token, say) can earn an hour.',
        { status: 429 },
      );
    }
    if (err instanceof Error && err.name === 'AbortError') {
      throw new DeployError(
        `Registering ${scope} commands failed: the API at ${api} did not answer PUT ${route} within ` +
          `${rest.options.timeout / 1000} s (twice).`,
        `${CHECK_API_URL} Also check the network or proxy between this machine and it.`,
      );
    }
    // An error with no Discord error code: an empty or non-JSON error page, from something other than Discord.
    const discordCode = err instanceof DiscordAPIError && typeof err.code === 'number' && err.code > 0;
    if ((err instanceof DiscordAPIError || err instanceof HTTPError) && !discordCode && err.status !== 401) {
      throw new DeployError(
        `Registering ${scope} commands failed: the API at ${api} answered PUT ${route} with HTTP ${err.status} ` +
          `and no Discord error (${scrubSecrets(err.message, [options.token])}).`,
        err.status >= 500
          ? `Discord may be having trouble (try again in a few minutes), or: ${CHECK_API_URL}`
          : CHECK_API_URL,
        { status: err.status },
      );
    }
    const raw = err instanceof Error ? err.message : String(err);
    const details = {
      ...(err instanceof DiscordAPIError && { code: err.code, status: err.status }),
      ...(err instanceof HTTPError && { status: err.status }),
    };
    throw new DeployError(
      `Registering ${scope} commands failed: ${scrubSecrets(raw, [options.token])}`,
      deployHint(err, scope),
      details,
    );
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/**
 * The script's body: validates the environment, deploys, prints a summary.
 *
 * @param env - the environment (process.env after dotenv).
 * @param out - where to print (stdout/stderr by default).
 * @returns the process exit code: 0 on success, 1 on any failure (with the reason and a hint printed).
 */
export async function runDeploy(
  env: NodeJS.ProcessEnv,
  out: { log(line: string): void; error(line: string): void } = console,
): Promise<number> {
  try {
    const config = loadConfig(env, { surface: 'deploy', warn: (line) => out.error(line) });
    const missing = [!config.discordToken && 'DISCORD_TOKEN', !config.discordClientId && 'DISCORD_CLIENT_ID'].filter(
      Boolean,
    );
    if (!config.discordToken || !config.discordClientId) {
      out.error(`deploy-commands needs ${missing.join(' and ')} (see .env.example).`);
      return 1;
    }
    const result = await deployCommands({
      token: config.discordToken,
      clientId: config.discordClientId,
      ...(config.discordGuildId && { guildId: config.discordGuildId }),
      ...(config.discordApiUrl && { apiUrl: config.discordApiUrl }),
    });
    const where = result.scope === 'guild' ? `guild ${config.discordGuildId}` : 'all servers and DMs (global)';
    out.log(`Registered ${result.names.length} commands for ${where}: ${result.names.map((n) => `/${n}`).join(', ')}`);
    if (result.scope === 'global') out.log('Global commands can take up to an hour to appear in every client.');
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) out.error(err.message);
    else if (err instanceof DeployError) out.error(`${err.message}\nHint: ${err.hint}`);
    else
      out.error(
        `deploy-commands failed: ${scrubSecrets(err instanceof Error ? err.message : String(err), [env.DISCORD_TOKEN])}`,
      );
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { config } = await import('dotenv');
  config({ quiet: true });
  process.exitCode = await runDeploy(process.env);
}
