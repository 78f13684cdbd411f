/**
 * An in-memory {@link FeedbackStore} for the report's tests: the interface's semantics (one vote and one pick per
 * user per message, the latest replacing the earlier; snapshot in time order from `since`) without a database.
 * Also small builders of events, so a test states only what it is about.
 */
import { normalize } from '../../src/core/normalize.ts';
import type {
  FeedbackSnapshot,
  FeedbackStore,
  PickEvent,
  QuestionEvent,
  StoredPick,
  StoredQuestion,
  StoredVote,
  Surface,
  VoteEvent,
  VoteResult,
} from '../../src/store/types.ts';

/** 2024-05-01T12:00:00Z: tests count days from here. */
export const T0 = Date.UTC(2024, 4, 1, 12);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The FeedbackStore contract in memory. `closed` tells whether close() was called. */
export class FakeStore implements FeedbackStore {
  private readonly questions: StoredQuestion[] = [];
  private votes: StoredVote[] = [];
  private picks: StoredPick[] = [];
  closed = false;

  async recordQuestion(event: QuestionEvent): Promise<number> {
    const id = this.questions.length + 1;
    this.questions.push({ ...event, id });
    return id;
  }

  async recordVote(event: VoteEvent): Promise<VoteResult> {
    const same = (v: StoredVote) => v.userHash === event.userHash && v.messageId === event.messageId;
    const previous = this.votes.find(same);
    this.votes = [...this.votes.filter((v) => !same(v)), { ...event }];
    // As the real stores: a 👍 withdraws the same user's pick on that message.
    if (event.vote === 1) {
      this.picks = this.picks.filter((p) => p.userHash !== event.userHash || p.messageId !== event.messageId);
    }
    if (!previous) return 'new';
    return previous.vote === event.vote ? 'unchanged' : 'changed';
  }

  async recordPick(event: PickEvent): Promise<boolean> {
    const same = (p: StoredPick) => p.userHash === event.userHash && p.messageId === event.messageId;
    this.picks = [...this.picks.filter((p) => !same(p)), { ...event }];
    return true;
  }

  async deleteOlderThan(cutoff: number): Promise<number> {
    const before = this.questions.length + this.votes.length + this.picks.length;
    const keep = <T extends { at: number }>(rows: T[]) => rows.filter((r) => r.at >= cutoff);
    this.questions.splice(0, this.questions.length, ...keep(this.questions));
    this.votes = keep(this.votes);
    this.picks = keep(this.picks);
    return before - (this.questions.length + this.votes.length + this.picks.length);
  }

  async snapshot(since: number): Promise<FeedbackSnapshot> {
    const from = <T extends { at: number }>(rows: T[]) => rows.filter((r) => r.at >= since).sort((a, b) => a.at - b.at);
    return { questions: from(this.questions), votes: from(this.votes), picks: from(this.picks) };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** A question event as the recorder builds it: `normalized` from the core's normalize(). */
export function question(
  text: string,
  options: {
    at?: number;
    user?: string;
    surface?: Surface;
    ref?: string;
    paragraph?: number;
    confidence?: number;
    reason?: QuestionEvent['reason'];
  } = {},
): QuestionEvent {
  const answered = options.ref !== undefined;
  return {
    at: options.at ?? T0,
    surface: options.surface ?? 'slash',
    userHash: options.user ?? 'u1',
    question: text,
    normalized: normalize(text),
    outcome: answered ? 'answer' : 'no-answer',
    ...(answered ? { ref: options.ref as string } : {}),
    ...(options.paragraph !== undefined ? { paragraph: options.paragraph } : {}),
    confidence: answered ? (options.confidence ?? 0.9) : 0,
    ...(answered ? {} : { reason: options.reason ?? 'not-in-article' }),
  };
}

/** A vote event. */
export function vote(
  ref: string,
  value: 1 | -1,
  options: { at?: number; user?: string; message?: string; questionId?: number; surface?: Surface } = {},
): VoteEvent {
  return {
    at: options.at ?? T0,
    surface: options.surface ?? 'slash',
    userHash: options.user ?? 'u1',
    messageId: options.message ?? 'm1',
    ...(options.questionId !== undefined ? { questionId: options.questionId } : {}),
    ref,
    vote: value,
  };
}

/** A pick event. */
export function pick(
  ref: string,
  picked: string,
  options: { at?: number; user?: string; message?: string } = {},
): PickEvent {
  return { at: options.at ?? T0, userHash: options.user ?? 'u1', messageId: options.message ?? 'm1', ref, picked };
}

/**
 * A small realistic week: Iran asked about in two spellings and a dialect, a recipe, weak answers, votes on
 * al-Mekdad's statement with a pick and a "none". Used by the format tests and for the README's report example.
 */
export async function sampleStore(): Promise<FakeStore> {
  const store = new FakeStore();
  const ask = (text: string, o: Parameters<typeof question>[1] = {}) => store.recordQuestion(question(text, o));
  await ask('ماذا قالت إيران عن الرسالة؟', { user: 'a', at: T0 - 3 * DAY });
  await ask('ماذا قالت ايران عن الرساله؟', { user: 'b', at: T0 - 2 * DAY, surface: 'mention' });
  await ask('ماذا قالت إيران عن الرسالة؟', { user: 'c', at: T0 - DAY, surface: 'dm' });
  await ask('كيف أطبخ المقلوبة؟', { user: 'a', at: T0 - DAY, reason: 'off-topic' });
  await ask('شو دور ايران بالمقال؟', { user: 'd', at: T0 - 2 * DAY });
  await ask('شو دور ايران بالمقال؟', { user: 'e', at: T0 - HOUR });
  await ask('did russia help?', { user: 'c', at: T0 - DAY, ref: 'p10-quad-committee', paragraph: 10, confidence: 0.5 });
  const q1 = await ask('شو قال المقداد عن الجيش؟', {
    user: 'a',
    at: T0 - 2 * DAY,
    ref: 'p11-mekdad-statement',
    paragraph: 11,
  });
  const q2 = await ask('what did mekdad say about the army', {
    user: 'b',
    at: T0 - DAY,
    ref: 'p11-mekdad-statement',
    paragraph: 11,
  });
  const q3 = await ask('ماذا قال الأسد؟', {
    user: 'c',
    at: T0 - DAY,
    ref: 'p04-assad-said',
    paragraph: 4,
    confidence: 1,
  });
  await store.recordVote(
    vote('p11-mekdad-statement', -1, { user: 'a', message: 'm1', questionId: q1, at: T0 - 2 * DAY }),
  );
  await store.recordVote(vote('p11-mekdad-statement', -1, { user: 'b', message: 'm2', questionId: q2, at: T0 - DAY }));
  await store.recordVote(vote('p11-mekdad-statement', 1, { user: 'c', message: 'm2', questionId: q2, at: T0 - DAY }));
  await store.recordVote(vote('p04-assad-said', 1, { user: 'c', message: 'm3', questionId: q3, at: T0 - DAY }));
  await store.recordPick(
    pick('p11-mekdad-statement', 'p11-foreign-army', { user: 'a', message: 'm1', at: T0 - 2 * DAY }),
  );
  await store.recordPick(pick('p11-mekdad-statement', 'none', { user: 'b', message: 'm2', at: T0 - DAY }));
  return store;
}
