import { describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { buildCorpus, loadCorpus } from '../../src/core/corpus.ts';
import { checkCuration } from '../../src/core/curation.ts';
import { tinySeeds } from '../fixtures/tiny-seeds.ts';

function findingsFor(seeds = tinySeeds()) {
  const corpus = buildCorpus(seeds);
  return checkCuration(corpus, createAnswerer(corpus));
}

describe('checkCuration on a tiny corpus', () => {
  test('when one question is curated in two entries, we get an error naming both', () => {
    const seeds = tinySeeds();
    seeds.qa[1].questions.en = ['When does the new road open?'];
    const duplicate = findingsFor(seeds).find((f) => f.check === 'duplicate-question');
    expect(duplicate?.level).toBe('error');
    expect(duplicate?.where).toBe('qa[maintenance]');
    expect(duplicate?.message).toContain('road-opening');
  });

  test('when entries are thin, we get warnings with the action to take', () => {
    const findings = findingsFor();
    const phrasings = findings.filter((f) => f.check === 'phrasings');
    expect(phrasings.map((f) => f.where).sort()).toEqual(['qa[maintenance]', 'qa[road-opening]']);
    expect(phrasings[0]?.action).toMatch(/^add \d+ more phrasings$/);
    const languages = findings.find((f) => f.where === 'qa[maintenance]' && f.check === 'languages');
    expect(languages?.message).toContain('en');
  });

  test('when a paragraph has no entry, coverage says a new entry is needed', () => {
    const seeds = tinySeeds();
    seeds.qa = [seeds.qa[0], { ...seeds.qa[0], id: 'road-again', questions: { ar: ['هل يفتح الطريق صيفا؟'] } }];
    const gap = findingsFor(seeds).find((f) => f.check === 'coverage' && f.where === 'paragraph 2');
    expect(gap?.action).toBe('new entry needed');
  });
});

describe('checkCuration on the real seeds', () => {
  test('there is no error (duplicates, missing translations): CI runs npm run check-data too', () => {
    const corpus = loadCorpus();
    const errors = checkCuration(corpus, createAnswerer(corpus)).filter((f) => f.level === 'error');
    expect(errors).toEqual([]);
  });
});
