/**
 * The terminal chat: the embedded default when no DISCORD_TOKEN is set. Interactive with a prompt on a
 * terminal; with piped input it answers each non-empty line in order and exits at `exit` or end of input.
 * Follow-ups refer to the last answer; `good` / `bad` rate it (recorded like Discord's 👍 / 👎 when recording is on).
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Conversations, isFollowUp } from '../core/followup.ts';
import { entryQuestion, refOf, resolveRef } from '../core/refs.ts';
import type { Answer, Answerer } from '../core/types.ts';
import { NULL_RECORDER, type Recorder } from '../store/recorder.ts';
import { formatHelp, formatReply, formatSpeakers } from './format.ts';
import { readLines } from './io.ts';

const EXIT_WORDS = new Set(['exit', 'quit', 'q', 'خروج', 'bye']);
const HELP_WORDS = new Set(['help', '?', 'مساعدة']);
const SPEAKERS_WORDS = new Set(['speakers', 'who', 'المتحدثون']);
const GOOD_WORDS = new Set(['good', '+', '+1', '👍', 'جيد', 'صح']);
const BAD_WORDS = new Set(['bad', '-', '-1', '👎', 'خطأ', 'غلط']);
const NONE_WORDS = new Set(['none', '0', 'ولا واحد', 'لا شيء']);

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
  /** After `bad`: the alternatives offered, numbered from 1. */
  private offered: { shown: Shown; refs: string[] } | undefined;

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
    const command = line.trim().toLowerCase();
    const offered = this.offered;
    this.offered = undefined;
    if (EXIT_WORDS.has(command)) return undefined;
    if (HELP_WORDS.has(command)) return formatHelp(this.answerer);
    if (SPEAKERS_WORDS.has(command)) return formatSpeakers(this.answerer);
    if (GOOD_WORDS.has(command)) return this.rate(1);
    if (BAD_WORDS.has(command)) return this.rate(-1);
    if (offered && (NONE_WORDS.has(command) || /^[1-9]$/.test(command))) return this.pick(offered, command);
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
    const shown = this.shown;
    if (!shown) return 'Nothing to rate: ask a question first (a reply that found no answer cannot be rated).';
    if (!this.recorder.acceptsFeedback('terminal')) return 'Ratings are not recorded (RECORD=off).';
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
    const lines = refs.map((ref, i) => `  ${i + 1}. ${this.labelOf(ref)}`);
    return ['Thanks, recorded. Was one of these the right answer? Type its number, or "none":', ...lines].join('\n');
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

  private labelOf(ref: string): string {
    const answer = resolveRef(this.answerer, ref, 'arabic');
    const question = entryQuestion(this.answerer, ref);
    return question ?? `paragraph ${answer?.paragraph ?? '?'}, ${answer?.speaker.nameEn ?? ''}`;
  }
}

/**
 * Runs the chat on the given streams until `exit` or end of input. Resolves when done. On a terminal it
 * prompts; with piped input it answers each non-empty line in order and stops at `exit`.
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
  const lines = rl ?? readLines(input as AsyncIterable<string | Buffer>);
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
