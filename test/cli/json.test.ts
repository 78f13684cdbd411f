import { describe, expect, test } from 'vitest';
import { echoSafe, toJsonRecord } from '../../src/cli/json.ts';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';

describe('echoSafe', () => {
  test('when a pasted line is longer than the answerer reads, the echo is cut at 2,000 characters plus "…"', () => {
    const echoed = echoSafe('س'.repeat(3_000_000));
    expect(echoed).toHaveLength(2001);
    expect(echoed.endsWith('…')).toBe(true);
  });

  test('bidi controls and C0 control characters are not echoed back', () => {
    expect(echoSafe('\u202Eماذا\u200F قال\u0000\u001b الأسد؟\u2066')).toBe('ماذا قال الأسد؟');
  });
});

describe('toJsonRecord', () => {
  const bot = createAnswerer(loadCorpus());

  test('an answer carries direct and translation_scope, with the stable fields', () => {
    const record = toJsonRecord('ما هو منصب فالح الفياض؟', bot.ask('ما هو منصب فالح الفياض؟'));
    expect(record).toMatchObject({ answered: true, paragraph: 2, direct: false, translation_scope: 'quote' });
    expect(record.speaker && Object.keys(record.speaker).sort()).toEqual([
      'id',
      'name_ar',
      'name_en',
      'role',
      'role_ar',
    ]);
  });

  test('"did X say…?" about words the article gives to another names the one asked about in asked_speaker', () => {
    const q = 'was it al-Abadi who said the enemy is common and the battle is one?';
    const record = toJsonRecord(q, bot.ask(q));
    expect(record.speaker?.id).toBe('assad');
    expect(record.asked_speaker?.id).toBe('abadi');
    const own = toJsonRecord('did Assad say the enemy is common?', bot.ask('did Assad say the enemy is common?'));
    expect(own.asked_speaker).toBeNull();
  });

  test('a quote that only introduces someone names him in introduces; his own words have null', () => {
    expect(toJsonRecord('who is al-Fayyadh?', bot.ask('who is al-Fayyadh?')).introduces?.id).toBe('fayyadh');
    expect(toJsonRecord('what did al-Fayyadh say?', bot.ask('what did al-Fayyadh say?')).introduces).toBeNull();
  });

  test('a no-answer has nulls and its reason', () => {
    const record = toJsonRecord('how do I bake bread?', bot.ask('how do I bake bread?'));
    expect(record).toMatchObject({ answered: false, paragraph: null, speaker: null, quote: null, direct: null });
    expect(record.reason).not.toBeNull();
  });
});
