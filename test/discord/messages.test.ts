import { describe, expect, test } from 'vitest';
import { messagesFor } from '../../src/discord/messages.ts';
import { realAnswerer } from './harness.ts';

const answerer = realAnswerer();
const titleOf = (question: string) => messagesFor(question, answerer)[0]?.embeds[0]?.toJSON().title ?? '';

describe('commands in DMs and mentions', () => {
  // Bug fixed: "help?" and "speakers" in a DM were answered as off-topic questions.
  test.each(['help', 'help?', 'Help!', 'مساعدة؟', '?'])('%j gives the help', (text) => {
    expect(titleOf(text)).toContain('iqtibas');
  });

  test.each(['speakers', 'Speakers?', 'المتحدثون'])('%j lists the speakers', (text) => {
    const json = JSON.stringify(messagesFor(text, answerer).map((m) => m.embeds.map((e) => e.toJSON())));
    for (const s of answerer.corpus.speakers) expect(json).toContain(s.nameEn);
  });

  test('a question that merely contains "help" is a question', () => {
    expect(titleOf('help me: what did al-Mekdad say?')).not.toContain('iqtibas');
  });
});
