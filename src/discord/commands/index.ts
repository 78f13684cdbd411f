/**
 * The static list of slash commands: deploy-commands registers exactly these, and the runtime routes by their names.
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import article from './article.ts';
import ask from './ask.ts';
import help from './help.ts';
import quote from './quote.ts';
import speakers from './speakers.ts';
import type { Command } from './types.ts';

export type { Choice, Command, CommandOptions, OptionValue } from './types.ts';
export { optionValuesOf } from './types.ts';

export const commands: readonly Command[] = Object.freeze([ask, quote, speakers, article, help]);

/** The JSON bodies to register (PUT /applications/:id[/guilds/:id]/commands). */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((c) => c.definition.toJSON());
}

const byName = new Map(commands.map((c) => [c.definition.name, c]));

/** The command registered under `name`, or undefined (a stale registration from an older deploy). */
export function findCommand(name: string): Command | undefined {
  return byName.get(name);
}
