/**
 * The interaction router: slash commands, autocomplete and buttons. It is the error boundary: a failing handler is
 * logged and the user gets an ephemeral apology (reply or follow-up, whichever is still allowed); nothing escapes.
 * Slash commands go through the per-user cooldown; autocomplete (one request per keystroke, and cheap) and buttons
 * (they act on an answer already given, and answer privately) are exempt.
 */
import type { AutocompleteInteraction, Interaction, RepliableInteraction } from 'discord.js';
import { handleButton } from './buttons.ts';
import { findCommand } from './commands/index.ts';
import type { BotContext } from './context.ts';
import { describeError, isDeadInteraction } from './errors.ts';
import { NOTICES, renderCooldown, renderNotice, toInteractionReply } from './render.ts';

/** Routes one interaction. Never rejects. */
export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  const started = performance.now();
  try {
    if (interaction.isAutocomplete()) {
      await handleAutocomplete(interaction, ctx);
      return;
    }
    if (interaction.isChatInputCommand()) {
      const command = findCommand(interaction.commandName);
      if (!command) {
        ctx.logger.warn({ command: interaction.commandName }, 'unknown command (stale registration?)');
        await interaction.reply(toInteractionReply(renderNotice(NOTICES.unknownCommand)));
        return;
      }
      // Every command must be acknowledged, so a flooding user gets the (ephemeral, private) notice each time.
      if (ctx.cooldown.take(interaction.user.id) !== 'answer') {
        ctx.logger.debug(
          { userId: interaction.user.id, command: interaction.commandName },
          'cooldown: command refused',
        );
        await interaction.reply(toInteractionReply(renderCooldown(ctx.cooldown.retryAfterMs(interaction.user.id))));
        return;
      }
      await command.execute(interaction, ctx);
      ctx.logger.debug(
        { command: interaction.commandName, ms: Math.round(performance.now() - started) },
        'command answered',
      );
      return;
    }
    if (interaction.isButton()) {
      await handleButton(interaction, ctx);
      return;
    }
    ctx.logger.debug({ type: interaction.type }, 'ignored interaction type');
  } catch (err) {
    await apologize(interaction, err, ctx);
  }
}

async function handleAutocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const ageMs = Date.now() - interaction.createdTimestamp;
  if (ageMs > ctx.tuning.autocompleteDeadlineMs) {
    ctx.logger.debug({ ageMs }, 'autocomplete arrived too late to answer; dropped');
    return;
  }
  if (ctx.autocompleteCooldown.take(interaction.user.id) !== 'answer') {
    ctx.logger.debug({ userId: interaction.user.id }, 'autocomplete flood; dropped');
    return;
  }
  const command = findCommand(interaction.commandName);
  try {
    // Same choices as the HTTP endpoint: the command's pure `choices` (none for an unknown command).
    const focused = interaction.options.getFocused(true);
    await interaction.respond(command?.choices?.(ctx.answerer, focused.name, String(focused.value)) ?? []);
  } catch (err) {
    ctx.logger.warn({ err: describeError(err), command: interaction.commandName }, 'autocomplete failed');
    // An autocomplete must be answered once; an empty list beats the client's "loading options failed".
    if (!interaction.responded && !isDeadInteraction(err)) {
      await interaction.respond([]).catch((e: unknown) => {
        ctx.logger.warn({ err: describeError(e) }, 'could not answer autocomplete');
      });
    }
  }
}

/**
 * Logs a handler failure and tells the user, once: `followUp` when the interaction was already acknowledged,
 * else `reply`. Skipped when the interaction is dead (10062 expired, 40060 already acknowledged).
 */
async function apologize(interaction: Interaction, err: unknown, ctx: BotContext): Promise<void> {
  const where = interaction.isCommand() ? `/${interaction.commandName}` : interaction.isButton() ? 'button' : 'other';
  ctx.logger.error({ err: describeError(err), interactionId: interaction.id, where }, 'interaction handler failed');
  if (!interaction.isRepliable() || isDeadInteraction(err)) return;
  const repliable: RepliableInteraction = interaction;
  const payload = toInteractionReply(renderNotice(NOTICES.apology));
  try {
    if (repliable.replied || repliable.deferred) await repliable.followUp(payload);
    else await repliable.reply(payload);
  } catch (e) {
    ctx.logger.warn({ err: describeError(e), interactionId: interaction.id }, 'could not send the apology');
  }
}
