/**
 * The contract of a slash command: one definition (sent to Discord by deploy-commands and used at runtime to route)
 * and its handlers. Commands are listed statically in ./index.ts: no folder scanning that could silently skip one.
 */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../context.ts';

export interface Command {
  /** Built with SlashCommandBuilder; `toJSON()` is the exact body registered with Discord. */
  readonly definition: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Runs the command. Must acknowledge the interaction exactly once; errors are caught by the router. */
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  /** Answers autocomplete for an option declared with `setAutocomplete(true)`; must answer within 3 s, once. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}
