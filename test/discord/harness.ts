/**
 * Test harness: a fake Discord plus the real bot (real discord.js Client, real core answerer) talking to it.
 */
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.ts';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import type { Answerer, Reply } from '../../src/core/types.ts';
import { type RunningBot, type StartBotOptions, startBot } from '../../src/discord/bot.ts';
import type { BotTuning } from '../../src/discord/context.ts';
import { payloadProblems } from '../../src/discord/limits.ts';
import { isolatesBalanced } from '../../src/discord/text.ts';
import { createLogger } from '../../src/logger.ts';
import { FakeDiscord, messageData, type RecordedRequest } from '../fake-discord/server.ts';

import { TOKEN } from './fixtures.ts';

export { TOKEN } from './fixtures.ts';

let shared: Answerer | undefined;

/** The real answerer over the real seeds, built once per test file. */
/** A trace-level logger that keeps its JSON lines in memory, for assertions on what is logged. */
export function memoryLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('trace', sink), lines };
}

export function realAnswerer(): Answerer {
  shared ??= createAnswerer(loadCorpus());
  return shared;
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  answerer: Answerer;
  /** Parsed log lines, in order. */
  logs: LogLine[];
  /** All raw log output (to check the token never appears). */
  rawLogs(): string;
  close(): Promise<void>;
}

/** Starts a fake Discord and the bot against it; resolves once the bot is ready. */
export async function startHarness(
  options: {
    answerer?: Answerer;
    tuning?: Partial<BotTuning>;
    /** Extra environment for loadConfig (e.g. COOLDOWN_MAX), as an operator would set it. */
    env?: Record<string, string>;
    onFatal?: StartBotOptions['onFatal'];
    recorder?: StartBotOptions['recorder'];
  } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start({ token: TOKEN });
  const raw: string[] = [];
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      const text = String(chunk);
      raw.push(text);
      for (const line of text.split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const logger = createLogger('trace', sink);
  const answerer = options.answerer ?? realAnswerer();
  const config = loadConfig({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'trace', ...options.env });
  const bot = await startBot({
    config,
    answerer,
    logger,
    clientOptions: fake.clientOptions,
    ...(options.tuning && { tuning: options.tuning }),
    ...(options.onFatal && { onFatal: options.onFatal }),
    ...(options.recorder && { recorder: options.recorder }),
  });
  return {
    fake,
    bot,
    answerer,
    logs,
    rawLogs: () => raw.join(''),
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
}

/** The interaction callback for `token` (the first acknowledgement). */
export function callbackOf(fake: FakeDiscord, token: string, timeoutMs = 3000): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => r.method === 'POST' && r.route.endsWith(`/${token}/callback`), timeoutMs);
}

/** Every message-bearing body the bot sent (callbacks with data, edits, follow-ups, channel messages). */
export function sentMessages(fake: FakeDiscord): { request: RecordedRequest; data: Record<string, unknown> }[] {
  return fake.requests
    .filter((r) => {
      if (r.route.endsWith('/callback')) {
        const type = (r.body as { type?: number } | undefined)?.type;
        return type === 4 || type === 7;
      }
      return (
        (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.route)) ||
        (r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.route)) ||
        (r.method === 'PATCH' && /^\/webhooks\//.test(r.route))
      );
    })
    .map((request) => ({ request, data: messageData(request) }));
}

/** Embeds of a message body. */
export interface EmbedJson {
  title?: string;
  description?: string;
  footer?: { text: string };
  fields?: { name: string; value: string; inline?: boolean }[];
}

export function embedsOf(data: Record<string, unknown>): EmbedJson[] {
  return (data.embeds as EmbedJson[] | undefined) ?? [];
}

/** Buttons of a message body (flattened rows). */
export function buttonsOf(data: Record<string, unknown>): { custom_id: string; label: string; disabled?: boolean }[] {
  const rows = (data.components as { components: { custom_id: string; label: string; disabled?: boolean }[] }[]) ?? [];
  return rows.flatMap((r) => r.components);
}

/** A field's value by name in the first embed that has it. */
export function field(data: Record<string, unknown>, name: string): string | undefined {
  for (const e of embedsOf(data)) {
    const f = e.fields?.find((x) => x.name === name);
    if (f) return f.value;
  }
  return undefined;
}

export const EPHEMERAL = 64;

export function flagsOf(data: Record<string, unknown>): number {
  return typeof data.flags === 'number' ? data.flags : 0;
}

/**
 * Checks every message the bot sent so far: Discord's limits, `allowed_mentions.parse` empty, no raw mass or role
 * mention, no bidi imbalance, and never the token. Returns the problems found (empty when all is well).
 */
export function auditPayloads(fake: FakeDiscord): string[] {
  const problems: string[] = [];
  for (const { request, data } of sentMessages(fake)) {
    const where = `${request.method} ${request.route.replace(/itok-[\w-]+/, ':token')}`;
    for (const p of payloadProblems(data)) problems.push(`${where}: ${p}`);
    const text = JSON.stringify(data);
    if (/@everyone|@here|<@[!&]?\d|<#\d|<\/\w/.test(text)) problems.push(`${where}: raw mention echoed`);
    if (/:\/\/|(?<!\\)\[[^\]]*\]\(/.test(textOfEcho(data))) {
      problems.push(`${where}: a link or masked link echoed from user text`);
    }
    if (text.includes(TOKEN)) problems.push(`${where}: token leaked`);
    for (const e of embedsOf(data)) {
      for (const t of [e.title, e.footer?.text, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]) {
        if (t !== undefined && !isolatesBalanced(t)) problems.push(`${where}: unbalanced isolates in ${t}`);
      }
    }
  }
  return problems;
}

/** The parts of a message that echo user text: embed titles and "You asked" values. */
function textOfEcho(data: Record<string, unknown>): string {
  return embedsOf(data)
    .flatMap((e) => [e.title ?? '', ...(e.fields ?? []).filter((f) => f.name === 'You asked').map((f) => f.value)])
    .join('\n');
}

/** Delegates to `inner`, letting a test replace `ask` (e.g. to lower a confidence or to throw). */
export function wrapAnswerer(inner: Answerer, ask: (question: string, real: Answerer) => Reply): Answerer {
  return {
    corpus: inner.corpus,
    ask: (q) => ask(q, inner),
    answerEntry: (id, script) => inner.answerEntry(id, script),
    suggest: (p, n) => inner.suggest(p, n),
    quotesBy: (id) => inner.quotesBy(id),
    findSpeaker: (s) => inner.findSpeaker(s),
  };
}
