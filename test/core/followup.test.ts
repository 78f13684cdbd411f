import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import { answerWithContext, Conversations, classifyFollowUp, FOLLOW_UP_TTL_MS } from '../../src/core/followup.ts';
import type { Reply } from '../../src/core/types.ts';

const answerer = createAnswerer(loadCorpus());
const article = answerer.corpus.text;

/** Paragraphs per speaker, from the curated attribution (not hard-coded answers). */
const paragraphsOf = (speakerId: string): number[] =>
  answerer.corpus.paragraphs.filter((p) => p.speakerId === speakerId).map((p) => p.number);

function answered(reply: Reply) {
  if (reply.kind !== 'answer') throw new Error(`expected an answer, got ${reply.reason}: ${reply.message}`);
  expect(article).toContain(reply.quote);
  return reply;
}

/** A fresh conversation that has just been answered `first`. */
function conversationAfter(first: string): Conversations {
  const c = new Conversations(answerer);
  answered(c.ask('u', first, 0));
  return c;
}

describe('classifyFollowUp', () => {
  test.each([
    ['وماذا قال أيضا؟', 'more'],
    ['شو كمان قال', 'more'],
    ['what else did he say?', 'more'],
    ['anything else?', 'more'],
    ['shu kaman 2al?', 'more'],
    ['و شو قال؟', 'more'],
    ['who is he?', 'who'],
    ['مين هو؟', 'who'],
    ['ما منصبه؟', 'who'],
    ['شو منصبو؟', 'who'],
    ["what's his position?", 'who'],
    ['minu huwa?', 'who'],
    ['and al-Mekdad?', 'swap'],
    ['وماذا عن الطائي؟', 'swap'],
    ['والمقداد؟', 'swap'],
    ['w el ta2i?', 'swap'],
    ['what about Abadi?', 'swap'],
    ['what did he say about Iran?', 'pronoun'],
  ])('%j is a %s follow-up', (question, kind) => {
    expect(classifyFollowUp(question, answerer)?.kind).toBe(kind);
  });

  test.each([
    'ماذا قال الأسد؟',
    'من هو وهاب الطائي؟',
    'Who is al-Taei?',
    'المقداد؟',
    'وهاب الطائي؟',
    'Mekdad quotes',
    'When did the interior ministry adviser give his comments?',
    'ما طول الحدود؟',
    'paragraph 4',
    '',
  ])('%j stands alone', (question) => {
    expect(classifyFollowUp(question, answerer)).toBeUndefined();
  });

  test('no curated question and no evaluation question is taken for a follow-up', () => {
    const questions = answerer.corpus.entries.flatMap((e) => Object.values(e.questions).flat());
    for (const set of ['dev', 'blind', 'blind2', 'blind3']) {
      const lines = readFileSync(new URL(`../eval/${set}.jsonl`, import.meta.url), 'utf8').split('\n');
      for (const line of lines) if (line.trim()) questions.push((JSON.parse(line) as { q: string }).q);
    }
    expect(questions.length).toBeGreaterThan(1500);
    const misread = questions.filter((q) => classifyFollowUp(q, answerer) !== undefined);
    expect(misread).toEqual([]);
  });
});

describe('Conversations', () => {
  test('"what else did he say?" walks through the speaker’s other paragraphs, then says that is all', () => {
    const c = new Conversations(answerer);
    const first = answered(c.ask('u', 'ماذا قال المقداد عن التنسيق؟', 0));
    expect(first.speaker.id).toBe('mekdad');
    const seen = [first.paragraph];
    for (const question of ['what else did he say?', 'وماذا قال أيضا؟', 'شو كمان قال']) {
      const reply = c.ask('u', question, 1);
      if (seen.length === paragraphsOf('mekdad').length) {
        expect(reply.kind === 'no-answer' && reply.reason).toBe('nothing-more');
        break;
      }
      const more = answered(reply);
      expect(more.speaker.id).toBe('mekdad');
      expect(seen).not.toContain(more.paragraph);
      seen.push(more.paragraph);
    }
    expect(seen.sort()).toEqual(paragraphsOf('mekdad'));
    const done = c.ask('u', 'anything else?', 2);
    expect(done.kind === 'no-answer' && done.reason).toBe('nothing-more');
    expect(done.kind === 'no-answer' && done.message).toContain('Faisal al-Mekdad');
  });

  test('"who is he?" names the last speaker, and "he" still means him afterwards', () => {
    const c = conversationAfter('ماذا قال الطائي عن الحدود؟');
    const who = answered(c.ask('u', 'who is he?', 1));
    expect(who.quote).toContain('الطائي');
    expect(who.script).toBe('latin');
    const more = answered(c.ask('u', 'what else did he say?', 2));
    expect(more.speaker.id).toBe('taei');
  });

  test('"and al-Mekdad?" re-asks the last question about him', () => {
    const c = conversationAfter('ماذا قال الأسد؟');
    const swapped = answered(c.ask('u', 'and al-Mekdad?', 1));
    expect(swapped.speaker.id).toBe('mekdad');
    expect(paragraphsOf('mekdad')).toContain(swapped.paragraph);
    // The conversation now follows al-Mekdad.
    const more = answered(c.ask('u', 'وماذا قال أيضا؟', 2));
    expect(more.speaker.id).toBe('mekdad');
    expect(more.paragraph).not.toBe(swapped.paragraph);
  });

  test('"وماذا عن الطائي؟" after a question on the border answers al-Taei on the border', () => {
    const c = conversationAfter('ماذا قال العبادي عن الحدود؟');
    const swapped = answered(c.ask('u', 'وماذا عن الطائي؟', 1));
    expect(swapped.speaker.id).toBe('taei');
  });

  test('"and al-Mekdad?" after "what did al-Taei say about Iran?" declines as the question about him would', () => {
    const c = conversationAfter('What did al-Taei say about Iran?');
    const swapped = c.ask('u', 'and al-Mekdad?', 1);
    expect(swapped.kind === 'no-answer' && swapped.reason).toBe('not-in-article');
    expect(answerer.ask('What did al-Mekdad say about Iran?').kind).toBe('no-answer');
    // The talk follows him: "what else did he say?" is about al-Mekdad.
    expect(answered(c.ask('u', 'what else did he say?', 2)).speaker.id).toBe('mekdad');
  });

  test.each([
    ['What did al-Mekdad say?', 'when?', 'ابريل'],
    ['ماذا قال الطائي؟', 'وامتى؟', 'الاثنين'],
  ])('a bare "when?" after %s asks when he said it', (first, when, day) => {
    const c = conversationAfter(first);
    expect(answered(c.ask('u', when, 1)).quote).toContain(day);
  });

  test('a bare "when?" re-asks the previous question with "when" (where they met → Thursday)', () => {
    const c = conversationAfter('where did al-Fayyadh meet al-Assad?');
    expect(answered(c.ask('u', 'when?', 1)).quote).toContain('الخميس');
  });

  test.each(['كمل', 'continue'])('"%s" after an answer gives the speaker’s next passage', (word) => {
    const c = conversationAfter('What did al-Mekdad say?');
    const first = answered(c.ask('u', 'وماذا قال أيضا؟', 1));
    const next = answered(c.ask('u', word, 2));
    expect(next.speaker.id).toBe('mekdad');
    expect(next.paragraph).not.toBe(first.paragraph);
  });

  test('a bare "when?" with nothing before it asks who is meant', () => {
    const reply = new Conversations(answerer).ask('u', 'when?');
    expect(reply.kind === 'no-answer' && reply.reason).toBe('no-context');
  });

  test('a follow-up with nothing before it asks who is meant, and suggests questions', () => {
    const c = new Conversations(answerer);
    for (const question of ['what else did he say?', 'who is he?', 'شو كمان قال']) {
      const reply = c.ask('u', question, 0);
      expect(reply.kind === 'no-answer' && reply.reason).toBe('no-context');
      expect(reply.kind === 'no-answer' && reply.suggestions.length).toBeGreaterThan(0);
    }
  });

  test('"and al-Mekdad?" with nothing before it is answered as a question about al-Mekdad', () => {
    const reply = answered(new Conversations(answerer).ask('u', 'and al-Mekdad?', 0));
    expect(reply.speaker.id).toBe('mekdad');
  });

  test('the context expires after 10 minutes without a question', () => {
    const c = conversationAfter('ماذا قال الأسد؟');
    expect(c.contextOf('u', FOLLOW_UP_TTL_MS - 1)?.speakerId).toBe('assad');
    const late = c.ask('u', 'who is he?', FOLLOW_UP_TTL_MS + 1);
    expect(late.kind === 'no-answer' && late.reason).toBe('no-context');
  });

  test('each user has their own context', () => {
    const c = new Conversations(answerer);
    answered(c.ask('a', 'ماذا قال الأسد؟', 0));
    answered(c.ask('b', 'ماذا قال الطائي؟', 0));
    expect(answered(c.ask('a', 'who is he?', 1)).quote).toContain('الأسد');
    expect(answered(c.ask('b', 'who is he?', 1)).quote).toContain('الطائي');
  });

  // Bug fixed: "what did Trump say?" then "what else did he say?" answered with the speaker before Trump.
  test('a declined question about someone else ends the context; one without a subject keeps it', () => {
    const c = conversationAfter('ماذا قال المقداد؟');
    expect(c.ask('u', 'Who else?', 1).kind).toBe('no-answer');
    expect(c.contextOf('u', 2)?.speakerId).toBe('mekdad');
    expect(c.ask('u', 'What did Trump say?', 3).kind).toBe('no-answer');
    const after = c.ask('u', 'what else did he say?', 4);
    expect(after.kind === 'no-answer' && after.reason).toBe('no-context');
  });

  // Bug fixed: these were taken for "more from the last speaker" ("That is all Falih al-Fayyadh says").
  test.each(['Who else?', 'Who else is quoted?', 'مين كمان حكى؟', 'شو كمان صار؟', 'What else does the article say?'])(
    '%j after an answer is not "more from the last speaker"',
    (question) => {
      expect(classifyFollowUp(question, answerer)?.kind).not.toBe('more');
      const c = conversationAfter('ماذا قال الفياض؟');
      const reply = c.ask('u', question, 1);
      expect(reply.kind === 'no-answer' && reply.reason).not.toBe('nothing-more');
    },
  );

  test('"who said that?" names the last speaker', () => {
    const c = conversationAfter('ماذا قال الفياض؟');
    const who = answered(c.ask('u', 'Who said that?', 1));
    expect(who.quote).toContain('الفياض');
    expect(classifyFollowUp('من قال ذلك؟', answerer)?.kind).toBe('who');
  });

  // Bug fixed: "و الأسد؟" after "ما منصبه؟" gave al-Assad's quote instead of who he is.
  test('"and X?" after "who is he?" asks who X is, and the conversation then follows X', () => {
    const c = conversationAfter('ماذا قال الفياض؟');
    answered(c.ask('u', 'ما منصبه؟', 1));
    const swapped = answered(c.ask('u', 'و الأسد؟', 2));
    expect(swapped.quote).toContain('الأسد');
    expect(c.contextOf('u', 3)?.speakerId).toBe('assad');
  });

  test('memory is bounded: past maxConversations the least recently active user is dropped', () => {
    const c = new Conversations(answerer, { maxConversations: 3 });
    for (const user of ['a', 'b', 'c']) c.ask(user, 'ماذا قال الأسد؟', 0);
    c.ask('a', 'who is he?', 1); // a is now the most recent
    c.ask('d', 'ماذا قال الطائي؟', 2);
    expect(c.size).toBe(3);
    expect(c.contextOf('b', 3)).toBeUndefined();
    expect(c.contextOf('a', 3)?.speakerId).toBe('assad');
  });

  test('sweep drops expired contexts', () => {
    const c = conversationAfter('ماذا قال الأسد؟');
    expect(c.sweep(FOLLOW_UP_TTL_MS + 1)).toBe(0);
  });

  test('answerWithContext never throws on hostile input with a context', () => {
    const context = { speakerId: 'mekdad', shown: [11], question: 'ماذا قال المقداد' };
    for (const q of [
      'and @everyone?',
      'and <@&123456789012345678>?',
      'و\u200fالمقداد\u200e؟',
      'and '.repeat(500),
      '\u0000',
    ]) {
      expect(() => answerWithContext(answerer, q, context)).not.toThrow();
    }
  });
});

describe('follow-ups found by a second round of testing', () => {
  // Bug fixed: the follow-up quoted the reporter, whose words introduced al-Assad.
  test.each([
    ['who is al-Assad?', 'what did he say?'],
    ['من هو الأسد؟', 'وماذا قال؟'],
  ])('after %j, %j quotes al-Assad', (first, second) => {
    const c = new Conversations(answerer);
    answered(c.ask('u', first, 0));
    expect(answered(c.ask('u', second, 1)).speaker.id).toBe('assad');
  });

  // Bug fixed: "who is al-Mekdad?" (his title, from the narration) counted paragraph 11 as shown.
  test('after "who is al-Mekdad?", "what did he say?" starts with his own words in paragraph 11', () => {
    const c = new Conversations(answerer);
    answered(c.ask('u', 'who is al-Mekdad?', 0));
    const said = answered(c.ask('u', 'what did he say?', 1));
    expect(said.speaker.id).toBe('mekdad');
    expect(said.paragraph).toBe(Math.min(...paragraphsOf('mekdad')));
  });

  // Bug fixed: "when did he say that?" gave his next quote.
  test.each([
    ['what did Mekdad say about coordination?', 'when did he say that?'],
    ['ماذا قال الطائي؟', 'متى قال ذلك؟'],
  ])('after %j, %j answers when, with a clause holding the time', (first, second) => {
    const c = conversationAfter(first);
    const when = answered(c.ask('u', second, 1));
    expect(when.quote).toMatch(/الماضي|\d/);
  });

  // Bug fixed: "what did he say about al-Assad?" gave al-Assad's words; Arabic "ماذا قال عن الموصل؟" was unresolved.
  test.each([
    ['what did Abadi say?', 'what did he say about al-Assad?', 'abadi'],
    ['ماذا قال العبادي؟', 'وماذا قال عن الأسد؟', 'abadi'],
    ['ماذا قال المقداد عن التنسيق؟', 'ماذا قال عن الموصل؟', 'mekdad'],
  ])('after %j, %j keeps the speaker (%s)', (first, second, speaker) => {
    const c = conversationAfter(first);
    expect(answered(c.ask('u', second, 1)).speaker.id).toBe(speaker);
  });

  test('"ماذا قال عن الموصل؟" with no previous answer is a question of its own', () => {
    const reply = new Conversations(answerer).ask('u', 'ماذا قال عن الموصل؟', 0);
    expect(reply.kind === 'no-answer' && reply.reason).not.toBe('no-context');
  });

  // Bug fixed: "the other one" was read as "more from him".
  test('"what did the other one say?" is not "more from the last speaker"', () => {
    expect(classifyFollowUp('what did the other one say?', answerer)?.kind).not.toBe('more');
  });
});

// Bug fixed: English follow-ups got Arabic suggestions.
test('a follow-up no-answer suggests questions in the script it was asked in', () => {
  const c = new Conversations(answerer);
  const en = c.ask('u', 'what else did he say?', 0);
  const ar = c.ask('v', 'وماذا قال أيضا؟', 0);
  expect(en.kind === 'no-answer' && en.suggestions.every((q) => /^[\x20-\x7E’]+$/.test(q))).toBe(true);
  expect(ar.kind === 'no-answer' && ar.suggestions.every((q) => /[\u0600-\u06FF]/.test(q))).toBe(true);
});

describe('reported speech counts as shown (found by the fresh break test)', () => {
  test('after al-Taei\'s reported words from paragraph 9, "what else did he say?" goes to paragraph 10', () => {
    const first = answerWithContext(answerer, 'ماذا قال الطائي عن الحدود؟', undefined);
    expect(first.reply.kind === 'answer' && first.reply.paragraph).toBe(9);
    const more = answerWithContext(answerer, 'what else did he say?', first.context);
    expect(more.reply.kind === 'answer' && more.reply.paragraph).toBe(10);
  });

  test('his introduction (a title from the narration) is not his words: "what did he say?" after "who is al-Taei?"', () => {
    const who = answerWithContext(answerer, 'من هو وهاب الطائي؟', undefined);
    const more = answerWithContext(answerer, 'ماذا قال أيضا؟', who.context);
    expect(more.reply.kind === 'answer' && more.reply.paragraph).toBe(9);
  });
});

test('"who is he?" after SANA is answered with who SANA is, in both scripts', () => {
  const first = answerWithContext(answerer, 'ماذا قالت سانا؟', undefined);
  for (const q of ['who is he?', 'من هو؟']) {
    const who = answerWithContext(answerer, q, first.context);
    expect(who.reply.kind === 'answer' && who.reply.entryId).toBe('p03-sana-role');
  }
});

test('Arabizi "meen howe?" is "who is he?" (found by the final break test)', () => {
  const first = answerWithContext(answerer, 'ماذا قال الأسد؟', undefined);
  const who = answerWithContext(answerer, 'meen howe?', first.context);
  expect(who.reply.kind === 'answer' && who.reply.entryId).toBe('p01-who-is-assad');
});

test('after an answer introducing someone else ("who carried the message?" → al-Abadi\'s envoy), "he" is the one introduced', () => {
  const c = conversationAfter('من حمل الرسالة؟');
  expect(answered(c.ask('u', 'what else did he say?', 1)).speaker.id).toBe('fayyadh');
});

describe('after a listing (break12)', () => {
  // Bug fixed: "what else did he say?" after "paragraphs 9 to 10" showed one of the listed paragraphs again.
  test.each(['paragraphs 9 to 10', 'everything al-Taei said'])('%s, then "what else?": that is all', (first) => {
    const c = conversationAfter(first);
    const reply = c.ask('u', 'what else did he say?', 1);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('nothing-more');
  });
});

describe('a bare "when?" after an identity question (break12)', () => {
  // Bug fixed: "who is he?" then "when?" showed the reporter's name as the answer to "when".
  test('is declined: a person alone has no date', () => {
    const c = conversationAfter('who is al-Taei?');
    expect(c.ask('u', 'when?', 1).kind).toBe('no-answer');
  });

  test('after a question about an event, it still dates it', () => {
    const c = conversationAfter('where did al-Fayyadh meet al-Assad?');
    const reply = c.ask('u', 'when?', 1);
    expect(reply.kind === 'answer' && reply.paragraph).toBe(2);
  });
});

describe('a declined line in between (break14)', () => {
  // Bug fixed: a typo or a line the article knows nothing of ended the context: "Who do you mean?".
  test.each(['hmm', 'asdfgh', 'ماذا قال الفياض عن ميسي؟'])('"%s" leaves "he" as al-Fayyadh', (between) => {
    const c = conversationAfter('ماذا قال الفياض؟');
    c.ask('u', between, 1);
    const reply = answered(c.ask('u', 'who is he?', 2));
    expect(reply.quote).toContain('الفياض');
  });

  test('a declined question about someone else still ends it', () => {
    const c = conversationAfter('what did al-Taei say?');
    expect(c.ask('u', 'what did Trump say?', 1).kind).toBe('no-answer');
    const reply = c.ask('u', 'what else did he say?', 2);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('no-context');
  });
});

describe('a bare "where?" or "why?" (break14)', () => {
  // Bug fixed: they got the generic "ask me a question" prompt while "when?" re-asked the last question.
  test('"where?" after where the envoy met al-Assad is answered from the same passage (Damascus)', () => {
    const c = conversationAfter('when did al-Fayyadh meet al-Assad?');
    const reply = answered(c.ask('u', 'where?', 1));
    expect(reply.quote).toContain('دمشق');
  });

  test('"ليش؟" after the strikes asks why they were ordered', () => {
    const c = conversationAfter('ماذا قصف الطيران العراقي؟');
    const reply = answered(c.ask('u', 'ليش؟', 1));
    expect([7, 8]).toContain(reply.paragraph);
  });

  test('"where?" after al-Taei\'s words: the article places him nowhere, and says so', () => {
    const c = conversationAfter('what did al-Taei say?');
    const reply = c.ask('u', 'where?', 1);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
  });
});

describe('"and about X?" and "who said it?" (found by the sixteenth break test)', () => {
  test.each([
    ['what did al-Mekdad say about Mosul?', 'and what about Albukamal?', 11, 'mekdad'],
    ['ماذا قال الطائي عن الحدود؟', 'وعن اللجنة الرباعية؟', 10, 'taei'],
    ['what did Assad say?', 'what about the enemy?', 4, 'assad'],
  ])('after "%s", "%s" asks the same of something else', (first, next, paragraph, speaker) => {
    const c = conversationAfter(first);
    const a = answered(c.ask('u', next, 1));
    expect([a.paragraph, a.speaker.id]).toEqual([paragraph, speaker]);
  });

  test('a subject the last speaker never spoke of is declined, not answered by someone else', () => {
    const c = conversationAfter('what did al-Mekdad say about Mosul?');
    expect(c.ask('u', 'and about Raqqa?', 1).kind).toBe('no-answer');
  });

  test.each(['عن شو الرسالة؟', 'about the border?'])('standing alone, it is a question of its own: %s', (q) => {
    expect(classifyFollowUp(q, answerer)?.kind).not.toBe('about');
  });

  test('"and who said it?" after an answer introduces its speaker', () => {
    const c = conversationAfter('how long is the shared border?');
    const a = answered(c.ask('u', 'and who said it?', 1));
    expect(a.quote).toContain('العبادي');
  });
});
