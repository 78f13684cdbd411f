/**
 * The contract of a slash command: one definition (sent to Discord by deploy-commands and used at runtime to route),
 * a pure producer of its messages, and its discord.js handler. Commands are listed statically in ./index.ts: no
 * folder scanning that could silently skip one.
 *
 * Two transports call the same producers: the gateway bot (`execute`, via discord.js) and the HTTP interactions
 * endpoint (src/http/handler.ts, from the raw interaction JSON). Both read option values with
 * {@link optionValuesOf}, so the same invocation yields the same messages either way.
 */
import type {
  ApplicationCommandOptionChoiceData,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Answerer } from '../../core/types.ts';
import type { BotContext } from '../context.ts';
import type { RenderedMessage } from '../render.ts';

/** One option value as Discord sends it (string, integer/number, boolean; ids of users etc. arrive as strings). */
export type OptionValue = string | number | boolean;

/** The top-level option values of one invocation, by option name; an option the user left out is absent. */
export type CommandOptions = Readonly<Record<string, OptionValue>>;

/** An autocomplete choice (≤ 25 per response; name and value ≤ 100 characters). */
export type Choice = ApplicationCommandOptionChoiceData<string>;

export interface Command {
  /** Built with SlashCommandBuilder; `toJSON()` is the exact body registered with Discord. */
  readonly definition: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /**
   * What the command answers, from its option values. Pure and synchronous (no Discord, no clock); never throws for
   * missing or odd options (a missing question reads as empty, an unknown speaker gets a notice).
   */
  messages(answerer: Answerer, options: CommandOptions): RenderedMessage[];
  /** Runs the command over the gateway. Must acknowledge the interaction exactly once; errors are caught by the router. */
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  /**
   * Autocomplete choices for the option being typed (`focusedName`, declared with `setAutocomplete(true)`), from what
   * is typed so far. Pure; at most 25. Absent when no option autocompletes.
   */
  choices?(answerer: Answerer, focusedName: string, focusedValue: string): Choice[];
}

/**
 * Option values from Discord's option list (`interaction.options.data` in discord.js, `data.options` in the raw
 * JSON): the top-level options carrying a string, number or boolean value. Subcommand groups are not used here.
 */
export function optionValuesOf(options: readonly { name: string; value?: unknown }[]): CommandOptions {
  const values: Record<string, OptionValue> = {};
  for (const o of options) {
    const v = o.value;
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) {
      values[o.name] = v;
    }
  }
  return values;
}

/** A string option's value, or undefined when absent or of another type. */
export function stringOption(options: CommandOptions, name: string): string | undefined {
  const v = options[name];
  return typeof v === 'string' ? v : undefined;
}

/** A boolean option's value, `false` when absent or of another type. */
export function booleanOption(options: CommandOptions, name: string): boolean {
  return options[name] === true;
}
