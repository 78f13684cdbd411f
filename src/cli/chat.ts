/**
 * The terminal chat: the embedded default when no DISCORD_TOKEN is set. Interactive with a prompt on a
 * terminal; with piped input it answers each non-empty line in order and exits at `exit` or end of input.
 * Follow-ups refer to the last answer; `good` / `bad` rate it (recorded like Discord's 👍 / 👎 when recording is on).
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { asksForSpeakers } from '../core/commandWords.ts';
import { Conversations, isFollowUp } from '../core/followup.ts';
import { ratingOf } from '../core/ratingWords.ts';
import { entryQuestion, refOf, resolveRef } from '../core/refs.ts';
import type { Answer, Answerer } from '../core/types.ts';
import { NULL_RECORDER, type Recorder, type RecordingOff } from '../store/recorder.ts';
import { formatHelp, formatReply, formatSpeakers } from './format.ts';
import { type InputError, readInputLines } from './io.ts';

const EXIT_WORDS = new Set(['exit', 'quit', 'q', 'خروج', 'bye']);
const HELP_WORDS = new Set(['help', '?', 'مساعدة']);
const NONE_WORDS = new Set(['none', '0', 'ولا واحد', 'لا شيء']);

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

/** A line that is only a number: the pick the user means after a rating, never a question. */
const BARE_NUMBER = /^\d+$/;

/** Arabic-Indic and Persian digits as ASCII, so that "٢" picks like "2". */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

/** Options of a {@link ChatSession}. */
export interface ChatOptions {
  /** Records questions and ratings. @defaultValue {@link NULL_RECORDER} (nothing recorded) */
  recorder?: Recorder;
  /** Who is chatting, as the recorder hashes it (main.ts passes the OS user name). @defaultValue 'terminal' */
  userId?: string;
}

/** The last answer shown, which `good` / `bad` rate. */
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
  private shown: Shown | undefined;
  /** After `bad`: the alternatives offered, numbered from 1, with their labels. */
  private offered: { shown: Shown; refs: string[] } | undefined;
  /** The last line was `good` or `bad`: a number typed now answers that, whatever the rating's outcome. */
  private afterRating = false;

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
    const command = asciiDigits(line.trim().toLowerCase());
    const offered = this.offered;
    const afterRating = this.afterRating;
    this.offered = undefined;
    this.afterRating = false;
    if (EXIT_WORDS.has(command)) return undefined;
    if (HELP_WORDS.has(command)) return formatHelp(this.answerer);
    if (asksForSpeakers(command)) return formatSpeakers(this.answerer);
    const rating = ratingOf(command);
    if (rating !== undefined) {
      this.afterRating = true;
      return this.rate(rating);
    }
    if (offered && (NONE_WORDS.has(command) || BARE_NUMBER.test(command))) return this.pick(offered, command);
    // "2" right after a rating means a pick, even when no list was offered: asked as a question, it would answer
    // nonsense and replace the answer being rated.
    if (afterRating && BARE_NUMBER.test(command)) {
      this.afterRating = true;
      return this.recorder.acceptsFeedback('terminal')
        ? 'There is no list to pick from: numbers pick an answer only after "bad" lists the other matches. Ask a question in words.'
        : this.notRecorded().pick;
    }
    return this.ask(line);
  }

  private async ask(question: string): Promise<string> {
    const reply = this.conversations.ask(this.userId, question);
    // A follow-up ("and al-Taei?") means nothing without the answer before it: not a phrasing for the curators.
    const questionId = isFollowUp(question, this.answerer)
      ? undefined
      : await this.recorder.question({ surface: 'terminal', userId: this.userId, question, reply });
    // `good`/`bad` rate the last reply: after a no-answer there is nothing to rate (not the answer before it).
    this.shown =
      reply.kind === 'answer'
        ? { answer: reply, messageId: `t-${randomUUID()}`, ...(questionId !== undefined && { questionId }) }
        : undefined;
    return formatReply(reply);
  }

  private async rate(vote: 1 | -1): Promise<string> {
    // Said first: with recording off no rating is ever recorded, whatever was asked before.
    if (!this.recorder.acceptsFeedback('terminal')) return this.notRecorded().rating;
    const shown = this.shown;
    if (!shown) return 'Nothing to rate: ask a question first (a reply that found no answer cannot be rated).';
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

  private async pick(offered: { shown: Shown; refs: string[] }, command: string): Promise<string> {
    const picked = NONE_WORDS.has(command) ? 'none' : offered.refs[Number(command) - 1];
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
 * prompts; with piped input it answers each non-empty line in order and stops at `exit`. Rejects with an
 * {@link InputError} when the input cannot be read (a directory as stdin).
 */
export async function runChat(
  answerer: Answerer,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  options: ChatOptions = {},
): Promise<void> {
  const session = new ChatSession(answerer, options);
  const write = (text: string): void => {
    output.write(`${text}\n\n`);
  };
  const tty = (input as { isTTY?: boolean }).isTTY === true;
  const rl = tty ? createInterface({ input, output, terminal: true }) : undefined;
  const lines = rl ?? readInputLines(input as AsyncIterable<string | Buffer>);
  if (rl) {
    write(`iqtibas · اقتباس — ${formatHelp(answerer)}`);
    rl.setPrompt('؟ > ');
    rl.prompt();
  }
  for await (const line of lines) {
    if (line.trim() !== '') {
      const reply = await session.respond(line);
      if (reply === undefined) break;
      write(reply);
    }
    rl?.prompt();
  }
  rl?.close();
  // An open pipe would keep the process alive after `exit`.
  if (!tty && input === process.stdin) process.stdin.destroy();
}
