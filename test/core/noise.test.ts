import { describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import { stripChatNoise } from '../../src/core/noise.ts';

describe('chat noise around a question', () => {
  test.each([
    ['[link](https://evil.example) ماذا قال الطائي؟', 'ماذا قال الطائي؟'],
    [':flag_sy: what did assad say', 'what did assad say'],
    ['@silent what did assad say', 'what did assad say'],
  ])('%s reads as %s', (noisy, clean) => {
    expect(stripChatNoise(noisy).trim()).toBe(clean);
  });

  test('a time is no emoji shortcode', () => {
    expect(stripChatNoise('at 10:30:00 what happened')).toContain('10:30:00');
  });

  test('a link text that says something is kept', () => {
    expect(stripChatNoise('[Mekdad](https://x.example) on Mosul')).toContain('Mekdad');
  });

  test('the question behind the noise is answered', () => {
    const bot = createAnswerer(loadCorpus());
    const reply = bot.ask('[link](https://evil.example) ماذا قال الطائي؟');
    expect(reply.kind === 'answer' && reply.speaker.id).toBe('taei');
  });
});
