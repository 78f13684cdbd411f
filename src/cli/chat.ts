/**
 * The terminal chat: the embedded default when no DISCORD_TOKEN is set. Interactive with a prompt on a
 * terminal; with piped input it answers each non-empty line in order and exits at `exit` or end of input.
 * Follow-ups refer to the last answer; `good` / `bad` rate it (recorded like Discord's 👍 / 👎 when recording is on).
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { asksForParagraph, commandKey, commandOf } from '../core/commandWords.ts';
import { Conversations, isFollowUp } from '../core/followup.ts';
import { ratingOf, saysNoneOfThese } from '../core/ratingWords.ts';
import { entryQuestion, refOf, resolveRef } from '../core/refs.ts';
import type { Answer, Answerer, Reply } from '../core/types.ts';
import { isParagraphListing } from '../paragraphListing.ts';
import { NULL_RECORDER, type Recorder, type RecordingOff } from '../store/recorder.ts';
import { formatHelp, formatReply, formatSpeakers } from './format.ts';
import { type InputError, readInputLines, writeText } from './io.ts';

/**
 * Why ratings are not recorded and what to do, said whenever one is not, per the recorder's reason: a store locked at
 * start is not fixed by RECORD=on (it is already on), so it must not be told to set it.
 */
const NOT_RECORDED: Readonly<Record<RecordingOff, { rating: string; pick: string }>> = {
  'record-off': {
    rating:
      "Ratings are not recorded: recording is off (RECORD=off). To record them for the curators' report, set " +
      'RECORD=on (or remove RECORD=off) in .env or the environment and restart.',
    pick: 'Nothing to pick: ratings are not recorded (RECORD=off; "good" or "bad" says what to set). Ask a question in words.',
  },
  'locked-at-start': {
    rating:
      'Ratings are not recorded: the feedback store (DATABASE_PATH) was locked by another process when this chat ' +
      'started, so it answers without recording until the next start. Once the other process has let go of the ' +
      'file, restart to record ratings again.',
    pick:
      'Nothing to pick: ratings are not recorded (the store was locked at start; "good" or "bad" says more). Ask ' +
      'a question in words.',
  },
};

/**
 * A line that is only a number (its {@link commandKey}: Arabic-Indic digits as ASCII, so "٢" is "2"): the pick the
 * user means after a rating, never a question.
 */
const BARE_NUMBER = /^\d+$/;
/** "-1", "1.5": a number that picks nothing (read as a pick out of range while a list is offered). */
const NUMBER_NOT_A_PICK = /^-?\d+(?:[.,]\d+)?$/;

/**
 * Why `good` / `bad` have nothing to rate, by the reply just above them: a rating is about that reply only, never
 * about an answer shown before it.
 */
const NOTHING_TO_RATE = {
  start: 'Nothing to rate: ask a question first.',
  'no-answer': 'Nothing to rate: ask a question first (a reply that found no answer cannot be rated).',
  command:
    'Nothing to rate: only an answer can be rated, right after it (help and the speakers list are not answers). ' +
    'Ask a question first.',
  paragraph:
    'Nothing to rate: a paragraph shown on request is the article itself, not an answer picked for a question. ' +
    'Ask a question, then rate its answer.',
  pick: 'Nothing to rate: your choice above is recorded. Ask another question to rate its answer.',
} as const;

/** The reply to a pick (a number, "none") when no list of other matches is waiting for one. */
const NO_LIST =
  'There is no list to pick from: a number or "none" picks only after "bad" lists the other matches. Ask a question in words.';

/** The reply to another pick right after one was recorded: one pick per answer, and it is not asked as a question. */
const ALREADY_PICKED =
  'Nothing to pick: your choice above is already recorded (one per answer). Ask another question to rate its answer.';

/** What `good` / `bad` rate: an answer shown, or why the reply just shown cannot be rated. */
type Rateable = Shown | keyof typeof NOTHING_TO_RATE;

/** Options of a {@link ChatSession}. */
export interface ChatOptions {
  /** Records questions and ratings. @defaultValue {@link NULL_RECORDER} (nothing recorded) */
  recorder?: Recorder;
  /** Who is chatting, as the recorder hashes it (main.ts passes the OS user name). @defaultValue 'terminal' */
  userId?: string;
}

/** An answer shown, which `good` / `bad` rate. */
interface Shown {
  answer: Answer;
  /** A terminal answer id (random), the "message" a vote is about. */
  messageId: string;
  questionId?: number;
}

/**
 * One terminal conversation: follow-ups, ratings and the pick after `bad`. Lines are handled one at a time, in
 * order ({@link ChatSession.respond} is awaited before the next line).
 */
export class ChatSession {
  private readonly conversations: Conversations;
  private readonly recorder: Recorder;
  private readonly userId: string;
  /** What `good` / `bad` rate: the answer just shown, or why the reply just shown cannot be rated. */
  private rateable: Rateable = 'start';
  /** After `bad`: the alternatives offered, numbered from 1, with their labels. */
  private offered: { shown: Shown; refs: string[] } | undefined;
  /** The last line was `good` or `bad`: a number typed now answers that, whatever the rating's outcome. */
  private afterRating = false;
  /** The last line recorded a pick (or repeated one): another number or "none" now changes one's mind, no question. */
  private afterPick = false;

  constructor(
    private readonly answerer: Answerer,
    options: ChatOptions = {},
  ) {
    this.conversations = new Conversations(answerer);
    this.recorder = options.recorder ?? NULL_RECORDER;
    this.userId = options.userId ?? 'terminal';
  }

  /** The reply to one line (a command, a rating, a pick or a question); undefined means "exit". Never rejects. */
  async respond(line: string): Promise<string | undefined> {
    const key = commandKey(line);
    const offered = this.offered;
    const afterRating = this.afterRating;
    const afterPick = this.afterPick;
    this.offered = undefined;
    this.afterRating = false;
    this.afterPick = false;
    const command = commandOf(line);
    if (command === 'exit') return undefined;
    if (command !== undefined) {
      this.rateable = 'command';
      return command === 'help' ? formatHelp(this.answerer) : formatSpeakers(this.answerer);
    }
    // "-1" or "1.5" while a list waits for a pick is a number out of range, not a second 👎 nor a question.
    if (offered && NUMBER_NOT_A_PICK.test(key)) return this.pick(offered, key);
    const rating = ratingOf(line);
    if (rating !== undefined) {
      this.afterRating = true;
      return this.rate(rating);
    }
    const picks = saysNoneOfThese(line) || BARE_NUMBER.test(key);
    if (offered && picks) return this.pick(offered, key);
    // "none" or "2" right after a pick is a second thought about the same list, not a question: asked, it was
    // declined as off-topic and recorded, so the curators' report listed «none» and «2» as unanswered.
    if (afterPick && picks) {
      this.afterPick = true;
      return ALREADY_PICKED;
    }
    // "2" right after a rating means a pick, even when no list was offered: asked as a question, it would answer
    // nonsense and replace the answer being rated. "none" with no list anywhere means the same (asked, it was
    // declined as off-topic and recorded for the curators).
    if ((afterRating && BARE_NUMBER.test(key)) || saysNoneOfThese(line)) {
      this.afterRating = afterRating;
      return this.recorder.acceptsFeedback('terminal') ? NO_LIST : this.notRecorded().pick;
    }
    return this.ask(line);
  }

  private async ask(question: string): Promise<string> {
    const reply = this.conversations.ask(this.userId, question);
    // A follow-up ("and al-Taei?") means nothing without the answer before it: not a phrasing for the curators.
    const questionId = isFollowUp(question, this.answerer)
      ? undefined
      : await this.recorder.question({ surface: 'terminal', userId: this.userId, question, reply });
    this.rateable = this.rateableOf(question, reply, questionId);
    return formatReply(reply);
  }

  /**
   * What `good` / `bad` typed next rate: this reply when it is an answer chosen for the question; after a no-answer
   * or a paragraph shown on request, why there is nothing to rate (never the answer before it).
   */
  private rateableOf(question: string, reply: Reply, questionId: number | undefined): Rateable {
    if (reply.kind === 'no-answer') return 'no-answer';
    // "show the whole article" names no paragraph number, yet lists them: the article itself, as "paragraph 4" is.
    if (asksForParagraph(question, this.answerer.corpus.paragraphs.length) || isParagraphListing(reply)) {
      return 'paragraph';
    }
    return { answer: reply, messageId: `t-${randomUUID()}`, ...(questionId !== undefined && { questionId }) };
  }

  private async rate(vote: 1 | -1): Promise<string> {
    // Said first: with recording off no rating is ever recorded, whatever was asked before.
    if (!this.recorder.acceptsFeedback('terminal')) return this.notRecorded().rating;
    const shown = this.rateable;
    if (typeof shown === 'string') return NOTHING_TO_RATE[shown];
    try {
      await this.recorder.vote({
        surface: 'terminal',
        userId: this.userId,
        messageId: shown.messageId,
        ...(shown.questionId !== undefined && { questionId: shown.questionId }),
        ref: refOf(shown.answer),
        vote,
      });
    } catch {
      return 'Sorry, the rating could not be recorded right now. Please try again in a moment.';
    }
    if (vote === 1) return 'Thanks! Recorded as a good answer (type "bad" to change it).';
    const refs = [...new Set(shown.answer.alternatives.map(refOf))].filter((r) => r !== refOf(shown.answer));
    if (refs.length === 0) return 'Thanks, recorded as a bad answer; the curators will look at this question.';
    this.offered = { shown, refs };
    const lines = refs.map((ref, i) => `  ${i + 1}. ${this.labelOf(ref, shown.answer)}`);
    return ['Thanks, recorded. Was one of these the right answer? Type its number, or "none":', ...lines].join('\n');
  }

  /** What to say when ratings are not recorded; a recorder that gives no reason is taken as RECORD=off. */
  private notRecorded(): { rating: string; pick: string } {
    return NOT_RECORDED[this.recorder.off ?? 'record-off'];
  }

  /** Records the pick `key` (a number from 1, or a "none" word) among the alternatives offered after `bad`. */
  private async pick(offered: { shown: Shown; refs: string[] }, key: string): Promise<string> {
    const picked = saysNoneOfThese(key) ? 'none' : offered.refs[Number(key) - 1];
    if (picked === undefined) {
      this.offered = offered; // still waiting for a valid choice
      return `Type a number from 1 to ${offered.refs.length}, or "none".`;
    }
    try {
      await this.recorder.pick({
        userId: this.userId,
        messageId: offered.shown.messageId,
        ref: refOf(offered.shown.answer),
        picked,
      });
    } catch {
      return 'Sorry, your choice could not be recorded right now. Please try again in a moment.';
    }
    // The pick is the last word on that answer; the alternative it shows is not an answer to rate.
    this.rateable = 'pick';
    this.afterPick = true;
    const answer = picked === 'none' ? undefined : resolveRef(this.answerer, picked, offered.shown.answer.script);
    return answer ? `Recorded. That answer:\n${formatReply(answer)}` : 'Thanks, noted: none of these was right.';
  }

  /**
   * The alternative's label as the answer listed it under "Other matches", in the question's script (an English
   * question gets English labels, an Arabic one Arabic labels); a curated question or the paragraph otherwise.
   */
  private labelOf(ref: string, answer: Answer): string {
    const listed = answer.alternatives.find((a) => refOf(a) === ref)?.label;
    if (listed) return listed;
    const latin = answer.script === 'latin';
    const question = entryQuestion(this.answerer, ref, answer.script);
    if (question) return question;
    const resolved = resolveRef(this.answerer, ref, answer.script);
    if (!resolved) return ref;
    return latin
      ? `Paragraph ${resolved.paragraph} (${resolved.speaker.nameEn})`
      : `الفقرة ${resolved.paragraph} (${resolved.speaker.nameAr})`;
  }
}

/**
 * Runs the chat on the given streams until `exit` or end of input. Resolves when done. On a terminal it
 * prompts; with piped input it answers each non-empty line in order and stops at `exit`, reading a line only once the
 * reply before it has room in `output`. Rejects with an {@link InputError} when the input cannot be read (a directory
 * as stdin), and with the stream's error when `output` fails (main.ts ends the program on stdout's 'error' first).
 */
export async function runChat(
  answerer: Answerer,
  input: NodeJS.ReadableStream = process.stdin,
  output: Writable = process.stdout,
  options: ChatOptions = {},
): Promise<void> {
  const session = new ChatSession(answerer, options);
  // Awaited: with piped input and a slow reader, the next line is read once the reply before it has room.
  const write = (text: string): Promise<void> => writeText(output, `${text}\n\n`);
  const tty = (input as { isTTY?: boolean }).isTTY === true;
  const rl = tty ? createInterface({ input, output, terminal: true }) : undefined;
  const lines = rl ?? readInputLines(input as AsyncIterable<string | Buffer>);
  if (rl) {
    await write(`iqtibas · اقتباس — ${formatHelp(answerer)}`);
    rl.setPrompt('؟ > ');
    rl.prompt();
  }
  for await (const line of lines) {
    if (line.trim() !== '') {
      const reply = await session.respond(line);
      if (reply === undefined) break;
      await write(reply);
    }
    rl?.prompt();
  }
  rl?.close();
  // An open pipe would keep the process alive after `exit`.
  if (!tty && input === process.stdin) process.stdin.destroy();
}
