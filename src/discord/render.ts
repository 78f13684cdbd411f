/**
 * Rendering: core results (Reply, Answer, Speaker, Corpus) → message payloads. No Discord connection, no answerer:
 * the gateway bot uses it today and an HTTP interactions endpoint can reuse it as is (call `.toJSON()` on the rows).
 *
 * Rules applied here once for every message:
 * - quotes are copied byte for byte (only ever split, losslessly, at sentence/word boundaries);
 * - user text is echoed through {@link sanitizeUserText} (bidi controls dropped, mentions defused, markdown escaped);
 * - every other line that mixes Arabic with Latin letters or digits gets its LTR runs isolated (FSI…PDI);
 * - every payload fits Discord's limits ({@link fitEmbeds}) and carries `allowedMentions: { parse: [] }`.
 */
import {
  ActionRowBuilder,
  type APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageCreateOptions,
  MessageFlags,
  type MessageMentionOptions,
  type MessageReplyOptions,
} from 'discord.js';
import { DECISION } from '../core/calibration.ts';
import { refOf } from '../core/refs.ts';
import type { Alternative, Answer, NoAnswer, QueryScript, Reply, Speaker } from '../core/types.ts';
import { clippedNote, isParagraphListing, listedParagraphs } from '../paragraphListing.ts';
import type { Surface } from '../store/types.ts';
import { type ButtonAction, encodeButton, PICK_NONE } from './customIds.ts';
import { type FieldSpec, fitEmbeds, groupEmbeds, LIMITS } from './limits.ts';
import { fitIsolated, isolateLtrRuns, sanitizeUserText, stripBidiControls, truncateAtWord } from './text.ts';

/** Moved to src/core/refs.ts (the feedback store and the terminal need it too); re-exported for existing importers. */
export { refOf } from '../core/refs.ts';

/** A message ready to send, independent of how (interaction reply, edit, follow-up, channel message). */
export interface RenderedMessage {
  content?: string;
  embeds: EmbedBuilder[];
  components: ActionRowBuilder<ButtonBuilder>[];
  /** Only the asker should see it. Honoured for interaction replies; a channel message is always public. */
  ephemeral: boolean;
}

/** Mentions are never parsed, whatever the text says, and replies do not ping the author. */
export const NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });

/** Embed colours: answers, lists, and "not found". */
const COLOR = Object.freeze({ answer: 0x2f7d6d, info: 0x4f6d8f, none: 0x9a6b2f });

/** Longest footer we build: cut before isolating, so the embed limit never splits an FSI…PDI pair. */
const FOOTER_MAX = 300;

/** A footer line, cut at a word boundary to FOOTER_MAX with its LTR runs isolated (balanced). */
function footerText(text: string): string {
  return fitIsolated(FOOTER_MAX, (b) => truncateAtWord(stripBidiControls(text), b));
}

/** Longest speaker name line in an answer (real names are ~40 characters; a field value holds 1,024). */
const SPEAKER_NAME_MAX = 300;

/** Below this confidence an answer offers its alternatives as "Did you mean" buttons (set in core calibration). */
export const LOW_CONFIDENCE = DECISION.lowConfidenceBelow;

/** Context the renderer needs besides the Reply itself. */
export interface AnswerContext {
  /** The question as the user typed it (echoed, sanitized); omit when it came from a button or autocomplete id. */
  question?: string;
  /** The article's byline, for the footer. */
  byline: string;
  /**
   * Adds 👍 / 👎 to an answer: where it is shown and the recorded question's reference from the recorder (opaque,
   * not the row id; absent when it was not recorded).
   * Omitted where nothing would record the vote (recording off, DMs while RECORD_DMS is off).
   */
  feedback?: { surface: Surface; questionId?: number };
}

// ---------------------------------------------------------------------------------------------------------------
// Answers

/**
 * Renders a core {@link Reply}: an answer as a public embed with buttons, a no-answer as an ephemeral notice that
 * lists suggestions. `private` makes an answer ephemeral too.
 *
 * @returns one message, or more when a very long quote needs follow-ups (buttons stay on the first).
 */
export function renderReply(reply: Reply, ctx: AnswerContext & { private?: boolean }): RenderedMessage[] {
  if (reply.kind === 'no-answer') return [renderNoAnswer(reply, ctx)];
  if (isParagraphListing(reply)) return renderParagraphs(reply, ctx);
  const embeds = answerEmbeds(reply, ctx);
  const messages = splitIntoMessages(embeds, ctx.private ?? false);
  const first = messages[0];
  if (first) first.components = answerButtons(reply, ctx.feedback);
  return messages;
}

/**
 * Several paragraphs asked for ("paragraphs 3 to 5", "show the whole article"): each whole, as the embeds of a
 * paragraph shown alone (the question as the first one's title, "Paragraph N" after), grouped into as many messages
 * as Discord's limits need (10 embeds and 6,000 characters each: the whole article takes 2). No
 * buttons: there are no other matches, and the article itself is not rated (as for "paragraph 4").
 */
function renderParagraphs(answer: Answer, ctx: AnswerContext & { private?: boolean }): RenderedMessage[] {
  const embeds = listedParagraphs(answer).flatMap((paragraph, i) =>
    answerEmbeds(paragraph, {
      byline: ctx.byline,
      ...(i === 0 && ctx.question !== undefined
        ? { question: ctx.question }
        : { heading: `Paragraph ${paragraph.paragraph}` }),
      showConfidence: false,
    }),
  );
  return splitIntoMessages(embeds, ctx.private ?? false);
}

/** The embeds of one answer: quote (description), speaker, paragraph, confidence, translation when relevant. */
export function answerEmbeds(
  answer: Answer,
  ctx: AnswerContext & { heading?: string; showConfidence?: boolean },
): APIEmbed[] {
  const fields: FieldSpec[] = [
    { name: 'Speaker', value: speakerBlock(answer.speaker, answer.direct, answer.askedSpeaker, answer.introduces) },
    { name: 'Paragraph', value: String(answer.paragraph), inline: true },
  ];
  if (ctx.showConfidence ?? true) {
    fields.push({ name: 'Confidence', value: `${Math.round(answer.confidence * 100)}%`, inline: true });
  }
  fields.push(...translationFields(answer, answer.script));
  if (answer.clippedTo !== undefined) fields.push({ name: 'Not in the article', value: clippedNote(answer.clippedTo) });
  if (answer.confidence < LOW_CONFIDENCE && answer.alternatives.length > 0) {
    fields.push({ name: 'Not sure', value: 'This is my best guess; the buttons below show other passages.' });
  }
  const { question } = ctx;
  const title = question ? fitIsolated(200, (b) => sanitizeUserText(question, b)) : ctx.heading;
  return fitEmbeds({
    ...(title && { title }),
    description: answer.quote,
    fields,
    footer: footerText(`Verbatim from the article by ${ctx.byline} · paragraph ${answer.paragraph}`),
    color: COLOR.answer,
  });
}

/**
 * Arabic name with the English one isolated, then the role in each language on its own line; when the quote is
 * the article's narration or reported speech rather than the speaker's own words, a line says so, and when the
 * question named someone else as the one who said it (`asked`), a line says the words are not theirs; when the words
 * only name and introduce another speaker (`introduces`), a line says whom they name.
 */
function speakerBlock(
  s: { nameAr: string; nameEn: string; roleAr: string; role: string },
  direct?: boolean,
  asked?: { nameEn: string },
  introduces?: { nameEn: string; role: string },
): string {
  // The name line is cut before isolating, so no FSI…PDI pair is ever split by the field limit.
  const name = fitIsolated(SPEAKER_NAME_MAX, (b) => truncateAtWord(stripBidiControls(`${s.nameAr} · ${s.nameEn}`), b));
  const lines = [name, s.roleAr, s.role];
  if (direct === false) lines.push('*The article’s words reporting this speaker, not a direct quotation.*');
  if (asked) lines.push(`*Not ${asked.nameEn}: the article gives these words to ${s.nameEn}.*`);
  if (introduces)
    lines.push(`*These words name ${introduces.nameEn}, ${introduces.role}; they stand in ${s.nameEn}'s paragraph.*`);
  return lines.join('\n');
}

/**
 * The curated translation, labelled as ours, when the question was asked (partly) in Latin script. A translation
 * of the whole paragraph (the quote is a clause of it) says so.
 */
function translationFields(
  answer: { translation?: string; translationScope?: 'quote' | 'paragraph'; paragraph: number },
  script: QueryScript,
): FieldSpec[] {
  if (script !== 'latin' && script !== 'mixed') return [];
  const { translation } = answer;
  const scope = answer.translationScope === 'paragraph' ? `(whole paragraph ${answer.paragraph}) ` : '';
  return [
    {
      name: 'Translation (ours)',
      value:
        translation === undefined
          ? 'No curated translation for this passage; the quote above is the original Arabic.'
          : `${scope}${translation}`,
    },
  ];
}

function button(action: ButtonAction, label: string, style: ButtonStyle): ButtonBuilder | undefined {
  const id = encodeButton(action);
  if (!id) return undefined;
  // Labels are plain text (no markdown); LTR runs are isolated after cutting, so no FSI…PDI pair is ever split.
  const text = fitIsolated(LIMITS.buttonLabel, (b) => truncateAtWord(stripBidiControls(label), b));
  return new ButtonBuilder().setCustomId(id).setLabel(text).setStyle(style);
}

function rowOf(buttons: (ButtonBuilder | undefined)[]): ActionRowBuilder<ButtonBuilder>[] {
  const present = buttons.filter((b): b is ButtonBuilder => b !== undefined).slice(0, LIMITS.buttonsPerRow);
  return present.length === 0 ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(present)];
}

/**
 * "Other matches", "More from <speaker>", 👍 / 👎 when `feedback` is given, and "Did you mean" buttons for low
 * confidence.
 */
function answerButtons(answer: Answer, feedback?: AnswerContext['feedback']): ActionRowBuilder<ButtonBuilder>[] {
  const alternatives = uniqueByRef(answer.alternatives).slice(0, 3);
  const refs = alternatives.map(refOf);
  const vote = (v: 1 | -1) =>
    feedback &&
    button(
      { kind: 'vote', vote: v, ...feedback, ref: refOf(answer), alternatives: v === -1 ? refs : [] },
      v === 1 ? '👍' : '👎',
      ButtonStyle.Secondary,
    );
  const main = rowOf([
    refs.length > 0
      ? button({ kind: 'alts', script: answer.script, refs }, 'Other matches', ButtonStyle.Secondary)
      : undefined,
    button({ kind: 'more', speakerId: answer.speaker.id }, `More from ${answer.speaker.nameEn}`, ButtonStyle.Secondary),
    vote(1),
    vote(-1),
  ]);
  if (answer.confidence >= LOW_CONFIDENCE) return main;
  const didYouMean = rowOf(
    alternatives.map((alt) =>
      button(
        { kind: 'alt', script: answer.script, ref: refOf(alt) },
        `Did you mean: ${alt.label}`,
        ButtonStyle.Primary,
      ),
    ),
  );
  return [...didYouMean, ...main];
}

function uniqueByRef(alternatives: readonly Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return alternatives.filter((a) => {
    const ref = refOf(a);
    if (seen.has(ref)) return false;
    seen.add(ref);
    return true;
  });
}

/** The title of a no-answer, English · Arabic, by reason. */
const NO_ANSWER_TITLES: Readonly<Record<NoAnswer['reason'], string>> = Object.freeze({
  empty: 'Please write a question · اكتب سؤالك',
  'other-language': 'Arabic, English or Arabizi, please · بالعربية أو الإنجليزية من فضلك',
  opinion: 'I only quote the article · أقتبس من المقال فقط',
  'off-topic': 'The article does not say · المقال لا يذكر ذلك',
  'not-in-article': 'The article does not say · المقال لا يذكر ذلك',
  'no-such-paragraph': 'No such paragraph · لا توجد فقرة بهذا الرقم',
  'no-context': 'Who do you mean? · من تقصد؟',
  'nothing-more': 'That is everything · هذا كل شيء',
});

/** "The article does not say" + what the user asked (sanitized) + curated suggestions. Always ephemeral. */
export function renderNoAnswer(reply: NoAnswer, ctx: { question?: string }): RenderedMessage {
  const fields: FieldSpec[] = [];
  const { question } = ctx;
  const asked = question ? fitIsolated(300, (b) => sanitizeUserText(question, b)) : '';
  if (reply.reason !== 'empty' && asked !== '') fields.push({ name: 'You asked', value: asked });
  if (reply.suggestions.length > 0) {
    fields.push({
      name: 'Questions I can answer',
      value: reply.suggestions
        .slice(0, 8)
        .map((s) => fitIsolated(130, (b) => `• ${sanitizeUserText(s, b - 2)}`))
        .join('\n'),
    });
  }
  const embeds = fitEmbeds({
    title: isolateLtrRuns(NO_ANSWER_TITLES[reply.reason]),
    description: isolateLtrRuns(reply.message),
    fields,
    color: COLOR.none,
  });
  return { embeds: embeds.map((e) => new EmbedBuilder(e)), components: [], ephemeral: true };
}

/** Alternatives shown on "Other matches": one compact embed each. */
export function renderAlternatives(answers: readonly Answer[], byline: string): RenderedMessage[] {
  if (answers.length === 0) return [renderNotice('No other passages match this question.')];
  const embeds = answers.flatMap((a, i) =>
    answerEmbeds(a, { byline, heading: `Other match ${i + 1}`, showConfidence: false }),
  );
  return splitIntoMessages(embeds, true);
}

// ---------------------------------------------------------------------------------------------------------------
// Speakers and quotes

/** Every quote of a speaker, one field per paragraph (long ones split at sentence boundaries), ephemeral. */
export function renderAllQuotes(speaker: Speaker, quotes: readonly Answer[], byline: string): RenderedMessage[] {
  const fields = quotes.map((q) => ({ name: `Paragraph ${q.paragraph}`, value: q.quote }));
  const embeds = fitEmbeds({
    title: `More from ${speaker.nameEn}`,
    description: [speaker.nameAr, speaker.roleAr, speaker.roleEn].join('\n'),
    fields: fields.length > 0 ? fields : [{ name: 'Quotes', value: 'The article quotes nothing from this speaker.' }],
    footer: footerText(`Verbatim from the article by ${byline}`),
    color: COLOR.info,
  });
  return splitIntoMessages(embeds, true);
}

/** One page of /quote: the quote as an answer embed, with Previous/Next when there is more than one page. */
export function renderQuotePage(
  speaker: Speaker,
  quotes: readonly Answer[],
  page: number,
  byline: string,
): RenderedMessage[] {
  const answer = quotes[page];
  if (!answer) return [renderNotice(`The article quotes nothing from ${speaker.nameEn}.`, false)];
  const heading = `Quotes by ${speaker.nameEn} (${page + 1}/${quotes.length})`;
  const embeds = answerEmbeds(answer, { byline, heading, showConfidence: false });
  const messages = splitIntoMessages(embeds, false);
  const first = messages[0];
  if (first && quotes.length > 1) {
    // Distinct ids even at the ends: the disabled button points at the current page.
    const prev = button(
      { kind: 'quote', speakerId: speaker.id, page: Math.max(0, page - 1) },
      'Previous',
      ButtonStyle.Secondary,
    )?.setDisabled(page === 0);
    const next = button(
      { kind: 'quote', speakerId: speaker.id, page: Math.min(quotes.length - 1, page + 1) },
      'Next',
      ButtonStyle.Secondary,
    )?.setDisabled(page >= quotes.length - 1);
    first.components = rowOf([prev, next]);
  }
  return messages;
}

/** /speakers: Arabic name, English name, role. */
export function renderSpeakers(speakers: readonly Speaker[]): RenderedMessage[] {
  const embeds = fitEmbeds({
    title: 'People quoted in the article',
    description: 'Use /quote speaker:<name> to read what one of them said.',
    fields: speakers.map((s) => ({ name: s.nameAr, value: [s.nameEn, s.roleAr, s.roleEn].join('\n') })),
    color: COLOR.info,
  });
  return splitIntoMessages(embeds, false);
}

/** What /article shows. */
export interface ArticleInfo {
  byline: string;
  lead: string;
  paragraphs: number;
  speakers: number;
  curatedQuestions: number;
  examples: readonly string[];
}

/** /article: what the article is, byline, paragraph count and how to ask. */
export function renderArticle(info: ArticleInfo): RenderedMessage[] {
  const embeds = fitEmbeds({
    title: 'About the article',
    description: truncateAtWord(info.lead, 400),
    fields: [
      { name: 'Byline', value: info.byline, inline: true },
      { name: 'Paragraphs', value: String(info.paragraphs), inline: true },
      { name: 'People quoted', value: String(info.speakers), inline: true },
      {
        name: 'How to ask',
        value: [
          `Use /ask with a question in Arabic, English or Arabizi (${info.curatedQuestions} curated questions).`,
          'You can also DM me, or mention me in a channel with your question.',
          'Every answer is the article’s exact words, with who said them and where.',
        ].join('\n'),
      },
      ...(info.examples.length > 0 ? [{ name: 'Try', value: bullets(info.examples) }] : []),
    ],
    color: COLOR.info,
  });
  return splitIntoMessages(embeds, false);
}

/** /help and "help" in a DM. */
export function renderHelp(examples: readonly string[]): RenderedMessage[] {
  const embeds = fitEmbeds({
    title: 'iqtibas: quotes from one Arabic news article',
    description: [
      'I answer questions about one article with its exact words and who said them.',
      'I never invent: when the article does not say, I tell you so.',
    ].join('\n'),
    fields: [
      {
        name: 'Commands',
        value: [
          '/ask question: your question (private: only you see the answer)',
          '/quote speaker: everything one person said, page by page',
          '/speakers: who is quoted',
          '/article: what the article is',
          '/help: this message',
        ].join('\n'),
      },
      {
        name: 'Without commands',
        value: [
          'DM me a question, or mention me in a channel followed by your question.',
          'Follow-ups refer to your last answer for 10 minutes: "what else did he say?", "who is he?", "and al-Mekdad?", "وماذا قال أيضا؟".',
        ].join('\n'),
      },
      ...(examples.length > 0 ? [{ name: 'Try', value: bullets(examples) }] : []),
    ],
    color: COLOR.info,
  });
  return splitIntoMessages(embeds, false);
}

/** Example questions as a bullet list (escaped: they are shown as text, not markdown). */
function bullets(questions: readonly string[]): string {
  return questions.map((q) => fitIsolated(130, (b) => `• ${sanitizeUserText(q, b - 2)}`)).join('\n');
}

/** A one-line message (errors, expired buttons, cooldown); ephemeral unless told otherwise. */
export function renderNotice(text: string, ephemeral = true): RenderedMessage {
  const content = fitIsolated(LIMITS.content, (b) => truncateAtWord(text, b));
  return { content, embeds: [], components: [], ephemeral };
}

/** The flood-control notice, saying when the user can ask again (ephemeral for interactions). */
export function renderCooldown(retryAfterMs: number): RenderedMessage {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return renderNotice(`You are sending questions quickly; you can ask again in ${seconds} s. · مهلاً قليلاً`);
}

/** Fixed user-facing texts, in one place so tests assert them. */
export const NOTICES = Object.freeze({
  apology: 'Sorry, something went wrong while answering. Please try again in a moment.',
  expired: 'This button has expired. Ask again with /ask.',
  expiredPage: 'This page has expired. Use /quote again to browse the quotes.',
  staleSuggestion: 'That suggestion is no longer available: type your question instead.',
  cooldown: 'You are sending questions quickly. · مهلاً قليلاً',
  unknownSpeaker: 'I do not know that speaker. Use /speakers to see who is quoted.',
  severalSpeakers: (names: readonly string[]): string =>
    `Several speakers match what you typed: ${names.join(', ')}. Pick one from the list shown as you type it, or use ` +
    '/speakers to see who is quoted. · اختر متحدثاً واحداً',
  neverQuoted: (name: string): string =>
    `The article names ${name} but never quotes it. Use /ask to ask what it says about ${name}, or /speakers to see who is quoted.`,
  askPrompt: 'Ask me a question about the article, for example: ماذا قال الأسد؟',
  nothingToExit:
    'There is nothing to leave here: just stop writing. Ask me a question about the article whenever you like, or type help.',
  replyUnreadable:
    'I could not read your reply: Discord shows me replies only with the @mention on. Reply again with it on, or mention me. · فعّل الإشارة عند الرد',
  voteUp: 'Thanks! Your 👍 is recorded (click 👎 to change it). · شكراً',
  voteUnchanged: 'Your vote was already recorded. · صوتك مسجل',
  voteFailed: 'Sorry, I could not record your vote right now. Please try again in a moment.',
  feedbackOff: 'Feedback is not being recorded on this bot.',
  feedbackDmOff:
    'Ratings in DMs are not recorded on this bot: DMs with it are private. Ratings in servers still are. · ' +
    'التقييمات لا تُسجّل في الرسائل الخاصة',
  ratingHow: 'To rate an answer, click 👍 or 👎 under it. · للتقييم اضغط 👍 أو 👎 تحت الإجابة',
  ratingDmPrivate:
    'Ratings are not recorded in DMs: DMs with this bot are private, so nothing asked here is kept. To rate an ' +
    'answer, ask with /ask in a server the bot is in and click 👍 or 👎 under it. · التقييمات لا تُسجّل في الرسائل الخاصة',
  pickNone: 'Thanks, noted: none of these was right. The curators will look at this question. · شكراً',
  unknownCommand: 'This command no longer exists. Try /help.',
  unsupported: 'I cannot answer this kind of interaction. Try /help.',
});

// ---------------------------------------------------------------------------------------------------------------
// Feedback

/** One alternative offered after a 👎: where it points and the button label (a question it answers). */
export interface PickChoice {
  ref: string;
  label: string;
}

/**
 * The ephemeral reply to a 👎: the vote is recorded, and, when the answer had alternatives, "was one of these
 * right?" with a button each and "None of these". `messageId` and `ref` identify the answer judged wrong.
 */
export function renderPickPrompt(choices: readonly PickChoice[], messageId: string, ref: string): RenderedMessage {
  const pick = (picked: string, label: string, style: ButtonStyle) =>
    button({ kind: 'pick', messageId, ref, picked }, label, style);
  const buttons = choices.slice(0, LIMITS.buttonsPerRow - 1).map((c) => pick(c.ref, c.label, ButtonStyle.Primary));
  const components = buttons.some((b) => b !== undefined)
    ? rowOf([...buttons, pick(PICK_NONE, 'None of these', ButtonStyle.Secondary)])
    : [];
  const text =
    components.length > 0
      ? 'Thanks, your 👎 is recorded. Was one of these the right answer? · هل كانت إحدى هذه الإجابات هي الصحيحة؟'
      : 'Thanks, your 👎 is recorded; the curators will look at this question. · شكراً';
  return { content: isolateLtrRuns(text), embeds: [], components, ephemeral: true };
}

/** The ephemeral reply to a pick: recorded, and the picked answer shown in full. */
export function renderPicked(answer: Answer, byline: string): RenderedMessage[] {
  const embeds = answerEmbeds(answer, { byline, heading: 'Recorded as the right answer · تم التسجيل' });
  return splitIntoMessages(embeds, true);
}

function splitIntoMessages(embeds: readonly APIEmbed[], ephemeral: boolean): RenderedMessage[] {
  return groupEmbeds(embeds).map((group) => ({
    embeds: group.map((e) => new EmbedBuilder(e)),
    components: [],
    ephemeral,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Payload adapters: the only place that turns a RenderedMessage into discord.js options.

/** `interaction.reply` / `followUp` options. */
export function toInteractionReply(m: RenderedMessage): InteractionReplyOptions {
  return {
    ...(m.content !== undefined && { content: m.content }),
    embeds: m.embeds,
    components: m.components,
    allowedMentions: NO_MENTIONS,
    ...(m.ephemeral && { flags: MessageFlags.Ephemeral }),
  };
}

/** `interaction.editReply` options (ephemerality was fixed by the deferral). */
export function toInteractionEdit(m: RenderedMessage): InteractionEditReplyOptions {
  return { content: m.content ?? null, embeds: m.embeds, components: m.components, allowedMentions: NO_MENTIONS };
}

/** `buttonInteraction.update` options (replaces the message the button sits on). */
export function toInteractionUpdate(m: RenderedMessage): InteractionUpdateOptions {
  return { content: m.content ?? null, embeds: m.embeds, components: m.components, allowedMentions: NO_MENTIONS };
}

/**
 * `message.reply` options: answers in DMs and to mentions. Never pings the author, and still answers (as a plain
 * message) when the question was deleted meanwhile.
 */
export function toMessageReply(m: RenderedMessage): MessageReplyOptions {
  return {
    ...(m.content !== undefined && { content: m.content }),
    embeds: m.embeds,
    components: m.components,
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
  };
}

/** `channel.send` options (follow-up parts of a long DM answer). */
export function toChannelMessage(m: RenderedMessage): MessageCreateOptions {
  return {
    ...(m.content !== undefined && { content: m.content }),
    embeds: m.embeds,
    components: m.components,
    allowedMentions: NO_MENTIONS,
  };
}
