/**
 * Several paragraphs asked for (src/paragraphListing.ts): told from answers chosen for a question, and listed whole.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { asksForParagraph } from '../src/core/commandWords.ts';
import type { Answer } from '../src/core/types.ts';
import { isParagraphListing, listedParagraphs } from '../src/paragraphListing.ts';
import { realAnswerer } from './discord/harness.ts';

const answerer = realAnswerer();
const { paragraphs } = answerer.corpus;

function answerTo(question: string): Answer {
  const reply = answerer.ask(question);
  if (reply.kind !== 'answer') throw new Error(`no answer to ${question}: ${reply.message}`);
  return reply;
}

describe('isParagraphListing', () => {
  test.each([
    ['show the whole article', paragraphs.map((p) => p.number)],
    ['اعرض المقال كاملا', paragraphs.map((p) => p.number)],
    ['الفقرات من 1 إلى 14', paragraphs.map((p) => p.number)],
    ['paragraphs 3 to 5', [3, 4, 5]],
    ['paragraphs 5 and 3', [5, 3]],
  ])('%j lists paragraphs %j, each whole', (question, numbers) => {
    const answer = answerTo(question);
    expect(isParagraphListing(answer)).toBe(true);
    const listed = listedParagraphs(answer);
    expect(listed.map((a) => a.paragraph)).toEqual(numbers);
    expect(listed.map((a) => a.quote)).toEqual(numbers.map((n) => paragraphs[n - 1]?.text));
    for (const a of listed) {
      expect(a.alternatives).toEqual([]);
      expect(a.script).toBe(answer.script);
      expect(a.translation).toBe(paragraphs[a.paragraph - 1]?.translation);
    }
  });

  test('a single paragraph asked for is no listing: it is shown whole already', () => {
    expect(isParagraphListing(answerTo('paragraph 6'))).toBe(false);
  });

  // The core marks a listing (`listing`); an answer chosen for a question is never marked.
  test('no curated or labelled question that asks for no paragraph is answered with a listing', () => {
    const questions = new Set<string>();
    for (const entry of answerer.corpus.entries)
      for (const list of Object.values(entry.questions)) for (const q of list ?? []) questions.add(q);
    const evalDir = new URL('./eval/', import.meta.url);
    for (const file of readdirSync(evalDir).filter((f) => f.endsWith('.jsonl'))) {
      for (const line of readFileSync(new URL(file, evalDir), 'utf8').split('\n')) {
        if (line.trim() !== '') questions.add(JSON.parse(line).q);
      }
    }
    expect(questions.size).toBeGreaterThan(3000);
    const listings = [...questions].filter((q) => {
      const reply = answerer.ask(q);
      return reply.kind === 'answer' && isParagraphListing(reply) && !asksForParagraph(q, paragraphs.length);
    });
    expect(listings).toEqual([]);
  });
});
