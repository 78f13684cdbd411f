import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { runChat } from '../../src/cli/chat.ts';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import { createLogger } from '../../src/logger.ts';
import { createRecorder, type Recorder } from '../../src/store/recorder.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { startRecording } from '../../src/store/start.ts';
import { MemoryRecorder } from '../fixtures/memory-recorder.ts';

const answerer = createAnswerer(loadCorpus());

/** Runs the chat in process on piped lines; returns the answer blocks in order. */
async function chat(lines: readonly string[], recorder?: Recorder): Promise<string[]> {
  const output = new PassThrough();
  let text = '';
  output.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  await runChat(answerer, Readable.from([`${lines.join('\n')}\n`]), output, {
    ...(recorder && { recorder }),
    userId: 'alice',
  });
  return text.split('\n\n').filter((block) => block.trim() !== '');
}

test('follow-ups in the terminal refer to the last answer: "and al-Mekdad?", "what else did he say?", "who is he?"', async () => {
  const blocks = await chat(['ماذا قال الأسد؟', 'and al-Mekdad?', 'وماذا قال أيضا؟', 'who is he?', 'exit']);
  expect(blocks).toHaveLength(4);
  expect(blocks[0]).toContain('— بشار الأسد');
  expect(blocks[1]).toContain('— فيصل المقداد');
  expect(blocks[2]).toContain('— فيصل المقداد');
  const paragraphOf = (block: string | undefined) => /paragraph (\d+)/.exec(block ?? '')?.[1];
  expect(paragraphOf(blocks[2])).not.toBe(paragraphOf(blocks[1]));
  expect(blocks[3]).toContain('المقداد');
});

test('a follow-up as the first line asks who is meant instead of guessing', async () => {
  const [block] = await chat(['what else did he say?']);
  expect(block).toContain('Who do you mean?');
});

test('questions are recorded with the terminal surface; "good" then "bad" changes one vote; a pick is recorded', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(['ماذا قال المقداد عن التنسيق؟', 'good', 'bad', '1', 'exit'], recorder);
  expect(recorder.questions).toHaveLength(1);
  expect(recorder.questions[0]).toMatchObject({ surface: 'terminal', userId: 'alice' });
  expect(blocks[1]).toContain('Recorded as a good answer');
  expect(recorder.votes.size).toBe(1);
  const [vote] = [...recorder.votes.values()];
  expect(vote).toMatchObject({ vote: -1, surface: 'terminal', questionId: 1 });
  expect(blocks[2]).toContain('Was one of these the right answer?');
  expect(recorder.picks).toHaveLength(1);
  expect(recorder.picks[0]).toMatchObject({ messageId: vote?.messageId, ref: vote?.ref });
  expect(blocks[3]).toContain('Recorded. That answer:');
  expect(answerer.corpus.text).toContain(/«([^»]+)»/.exec(blocks[3] ?? '')?.[1]);
});

test('rating before any answer says there is nothing to rate', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(['good'], recorder);
  expect(blocks[0]).toContain('Nothing to rate');
  expect(recorder.votes.size).toBe(0);
});

// Bug fixed: with RECORD=off, "bad" listed nothing, the "2" that followed was asked as a question (replacing the
// answer), and "bad" again said "Nothing to rate".
test('with recording off, good and bad say so and what to set; a number after them is not a question', async () => {
  const off = new MemoryRecorder();
  off.feedbackOn.clear();
  const blocks = await chat(['good', 'What did Abadi say in his message?', 'bad', '2', 'bad', '٣'], off);
  for (const i of [0, 2, 4]) {
    expect(blocks[i]).toContain('Ratings are not recorded: recording is off (RECORD=off)');
    expect(blocks[i]).toContain('set RECORD=on');
  }
  expect(blocks[3]).toContain('Nothing to pick: ratings are not recorded (RECORD=off');
  expect(blocks[5]).toContain('Nothing to pick');
  expect(blocks).toHaveLength(6);
  expect(off.questions.map((q) => q.question)).toEqual(['What did Abadi say in his message?']);
  expect(off.votes.size).toBe(0);
  expect(off.picks).toHaveLength(0);
});

// Bug fixed (break18): "none" with no list was asked, declined as off-topic and recorded for the curators.
test('"none" with no list to pick from says so and records no question', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(['none', 'ماذا قال الأسد؟', 'none'], recorder);
  expect(blocks[0]).toContain('There is no list to pick from');
  expect(blocks[2]).toContain('There is no list to pick from');
  expect(recorder.questions.map((q) => q.question)).toEqual(['ماذا قال الأسد؟']);
  expect(recorder.picks).toHaveLength(0);
});

test('a number right after a rating is never a question; after an answer it still is', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(['ماذا قال الأسد؟', 'good', '1', '12', 'ماذا قال الأسد؟', '1'], recorder);
  expect(blocks[2]).toContain('There is no list to pick from');
  expect(blocks[3]).toContain('There is no list to pick from');
  expect(recorder.picks).toHaveLength(0);
  expect(recorder.questions.map((q) => q.question)).toEqual(['ماذا قال الأسد؟', 'ماذا قال الأسد؟', '1']);
});

// Bug fixed: after "bad" on an English question the list mixed "paragraph 8, Haider al-Abadi" with Arabic questions.
test('the pick list follows the question: English labels for an English question, Arabic for an Arabic one', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(
    ['What did Abadi say in his message?', 'bad', 'ماذا قال العبادي في رسالته؟', 'bad', '12', '١'],
    recorder,
  );
  const items = (block: string | undefined) => (block ?? '').split('\n').filter((l) => /^ {2}\d+\. /.test(l));
  expect(items(blocks[1]).length).toBeGreaterThan(0);
  for (const item of items(blocks[1])) expect(item).not.toMatch(/[\u0600-\u06ff]/);
  expect(items(blocks[3]).length).toBeGreaterThan(0);
  for (const item of items(blocks[3])) expect(item).toMatch(/[\u0600-\u06ff]/);
  // Two digits out of range keep the offer; an Arabic-Indic digit picks.
  expect(blocks[4]).toContain('Type a number from 1 to');
  expect(blocks[5]).toContain('Recorded. That answer:');
  expect(recorder.picks).toHaveLength(1);
});

// Bug fixed: "bad" after a declined question rated (and picked for) the answer before it.
test('after a reply with no answer, good/bad rate nothing', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(['ماذا قال الأسد؟', 'What did Trump say?', 'bad', '1'], recorder);
  expect(blocks[2]).toContain('Nothing to rate');
  expect(recorder.votes.size).toBe(0);
  expect(recorder.picks).toHaveLength(0);
});

// Bug fixed: a number out of range dropped the offer, so the next (valid) number was taken for a question.
test('after a number out of range, the offer stands', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(['ماذا قال المقداد عن التنسيق؟', 'bad', '7', '1'], recorder);
  expect(blocks[2]).toContain('Type a number from 1 to');
  expect(recorder.picks).toHaveLength(1);
});

// Bug fixed (break12): "-1" while a pick was offered was read as a second 👎 and restarted the rating.
test('after "bad", -1 is a number out of range, not a rating', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(['ماذا قال المقداد عن التنسيق؟', 'bad', '-1', '1.5', '1'], recorder);
  expect(blocks[2]).toMatch(/^Type a number from 1 to \d, or "none"\.$/);
  // Bug fixed (break13): "1.5" was asked as a question and the list was dropped.
  expect(blocks[3]).toMatch(/^Type a number from 1 to \d, or "none"\.$/);
  expect(recorder.votes.size).toBe(1);
  expect(recorder.picks).toHaveLength(1);
});

// Bug fixed: after "bad", "0" was recorded as "none of these was right"; "4" was out of range.
test('after "bad", 0 is out of range like any unlisted number; only a "none" word records none', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(['shu 2al el asad?', 'bad', '0', '٠', '00', 'None!'], recorder);
  expect(blocks[1]).toContain('Was one of these the right answer?');
  for (const i of [2, 3, 4]) expect(blocks[i]).toMatch(/^Type a number from 1 to \d, or "none"\.$/);
  expect(blocks[5]).toBe('Thanks, noted: none of these was right.');
  expect(recorder.picks.map((p) => p.picked)).toEqual(['none']);
});

// Bug fixed: good/bad after the speakers list, the help or a paragraph display re-rated the answer shown replies
// before, and the report turned a 👎 on a paragraph display into "add an entry quoting the clause".
test('a rating refers only to the reply just above it: after speakers, help or a paragraph display there is nothing to rate', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(
    ['ماذا قال الأسد؟', 'paragraph 4', 'bad', '1', 'speakers', 'good', 'help', 'bad', 'ماذا قال الطائي؟', 'good'],
    recorder,
  );
  expect(blocks[2]).toContain('Nothing to rate: a paragraph shown on request is the article itself');
  expect(blocks[3]).toContain('There is no list to pick from');
  expect(blocks[5]).toContain('Nothing to rate: only an answer can be rated, right after it');
  expect(blocks[7]).toContain('Nothing to rate: only an answer can be rated, right after it');
  expect(blocks[9]).toContain('Recorded as a good answer');
  expect([...recorder.votes.values()].map((v) => [v.ref, v.vote])).toEqual([['p09-taei-statement', 1]]);
  // The paragraph display is still a question asked (its answer is shown); only the rating is refused.
  expect(recorder.questions.map((q) => q.question)).toEqual(['ماذا قال الأسد؟', 'paragraph 4', 'ماذا قال الطائي؟']);
});

test('a rating may be changed right after it, and after a pick there is nothing more to rate', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(['ماذا قال المقداد عن التنسيق؟', 'bad', 'good', 'bad', '1', 'good'], recorder);
  expect(blocks[2]).toContain('Recorded as a good answer');
  expect(blocks[4]).toContain('Recorded. That answer:');
  expect(blocks[5]).toContain('Nothing to rate: your choice above is recorded');
  expect([...recorder.votes.values()].map((v) => v.vote)).toEqual([-1]);
  expect(recorder.picks).toHaveLength(1);
});

// Bug fixed: «مساعده», "/help", "!help", "exit!", "list speakers" and سيء were asked as questions.
test('commands and rating words are folded like questions: مساعده, /help, !help, list speakers, سيء, exit!', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(
    ['مساعده', '/help', '!help', 'list speakers', 'ماذا قال الأسد؟', 'سيء', 'exit!', 'ماذا قال الطائي؟'],
    recorder,
  );
  for (const i of [0, 1, 2]) expect(blocks[i]).toContain('Commands: help, speakers');
  expect(blocks[3]).toContain('Wahab al-Taei: adviser');
  expect(blocks[5]).toContain('Thanks, recorded');
  expect([...recorder.votes.values()].map((v) => v.vote)).toEqual([-1]);
  expect(blocks).toHaveLength(6);
  expect(recorder.questions.map((q) => q.question)).toEqual(['ماذا قال الأسد؟']);
});

// Bug fixed: the report suggested adding "and al-Taei?" to an entry: follow-ups depend on the answer before.
test('follow-ups are answered but not recorded as questions', async () => {
  const recorder = new MemoryRecorder();
  await chat(['ماذا قال الأسد؟', 'and al-Mekdad?', 'what else did he say?'], recorder);
  expect(recorder.questions.map((q) => q.question)).toEqual(['ماذا قال الأسد؟']);
});

test('with the SQLite file locked by another connection, the answer comes at once and "good" says to try again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-chat-locked-'));
  const path = join(dir, 'feedback.sqlite');
  const store = openSqliteStore({ path });
  const recorder = createRecorder({ store, secret: 'chat-locked', recordDms: false, logger: createLogger('silent') });
  const locker = new Database(path);
  try {
    locker.exec('BEGIN EXCLUSIVE');
    const started = performance.now();
    const blocks = await chat(['ماذا قال الأسد؟', 'good', 'exit'], recorder);
    // Before: 5 s per write, the terminal frozen meanwhile.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(blocks[0]).toContain('— بشار الأسد');
    expect(blocks[1]).toBe('Sorry, the rating could not be recorded right now. Please try again in a moment.');
  } finally {
    if (locker.inTransaction) locker.exec('COMMIT');
    locker.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Bug fixed: with the file locked at start (the chat answers without recording until the next start), "good" said
// "recording is off (RECORD=off) … set RECORD=on", although RECORD was on and setting it changes nothing.
test('with the SQLite file locked by another process at start, good/bad say so and that a restart resumes recording', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-chat-locked-start-'));
  const path = join(dir, 'feedback.sqlite');
  const locker = new Database(path);
  try {
    locker.exec('BEGIN EXCLUSIVE');
    const recording = await startRecording(
      {
        enabled: true,
        databasePath: path,
        userHashSecret: 'chat-locked-at-start',
        retentionDays: 90,
        recordDms: false,
      },
      createLogger('silent'),
    );
    const blocks = await chat(['ماذا قال الأسد؟', 'good', '2', 'bad'], recording.recorder);
    await recording.close();
    expect(blocks[0]).toContain('— بشار الأسد');
    for (const i of [1, 3]) {
      expect(blocks[i]).toContain('Ratings are not recorded: the feedback store (DATABASE_PATH) was locked');
      expect(blocks[i]).toContain('restart to record ratings again');
      expect(blocks[i]).not.toContain('RECORD=');
    }
    expect(blocks[2]).toContain('Nothing to pick: ratings are not recorded (the store was locked at start');
    expect(blocks[2]).not.toContain('RECORD=');
  } finally {
    if (locker.inTransaction) locker.exec('COMMIT');
    locker.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 20_000);

test('"did X say…?" about words the article gives to another shows whose words they are and whose they are not', async () => {
  const [block] = await chat(['was it al-Abadi who said the enemy is common?']);
  expect(block).toContain('— بشار الأسد');
  expect(block).toContain('not Haider al-Abadi: the article gives these words to Bashar al-Assad');
});

// Bug fixed (break10 #34, the chat's side): the piped chat wrote every reply without waiting, so a slow reader let
// replies pile up in memory; now a line is read only once the reply before it has room.
test('with piped input and a slow reader, the chat answers a line only once the reply before it is taken', async () => {
  const questions = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'ما طول الحدود؟' : 'What did Mekdad say?'));
  let taken = 0;
  let mostAhead = 0;
  // Each question is recorded as it is answered: the count of recorded questions is the count answered.
  class CountingRecorder extends MemoryRecorder {
    override async question(input: Parameters<Recorder['question']>[0]): Promise<number | undefined> {
      mostAhead = Math.max(mostAhead, this.questions.length + 1 - taken);
      return super.question(input);
    }
  }
  const output = new Writable({
    highWaterMark: 16,
    write(_chunk, _encoding, done) {
      taken++;
      setImmediate(done);
    },
  });
  await runChat(answerer, Readable.from([`${questions.join('\n')}\n`]), output, {
    recorder: new CountingRecorder(),
    userId: 'alice',
  });
  expect(taken).toBe(questions.length);
  expect(mostAhead).toBeLessThanOrEqual(1);
});

// Bug fixed (break10 #30): after a pick, "none" and another number were asked as questions, declined as off-topic
// and recorded, so `npm run report` listed «none» and «2» as unanswered questions.
test('after a pick, "none" or another number says the choice is already recorded and records nothing', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(['What did Mekdad say?', 'bad', '1', 'none', '2', '٣', 'ولا واحد'], recorder);
  expect(blocks[2]).toContain('Recorded. That answer:');
  for (const block of blocks.slice(3)) {
    expect(block).toBe(
      'Nothing to pick: your choice above is already recorded (one per answer). Ask another question to rate its answer.',
    );
  }
  expect(blocks).toHaveLength(7);
  expect(recorder.questions.map((q) => q.question)).toEqual(['What did Mekdad say?']);
  expect(recorder.picks).toHaveLength(1);
  expect(recorder.picks[0]?.picked).not.toBe('none');
});

test('after a pick and then a question, a number is a question again (only the line after a pick is held)', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const blocks = await chat(['What did Mekdad say?', 'bad', 'none', 'ما طول الحدود؟', '605'], recorder);
  expect(blocks[2]).toContain('none of these was right');
  expect(recorder.questions.map((q) => q.question)).toEqual(['What did Mekdad say?', 'ما طول الحدود؟', '605']);
});

// Bug fixed (break10 #16): "show the whole article" printed paragraph 1 and the other thirteen as titles under
// "Other matches"; README promises the answer of "paragraphs 1 to 14", which is every paragraph.
test('"show the whole article" prints all 14 paragraphs whole, in order; "good" after it has nothing to rate', async () => {
  const recorder = new MemoryRecorder();
  recorder.feedbackOn.add('terminal');
  const text = (await chat(['show the whole article', 'good'], recorder)).join('\n\n');
  const { paragraphs } = answerer.corpus;
  expect(paragraphs).toHaveLength(14);
  let from = 0;
  for (const p of paragraphs) {
    const at = text.indexOf(`«${p.text}»`, from);
    expect(at, `paragraph ${p.number}`).toBeGreaterThanOrEqual(from);
    from = at;
    expect(text).toContain(`paragraph ${p.number} · `);
  }
  expect(text).not.toContain('Other matches');
  // English question: each paragraph's translation, labelled as ours.
  expect(text.match(/Translation of paragraph \d+ \(ours/g)).toHaveLength(14);
  expect(text).toContain('Nothing to rate: a paragraph shown on request is the article itself');
  expect(recorder.votes.size).toBe(0);
});

test('"paragraphs 3 to 5" prints paragraphs 3, 4 and 5 whole', async () => {
  const text = (await chat(['paragraphs 3 to 5'])).join('\n\n');
  for (const n of [3, 4, 5]) expect(text).toContain(`«${answerer.corpus.paragraphs[n - 1]?.text}»`);
  expect(text).not.toContain('paragraph 6 · ');
});

// Bug fixed: a range past the end was shortened without a word.
test('"paragraphs 13 to 20" says the article has 14 and prints 13 and 14', async () => {
  const text = (await chat(['paragraphs 13 to 20'])).join('\n\n');
  expect(text).toContain('The article has 14 paragraphs (1 to 14)');
  for (const n of [13, 14]) expect(text).toContain(`«${answerer.corpus.paragraphs[n - 1]?.text}»`);
});
