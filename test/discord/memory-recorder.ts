/**
 * A Recorder that keeps calls in memory, for tests of the Discord layer (the real policy and storage are tested in
 * test/store/). Votes follow the store's rule: one per user per message, a new one replaces the old.
 */
import type { Recorder } from '../../src/store/recorder.ts';
import type { Surface, VoteResult } from '../../src/store/types.ts';

type QuestionCall = Parameters<Recorder['question']>[0];
type VoteCall = Parameters<Recorder['vote']>[0];
type PickCall = Parameters<Recorder['pick']>[0];

export class MemoryRecorder implements Recorder {
  readonly questions: QuestionCall[] = [];
  readonly votes = new Map<string, VoteCall>();
  readonly picks: PickCall[] = [];
  /** Surfaces that take feedback. */
  feedbackOn = new Set<Surface>(['slash', 'mention', 'http']);
  /** When set, vote() and pick() reject with it (a full disk, a lost database). */
  failWith: Error | undefined;

  async question(input: QuestionCall): Promise<number | undefined> {
    this.questions.push(input);
    return this.questions.length;
  }

  acceptsFeedback(surface: Surface): boolean {
    return this.feedbackOn.has(surface);
  }

  async vote(input: VoteCall): Promise<VoteResult> {
    if (this.failWith) throw this.failWith;
    const key = `${input.messageId}:${input.userId}`;
    const before = this.votes.get(key);
    this.votes.set(key, input);
    if (!before) return 'new';
    return before.vote === input.vote ? 'unchanged' : 'changed';
  }

  async pick(input: PickCall): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.picks.push(input);
  }

  async close(): Promise<void> {}
}
