/**
 * Acknowledging interactions: exactly once, in time, with every payload built by render.ts.
 */
import { type ButtonInteraction, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { BotContext } from './context.ts';
import { type RenderedMessage, toInteractionEdit, toInteractionReply, toInteractionUpdate } from './render.ts';

/**
 * Sends rendered messages as the interaction's response: the first as the reply (or as the edit of a deferral),
 * the others as follow-ups. A deferral made public cannot turn ephemeral, so an ephemeral first message replaces it
 * (delete, then ephemeral follow-up).
 *
 * @throws the REST error of the first failing call (the router logs it).
 */
export async function sendToInteraction(
  interaction: RepliableInteraction,
  messages: readonly RenderedMessage[],
): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  if (interaction.deferred && !interaction.replied) {
    if (first.ephemeral && !interaction.ephemeral) {
      await interaction.deleteReply();
      await interaction.followUp(toInteractionReply(first));
    } else {
      await interaction.editReply(toInteractionEdit(first));
    }
  } else {
    await interaction.reply(toInteractionReply(first));
  }
  for (const m of rest) await interaction.followUp(toInteractionReply(m));
}

/**
 * Produces and sends an answer, acknowledging once. When the interaction is already older than
 * `tuning.deferAfterMs` on arrival, it is deferred first (ephemeral when `ephemeral`), then the reply is edited in.
 */
export async function answerInteraction(
  interaction: RepliableInteraction,
  ctx: BotContext,
  produce: () => RenderedMessage[] | Promise<RenderedMessage[]>,
  options: { ephemeral: boolean },
): Promise<void> {
  const ageMs = Date.now() - interaction.createdTimestamp;
  if (ageMs < ctx.tuning.deferAfterMs) {
    await sendToInteraction(interaction, await produce());
    return;
  }
  ctx.logger.info({ interactionId: interaction.id, ageMs }, 'interaction arrived late; deferring');
  await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  await sendToInteraction(interaction, await produce());
}

/** Replaces the message a button sits on (pagination); extra parts go out as ephemeral follow-ups. */
export async function updateFromButton(
  interaction: ButtonInteraction,
  messages: readonly RenderedMessage[],
): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  await interaction.update(toInteractionUpdate(first));
  for (const m of rest) await interaction.followUp(toInteractionReply({ ...m, ephemeral: true }));
}
