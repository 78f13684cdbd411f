import { describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import { stripChatNoise, withoutAsides } from '../../src/core/noise.ts';

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

describe('labels and asides around the question (break12)', () => {
  test.each(['small question: who is al-Taei?', 'Question 3: who is al-Taei?', 'سؤال بسيط: who is al-Taei?'])(
    'a label before the question is noise: %s',
    (text) => {
      expect(stripChatNoise(text).trim()).toBe('who is al-Taei?');
    },
  );

  // Bug fixed (break19): "test-1 what did assad say" was declined as not in the article.
  test.each([
    'test-1 who is al-Taei?',
    'Q-7: who is al-Taei?',
    'DMQ-PRIVATE-1 who is al-Taei?',
    'ticket#42 who is al-Taei?',
  ])('a ticket or test label before the question is noise: %s', (text) => {
    expect(stripChatNoise(text).trim()).toBe('who is al-Taei?');
  });

  test.each(['covid-19 what is it', 'F-16 jets over Albukamal?'])('a name with a number is kept: %s', (text) => {
    expect(stripChatNoise(text)).toBe(text);
  });

  test('a colon later in the question is kept', () => {
    expect(stripChatNoise('who said: the enemy is common')).toContain('said:');
  });

  test.each([
    ['who met al-Assad? my teacher asked us in class', 'who met al-Assad'],
    ['مين قابل الأسد؟ بكرة عندي اختبار', 'مين قابل الأسد'],
    ['shu 2al el ta2i 3ashan el ostaz bado yes2alna', 'shu 2al el ta2i'],
  ])('a clause about the asker’s circumstances is dropped: %s', (text, kept) => {
    expect(withoutAsides(text).trim()).toBe(kept);
  });

  test.each(['who said لأن خطر الإرهاب بات يشكل تهديدا', 'is the exam about Mosul?'])(
    'nothing is dropped when no other clause would remain, or none is an aside: %s',
    (text) => {
      expect(withoutAsides(text)).toBe(text);
    },
  );
});

describe('code pasted with a question (break12)', () => {
  test('a fenced block beside the question is dropped', () => {
    expect(stripChatNoise('```py\nprint("x")\n``` who is al-Taei?').trim()).toBe('who is al-Taei?');
  });

  test('a question fenced whole keeps its words', () => {
    expect(stripChatNoise('```who is al-Taei?```').trim()).toBe('who is al-Taei?');
  });
});

describe('an aside that holds the question or its claim is kept (review)', () => {
  test.each([
    'my teacher asked us who said the enemy is common. please help',
    'My teacher says the border is 605 km. Is that right?',
  ])('%s', (text) => {
    expect(withoutAsides(text)).toBe(text);
  });
});

describe('Discord markup and terminal titles (found by break test 17)', () => {
  test.each([
    ['<t:1700000000:R> what did Assad say', ' what did Assad say'],
    ['</ask:123456789012345678> ماذا قال الطائي', ' ماذا قال الطائي'],
    ['\u001b]0;PWNED\u0007who is Taei', ' who is Taei'],
  ])('%j is only noise around the question', (input, expected) => {
    expect(stripChatNoise(input).replace(/\s+/g, ' ')).toBe(expected.replace(/\s+/g, ' '));
  });
});
