/**
 * PLACEHOLDER until the store branch lands: the Recorder interface the adapters call, and a recorder that records
 * nothing. Replaced by the full implementation (createRecorder) from the `store` branch.
 */
import type { Reply } from '../core/types.ts';
import type { Surface, VoteResult } from './types.ts';

export interface Recorder {
  question(input: {
    surface: Surface;
    userId: string;
    question: string;
    reply: Reply;
    at?: number;
  }): Promise<number | undefined>;
  acceptsFeedback(surface: Surface): boolean;
  vote(input: {
    surface: Surface;
    userId: string;
    messageId: string;
    questionId?: number;
    ref: string;
    vote: 1 | -1;
    at?: number;
  }): Promise<VoteResult>;
  pick(input: { userId: string; messageId: string; ref: string; picked: string; at?: number }): Promise<void>;
  close(): Promise<void>;
}

export const NULL_RECORDER: Recorder = Object.freeze({
  question: async () => undefined,
  acceptsFeedback: () => false,
  vote: async () => 'unchanged' as const,
  pick: async () => {},
  close: async () => {},
});
