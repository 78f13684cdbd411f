/**
 * Synthetic corpora for the growth benchmark: the real seeds copied `factor` times, each copy after the first with
 * 30% of its words replaced by random Arabic-letter words, so the index grows without the questions getting easier.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus, cleanArticle, SEED_FILES, splitParagraphs } from '../src/core/corpus.ts';
import type { Corpus } from '../src/core/types.ts';

const ARABIC = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

/** A deterministic pseudo-random generator (mulberry32), so runs compare. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticWord(random: () => number): string {
  const length = 3 + Math.floor(random() * 6);
  let word = '';
  for (let i = 0; i < length; i++) word += ARABIC[Math.floor(random() * ARABIC.length)];
  return word;
}

/** The real seeds scaled `factor` times: each paragraph and entry copied with 30% of their words replaced. */
export function syntheticCorpus(root: string, factor: number): Corpus {
  const random = rng(factor);
  const raw = readFileSync(join(root, 'seeds', SEED_FILES.article), 'utf8');
  const paragraphs = splitParagraphs(cleanArticle(raw));
  const annotations = JSON.parse(readFileSync(join(root, 'seeds', SEED_FILES.paragraphs), 'utf8')) as Array<{
    speaker: string;
    translation: string;
  }>;
  const qa = JSON.parse(readFileSync(join(root, 'seeds', SEED_FILES.qa), 'utf8')) as Array<{
    id: string;
    paragraph: number;
    translation: string;
    questions: Record<string, string[]>;
  }>;
  const mutate = (text: string) =>
    text
      .split(' ')
      .map((w) => (random() < 0.3 ? syntheticWord(random) : w))
      .join(' ');
  const texts: string[] = [];
  const outAnnotations: unknown[] = [];
  const entries: unknown[] = [];
  for (let copy = 0; copy < factor; copy++) {
    paragraphs.forEach((p, i) => {
      const text = copy === 0 ? p : mutate(p);
      texts.push(text);
      outAnnotations.push({
        paragraph: texts.length,
        speaker: annotations[i]?.speaker,
        translation: annotations[i]?.translation,
        quotes: [],
      });
    });
    for (const e of qa) {
      const paragraphNumber = copy * paragraphs.length + e.paragraph;
      const text = texts[paragraphNumber - 1] ?? '';
      entries.push({
        id: `${e.id}-${copy}`,
        paragraph: paragraphNumber,
        quote: text.split(' ').slice(0, 8).join(' '),
        translation: e.translation,
        questions: Object.fromEntries(
          Object.entries(e.questions).map(([lang, qs]) => [lang, qs.map((q) => (copy === 0 ? q : mutate(q)))]),
        ),
      });
    }
  }
  return buildCorpus({
    article: texts.join('\n\n'),
    speakers: JSON.parse(readFileSync(join(root, 'seeds', SEED_FILES.speakers), 'utf8')),
    paragraphs: outAnnotations,
    qa: entries,
    concepts: JSON.parse(readFileSync(join(root, 'seeds', SEED_FILES.concepts), 'utf8')),
  });
}
