/**
 * Case 21: every command definition is valid for Discord, checked here rather than at start-up.
 */
import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { commandDefinitions, commands, findCommand } from '../../src/discord/commands/index.ts';

/** Discord's pattern for command and option names (CHAT_INPUT). */
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

type Option = { name: string; description: string; type: number; options?: Option[]; max_length?: number };

function allOptions(options: Option[] = []): Option[] {
  return options.flatMap((o) => [o, ...allOptions(o.options)]);
}

describe('command definitions', () => {
  const definitions = commandDefinitions();

  test('the static list holds ask, quote, speakers, article and help, each routable by name', () => {
    expect(definitions.map((d) => d.name)).toEqual(['ask', 'quote', 'speakers', 'article', 'help']);
    for (const c of commands) expect(findCommand(c.definition.name)).toBe(c);
  });

  test.each(commandDefinitions().map((d) => [d.name, d] as const))('/%s has valid names and descriptions', (_, d) => {
    const names = [d.name, ...allOptions(d.options as Option[]).map((o) => o.name)];
    for (const name of names) {
      expect(name).toMatch(NAME);
      expect(name).toBe(name.toLowerCase());
      expect(name.normalize('NFC')).toBe(name);
      // No diacritics, zero-width or bidi marks sneaking in.
      expect(name).not.toMatch(/[\u064B-\u065F\u0670\u200B-\u200F\u2066-\u2069]/);
    }
    for (const o of [d, ...allOptions(d.options as Option[])]) {
      expect(o.description.length).toBeGreaterThanOrEqual(1);
      expect(o.description.length).toBeLessThanOrEqual(100);
    }
    expect(JSON.stringify(d).length).toBeLessThan(8000);
  });

  test.each(commandDefinitions().map((d) => [d.name, d] as const))(
    '/%s works in servers and DMs, for both installs',
    (_, d) => {
      expect(d.contexts).toEqual([
        InteractionContextType.Guild,
        InteractionContextType.BotDM,
        InteractionContextType.PrivateChannel,
      ]);
      expect(d.integration_types).toEqual([
        ApplicationIntegrationType.GuildInstall,
        ApplicationIntegrationType.UserInstall,
      ]);
    },
  );

  test('/ask takes a required autocompleted question up to Discord’s 6000 characters, and an optional private flag', () => {
    const ask = definitions.find((d) => d.name === 'ask');
    const [question, priv] = (ask?.options ?? []) as (Option & { required?: boolean; autocomplete?: boolean })[];
    expect(question).toMatchObject({ name: 'question', type: 3, required: true, autocomplete: true, max_length: 6000 });
    expect(priv).toMatchObject({ name: 'private', type: 5 });
    expect(priv?.required ?? false).toBe(false);
  });
});
