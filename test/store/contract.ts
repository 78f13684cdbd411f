/**
 * The behaviour every FeedbackStore must have, run against each engine by sqlite.test.ts and postgres.test.ts. Each
 * test gets a fresh, empty database from the engine's harness.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { FeedbackStore, PickEvent, QuestionEvent, VoteEvent } from '../../src/store/types.ts';

/** One empty database for one test. */
export interface StoreHarness {
  /** Opens a new connection to this test's database (call it again for a second, concurrent connection). */
  open(): Promise<FeedbackStore>;
  /** Drops the database (stores opened by `open` are closed before). */
  dispose(): Promise<void>;
}

/** Any instant; tests work at fixed times so that ordering and retention are exact. */
const T = 1_700_000_000_000;
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

export const answerEvent = (over: Partial<QuestionEvent> = {}): QuestionEvent => ({
  at: T,
  surface: 'slash',
  userHash: HASH_A,
  question: 'ماذا قال الأسد؟',
  normalized: 'ماذا قال الاسد',
  outcome: 'answer',
  ref: 'assad-enemy',
  paragraph: 4,
  confidence: 0.93,
  ...over,
});

export const noAnswerEvent = (over: Partial<QuestionEvent> = {}): QuestionEvent => ({
  at: T,
  surface: 'dm',
  userHash: HASH_B,
  question: 'What did Trump say?',
  normalized: 'what did trump say',
  outcome: 'no-answer',
  confidence: 0,
  reason: 'not-in-article',
  ...over,
});

const voteEvent = (over: Partial<VoteEvent> = {}): VoteEvent => ({
  at: T,
  surface: 'slash',
  userHash: HASH_A,
  messageId: '1234567890123456789',
  ref: 'assad-enemy',
  vote: 1,
  ...over,
});

const pickEvent = (over: Partial<PickEvent> = {}): PickEvent => ({
  at: T,
  userHash: HASH_A,
  messageId: '1234567890123456789',
  ref: 'assad-enemy',
  picked: 'p12',
  ...over,
});

/** Strings that must come back exactly: Arabic with harakat, tatweel, hamza forms, bidi and zero-width marks,
 * presentation forms, NFD vs NFC, emoji with ZWJ and skin tone, astral CJK, Arabic-Indic digits. */
export const UNICODE_SAMPLES: readonly string[] = Object.freeze([
  'قالَ فالِحُ الفيّاضِ: «العدوُّ مشتركٌ والمعركةُ واحدةٌ»',
  'المقـــداد أإآٱ ى ة ی ک ٠١٢٣٤٥٦٧٨٩ ۴۵۶',
  '\u200F\u202Bعربي\u202C \u2066English\u2069 \u200D\u200C\uFEFF',
  'ﻻ ﷲ ﺍﻟﻌﺮﺍﻕ',
  'e\u0301 \u00E9 \u0627\u0654 \u0623',
  '👍🏽 👨‍👩‍👧 🇮🇶 𠜎 \u{1F600}',
  'quotes \' " ` \\ ; -- /* */ DROP TABLE questions;',
  'line\nbreak\ttab\r\n',
]);

/**
 * Runs the store contract.
 *
 * @param name - engine name shown in the test titles.
 * @param createHarness - a fresh empty database per test.
 */
export function storeContract(name: string, createHarness: () => Promise<StoreHarness>): void {
  describe(`FeedbackStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let opened: FeedbackStore[];
    let store: FeedbackStore;
    const open = async () => {
      const s = await harness.open();
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      opened = [];
      harness = await createHarness();
      store = await open();
    });

    afterEach(async () => {
      for (const s of opened) await s.close();
      await harness.dispose();
    });

    test('a recorded question reads back with its id, answered or not, optional fields absent when unset', async () => {
      const id1 = await store.recordQuestion(answerEvent());
      const id2 = await store.recordQuestion(noAnswerEvent({ at: T + 1 }));
      expect(Number.isSafeInteger(id1)).toBe(true);
      expect(id2).toBeGreaterThan(id1);
      const snap = await store.snapshot(0);
      expect(snap.questions).toStrictEqual([
        { id: id1, ...answerEvent() },
        { id: id2, ...noAnswerEvent({ at: T + 1 }) },
      ]);
      expect(Object.keys(snap.questions[1] ?? {})).not.toContain('ref');
      expect(snap.votes).toEqual([]);
      expect(snap.picks).toEqual([]);
    });

    test('a vote is new, then unchanged when repeated, then changed when flipped; one row holds the latest', async () => {
      expect(await store.recordVote(voteEvent({ vote: 1 }))).toBe('new');
      expect(await store.recordVote(voteEvent({ vote: 1, at: T + 1 }))).toBe('unchanged');
      expect((await store.snapshot(0)).votes).toStrictEqual([voteEvent({ vote: 1 })]);
      expect(await store.recordVote(voteEvent({ vote: -1, at: T + 2, questionId: 7 }))).toBe('changed');
      expect(await store.recordVote(voteEvent({ vote: 1, at: T + 3 }))).toBe('changed');
      expect((await store.snapshot(0)).votes).toStrictEqual([voteEvent({ vote: 1, at: T + 3 })]);
    });

    test('one vote per user per message: other users and other messages are separate votes', async () => {
      const questionId = await store.recordQuestion(answerEvent());
      expect(await store.recordVote(voteEvent({ questionId }))).toBe('new');
      expect(await store.recordVote(voteEvent({ userHash: HASH_B, vote: -1, at: T + 1 }))).toBe('new');
      expect(await store.recordVote(voteEvent({ messageId: 'terminal-2', surface: 'terminal', at: T + 2 }))).toBe(
        'new',
      );
      expect((await store.snapshot(0)).votes).toStrictEqual([
        voteEvent({ questionId }),
        voteEvent({ userHash: HASH_B, vote: -1, at: T + 1 }),
        voteEvent({ messageId: 'terminal-2', surface: 'terminal', at: T + 2 }),
      ]);
    });

    // Bug fixed (break test 18, F9): a vote kept any question id its button carried, so a forged or stale one
    // linked it to no question, or to whichever question later got that id.
    test('a vote is linked to its question only if that question is recorded; otherwise it is kept unlinked', async () => {
      const questionId = await store.recordQuestion(answerEvent());
      expect(await store.recordVote(voteEvent({ questionId }))).toBe('new');
      expect(await store.recordVote(voteEvent({ userHash: HASH_B, questionId: questionId + 1000 }))).toBe('new');
      expect(await store.recordVote(voteEvent({ userHash: HASH_B, questionId: questionId + 1000, vote: -1 }))).toBe(
        'changed',
      );
      expect((await store.snapshot(0)).votes).toStrictEqual([
        voteEvent({ questionId }),
        voteEvent({ userHash: HASH_B, vote: -1 }),
      ]);
    });

    test('a pick is recorded, and a second pick by the same user on the same message replaces it', async () => {
      await store.recordVote(voteEvent({ vote: -1 }));
      await store.recordVote(voteEvent({ vote: -1, userHash: HASH_B }));
      await store.recordPick(pickEvent());
      await store.recordPick(pickEvent({ userHash: HASH_B, picked: 'none', at: T + 1 }));
      await store.recordPick(pickEvent({ picked: 'mekdad-coordination', at: T + 2 }));
      expect((await store.snapshot(0)).picks).toStrictEqual([
        pickEvent({ userHash: HASH_B, picked: 'none', at: T + 1 }),
        pickEvent({ picked: 'mekdad-coordination', at: T + 2 }),
      ]);
    });

    test('a pick is recorded only after that user’s 👎 on that message (a forged or stale pick button is not)', async () => {
      expect(await store.recordPick(pickEvent())).toBe(false);
      await store.recordVote(voteEvent({ vote: 1 }));
      expect(await store.recordPick(pickEvent())).toBe(false);
      await store.recordVote(voteEvent({ vote: -1, userHash: HASH_B }));
      expect(await store.recordPick(pickEvent())).toBe(false); // B's 👎 is not A's
      await store.recordVote(voteEvent({ vote: -1 }));
      expect(await store.recordPick(pickEvent())).toBe(true);
      expect((await store.snapshot(0)).picks).toStrictEqual([pickEvent()]);
    });

    // Bug fixed: a pick survived its user's change of vote to 👍, so the report counted "1 alternative picked"
    // against a 👍.
    test('a 👍 withdraws that user’s pick on that message; other users’ picks and other messages stay', async () => {
      await store.recordVote(voteEvent({ vote: -1 }));
      await store.recordVote(voteEvent({ vote: -1, userHash: HASH_B }));
      await store.recordVote(voteEvent({ vote: -1, messageId: 'terminal-2', surface: 'terminal' }));
      expect(await store.recordPick(pickEvent())).toBe(true);
      expect(await store.recordPick(pickEvent({ userHash: HASH_B, picked: 'none', at: T + 1 }))).toBe(true);
      expect(await store.recordPick(pickEvent({ messageId: 'terminal-2', at: T + 2 }))).toBe(true);
      expect(await store.recordVote(voteEvent({ vote: 1, at: T + 3 }))).toBe('changed');
      expect((await store.snapshot(0)).picks).toStrictEqual([
        pickEvent({ userHash: HASH_B, picked: 'none', at: T + 1 }),
        pickEvent({ messageId: 'terminal-2', at: T + 2 }),
      ]);
      // Back to 👎: the withdrawn pick does not come back, and a new pick is taken again.
      expect(await store.recordVote(voteEvent({ vote: -1, at: T + 4 }))).toBe('changed');
      expect((await store.snapshot(0)).picks).toHaveLength(2);
      expect(await store.recordPick(pickEvent({ at: T + 5 }))).toBe(true);
      expect((await store.snapshot(0)).picks).toContainEqual(pickEvent({ at: T + 5 }));
    });

    test('retention deletes rows strictly older than the cutoff in every table, and counts them', async () => {
      const cutoff = T;
      await store.recordQuestion(answerEvent({ at: cutoff - 1 }));
      const kept = await store.recordQuestion(answerEvent({ at: cutoff }));
      await store.recordVote(voteEvent({ at: cutoff - 86_400_000, messageId: 'old', vote: -1 }));
      await store.recordVote(voteEvent({ at: cutoff + 1, messageId: 'new', vote: -1 }));
      await store.recordPick(pickEvent({ at: cutoff - 1, messageId: 'old' }));
      await store.recordPick(pickEvent({ at: cutoff, messageId: 'new' }));

      expect(await store.deleteOlderThan(cutoff)).toBe(3);
      const snap = await store.snapshot(0);
      expect(snap.questions.map((q) => q.id)).toEqual([kept]);
      expect(snap.votes.map((v) => v.messageId)).toEqual(['new']);
      expect(snap.picks.map((p) => p.messageId)).toEqual(['new']);
      expect(await store.deleteOlderThan(cutoff)).toBe(0);
    });

    test('a changed vote takes its new time, so retention counts from the latest change', async () => {
      await store.recordVote(voteEvent({ at: T - 10 }));
      await store.recordVote(voteEvent({ at: T + 10, vote: -1 }));
      expect(await store.deleteOlderThan(T)).toBe(0);
      expect((await store.snapshot(0)).votes).toHaveLength(1);
    });

    test('snapshot lists rows in time order (ties in insertion order) from `since` on, inclusive', async () => {
      const times = [T + 30, T + 10, T + 20, T + 10, T];
      const ids: number[] = [];
      for (const [i, at] of times.entries()) {
        ids.push(await store.recordQuestion(answerEvent({ at, question: `q${i}` })));
        await store.recordVote(voteEvent({ at, messageId: `m${i}`, vote: -1 }));
        await store.recordPick(pickEvent({ at, messageId: `m${i}` }));
      }
      const snap = await store.snapshot(T + 10);
      expect(snap.questions.map((q) => q.question)).toEqual(['q1', 'q3', 'q2', 'q0']);
      expect(snap.questions.map((q) => q.id)).toEqual([ids[1], ids[3], ids[2], ids[0]]);
      expect(snap.votes.map((v) => v.messageId)).toEqual(['m1', 'm3', 'm2', 'm0']);
      expect(snap.picks.map((p) => p.messageId)).toEqual(['m1', 'm3', 'm2', 'm0']);
      expect((await store.snapshot(T + 31)).questions).toEqual([]);
      expect((await store.snapshot(0)).questions).toHaveLength(5);
    });

    test.each(UNICODE_SAMPLES.map((s, i) => [i, s] as const))(
      'unicode sample %i round-trips byte for byte in every text column',
      async (_i, text) => {
        const id = await store.recordQuestion(answerEvent({ question: text, normalized: text, ref: text }));
        await store.recordVote(voteEvent({ messageId: text, ref: text, vote: -1 }));
        await store.recordPick(pickEvent({ messageId: text, ref: text, picked: text }));
        const snap = await store.snapshot(0);
        const bytes = Buffer.from(text, 'utf8');
        const q = snap.questions.find((row) => row.id === id);
        for (const value of [q?.question, q?.normalized, q?.ref, snap.votes[0]?.messageId, snap.picks[0]?.picked]) {
          expect(value).toBe(text);
          expect(Buffer.from(value ?? '', 'utf8').equals(bytes)).toBe(true);
        }
      },
    );

    test('a 2,000-character question (Arabic, multi-byte) is kept whole', async () => {
      const question = 'عراق🇮🇶'.repeat(1000).slice(0, 2000);
      expect(question).toHaveLength(2000);
      const id = await store.recordQuestion(answerEvent({ question, normalized: question }));
      const row = (await store.snapshot(0)).questions.find((q) => q.id === id);
      expect(row?.question).toBe(question);
      expect(row?.normalized).toBe(question);
    });

    test('concurrent writes from two connections: unique ids, exactly one "new" per (message, user), nothing lost', async () => {
      const other = await open();
      const stores = [store, other];
      const questionIds = await Promise.all(
        Array.from({ length: 60 }, (_, i) => stores[i % 2]?.recordQuestion(answerEvent({ at: T + i }))),
      );
      expect(new Set(questionIds).size).toBe(60);

      // 10 messages × 2 users, each vote sent 4 times at once (2 per connection) with alternating values.
      const votes = Array.from({ length: 80 }, (_, i) => {
        const key = i % 20;
        return stores[i % 2]?.recordVote(
          voteEvent({
            messageId: `m${key % 10}`,
            userHash: key < 10 ? HASH_A : HASH_B,
            vote: Math.floor(i / 20) % 2 === 0 ? 1 : -1,
            at: T + i,
          }),
        );
      });
      const results = await Promise.all(votes);
      // Picks follow a 👎: settle user A's votes as 👎 first, then pick from both connections at once.
      for (let m = 0; m < 10; m++) await store.recordVote(voteEvent({ messageId: `m${m}`, vote: -1, at: T + 100 }));
      const picks = Array.from({ length: 40 }, (_, i) =>
        stores[i % 2]?.recordPick(pickEvent({ messageId: `m${i % 10}`, picked: `p${i}`, at: T + i })),
      );
      await Promise.all(picks);
      expect(results.filter((r) => r === 'new')).toHaveLength(20);
      const snap = await store.snapshot(0);
      expect(snap.questions).toHaveLength(60);
      expect(snap.votes).toHaveLength(20);
      expect(new Set(snap.votes.map((v) => `${v.messageId}/${v.userHash}`)).size).toBe(20);
      expect(snap.picks).toHaveLength(10);
    });

    test('a write is visible to another connection as soon as its promise resolves', async () => {
      const reader = await open();
      const id = await store.recordQuestion(answerEvent());
      await store.recordVote(voteEvent());
      const snap = await reader.snapshot(0);
      expect(snap.questions.map((q) => q.id)).toEqual([id]);
      expect(snap.votes).toHaveLength(1);
    });

    test('close is idempotent, and a closed store rejects instead of throwing synchronously', async () => {
      const s = await open();
      await s.close();
      await s.close();
      const pending = s.recordQuestion(answerEvent());
      expect(pending).toBeInstanceOf(Promise);
      await expect(pending).rejects.toThrow();
      await expect(s.snapshot(0)).rejects.toThrow();
    });
  });
}
