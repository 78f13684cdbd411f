/** Small hand-built core replies for the store tests (no answerer needed). */
import type { Answer, NoAnswer } from '../../src/core/types.ts';

const ASSAD = {
  id: 'assad',
  nameAr: 'بشار الأسد',
  nameEn: 'Bashar al-Assad',
  role: 'President of Syria',
  roleAr: 'الرئيس السوري',
};

/** An answer from a curated entry (ref = its id) unless `over` says otherwise. */
export const answerReply = (over: Partial<Answer> = {}): Answer => ({
  kind: 'answer',
  quote: 'فالعدو مشترك والمعركة واحدة',
  speaker: ASSAD,
  paragraph: 4,
  direct: true,
  source: 'qa',
  confidence: 0.91,
  entryId: 'assad-enemy',
  alternatives: [],
  script: 'arabic',
  ...over,
});

export const noAnswerReply = (over: Partial<NoAnswer> = {}): NoAnswer => ({
  kind: 'no-answer',
  reason: 'not-in-article',
  message: 'The article does not say.',
  suggestions: [],
  script: 'latin',
  ...over,
});
