import { describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import { articleMessages } from '../../src/discord/commands/article.ts';

describe('/article', () => {
  // Found by a fresh break test: it said "(69 curated questions)", the number of entries, while check-data counts 1,243.
  test('counts the curated questions, not the entries', () => {
    const answerer = createAnswerer(loadCorpus());
    const questions = answerer.corpus.entries.reduce((n, e) => n + Object.values(e.questions).flat().length, 0);
    const text = JSON.stringify(
      articleMessages(answerer).map((m) => m.embeds.map((e) => ('toJSON' in e ? e.toJSON() : e))),
    );
    expect(questions).toBeGreaterThan(answerer.corpus.entries.length);
    expect(text).toContain(`(${questions} curated questions)`);
  });
});
