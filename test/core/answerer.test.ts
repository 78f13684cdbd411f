import { beforeAll, describe, expect, test } from 'vitest';
import {
  createAnswerer,
  lastQuestionPart,
  MAX_QUESTION_CHARS,
  splitClauses,
  withinQuestionLimit,
} from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import type { Answer, Answerer, Reply } from '../../src/core/types.ts';

let bot: Answerer;
beforeAll(() => {
  bot = createAnswerer(loadCorpus());
});

function answered(reply: Reply): Answer {
  if (reply.kind !== 'answer') throw new Error(`expected an answer, got no-answer (${reply.reason})`);
  return reply;
}

describe('shared/cases Arabic normalization (cases 1-7)', () => {
  test('case 1: alef/hamza variants on both sides give paragraph 4, Assad, the same confidence', () => {
    const replies = ['ماذا قال الاسد في الاجتماع؟', 'ماذا قال الأسد في الإجتماع؟', 'شو قال الأَسَد'].map((q) =>
      answered(bot.ask(q)),
    );
    for (const r of replies) {
      expect(r.paragraph).toBe(4);
      expect(r.speaker.id).toBe('assad');
    }
    expect(replies[0]?.confidence).toBe(replies[1]?.confidence);
  });

  test('case 2: ه for ة and ي for ى', () => {
    expect(answered(bot.ask('ما هي اللجنه الامنيه الرباعيه؟')).paragraph).toBe(10);
    expect([11, 12, 13]).toContain(answered(bot.ask('ماذا قال المقداد عن الحرب علي داعش')).paragraph);
  });

  test('case 3: Persian keyboard letters find the 605 km border', () => {
    expect(answered(bot.ask('کم طول الحدود بین البلدین؟')).paragraph).toBe(2);
  });

  test('case 4: tatweel and diacritics; the reply spells the name as the article does', () => {
    const r = answered(bot.ask('ماذا قالَ فالِح الفَيّـــاض؟'));
    expect(r.paragraph).toBe(5);
    expect(r.speaker.nameAr).toBe('فالح الفياض');
  });

  test('case 5: bidi marks change nothing, not even the confidence', () => {
    const marked = answered(bot.ask('\u200Fمن هو وهاب\u200E الطائي؟\u200F'));
    const plain = answered(bot.ask('من هو وهاب الطائي؟'));
    expect(marked.paragraph).toBe(9);
    expect(marked.speaker.id).toBe('taei');
    expect(marked.confidence).toBe(plain.confidence);
  });

  test('case 6: Arabic-Indic digits', () => {
    expect(answered(bot.ask('ما طول الحدود؟ ٦٠٥ كم')).paragraph).toBe(2);
    expect(answered(bot.ask('ماذا حدث في ٢٥ فبراير؟')).paragraph).toBe(7);
  });

  test.each(['ـــ؟؟ \u200F\u064B', '', '   ', '؟!...', '\u200E\u200F\u2066\u2069'])(
    'case 7: %j is empty after normalization and gets a prompt, never a paragraph',
    (q) => {
      const r = bot.ask(q);
      expect(r.kind).toBe('no-answer');
      if (r.kind === 'no-answer') expect(r.reason).toBe('empty');
    },
  );
});

describe('shared/cases fuzzy matching (cases 8-12)', () => {
  test('case 8: a word near the end of a long paragraph is found', () => {
    expect(answered(bot.ask('الرقة')).paragraph).toBe(14);
    expect(answered(bot.ask('أين أكبر معاقل التنظيم في سوريا؟')).paragraph).toBe(14);
  });

  test('case 9: a long, chatty question still reaches Mekdad', () => {
    const r = answered(
      bot.ask(
        'السلام عليكم، عندي سؤال صغير لو سمحت وأتمنى أن تجيبني: ماذا قال نائب وزير الخارجية السوري عن التنسيق مع الجيش العراقي؟',
      ),
    );
    expect([11, 12, 13]).toContain(r.paragraph);
    expect(r.speaker.id).toBe('mekdad');
  });

  test.each([
    'هل صحيح أن منتخب العراق لكرة القدم سيلعب مباراة ودية مع سوريا على الحدود الشهر المقبل؟',
    'ما حالة الطقس غدا في دمشق؟',
  ])('cases 10-11: near-topic noise %s gets no answer', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('case 12: every curated question typed exactly comes back as a high-confidence answer from the article', () => {
    let right = 0;
    let total = 0;
    for (const entry of bot.corpus.entries) {
      for (const q of Object.values(entry.questions).flat()) {
        total++;
        const r = bot.ask(q);
        if (r.kind === 'answer' && r.paragraph === entry.paragraph && r.confidence >= 0.6) right++;
      }
    }
    // Some curated phrasings are legitimately shared between near entries of one paragraph; most must hold.
    expect(right / total).toBeGreaterThan(0.9);
  });
});

describe('answers by kind of question (own phrasings)', () => {
  test.each([
    ['who-said, Arabic', 'من الذي قال إن العدو مشترك والمعركة واحدة؟', [4, 13]],
    ['role, English', 'What is Faisal al-Mekdad job?', [11]],
    ['date, Arabic', 'في أي يوم استقبل الأسد مبعوث العبادي؟', [2]],
    ['number, English', 'how many km is the border between iraq and syria', [2]],
    ['place, Arabizi', 'wen darabet el tayyarat el 3ira2iye?', [8, 11]],
    ['speaker quotes, Egyptian', 'الطائي قال إيه؟', [9, 10]],
    ['fact, Gulf', 'وش اللي يصير في الموصل؟', [3, 11, 14]],
    ['fact, English with typo', 'who is in the quadrilateral securty committee?', [10]],
  ])('%s: %s', (_kind, q, paragraphs) => {
    const r = answered(bot.ask(q));
    expect(paragraphs).toContain(r.paragraph);
  });

  test('English questions carry the curated translation; the quote stays Arabic and verbatim', () => {
    const r = answered(bot.ask('What did Fayyadh say about terrorism?'));
    expect(r.script).toBe('latin');
    expect(r.translation).toMatch(/[a-z]/);
    expect(bot.corpus.text.includes(r.quote)).toBe(true);
  });
});

describe('abstention', () => {
  test.each([
    ['off-topic', 'how do I bake bread?'],
    ['greeting', 'السلام عليكم'],
    ['person not in the article', 'What did Erdogan say about Assad?'],
    ['a visit the article does not mention', 'متى زار الأسد بغداد؟'],
    ['a casualty figure', 'كم قتيل سقط في البوكمال؟'],
    ['someone’s age', 'how old is Abadi?'],
  ])('%s: %s → the article does not say', (_kind, q) => {
    const r = bot.ask(q);
    expect(r.kind).toBe('no-answer');
    if (r.kind === 'no-answer') expect(r.suggestions.length).toBeGreaterThan(0);
  });
});

describe('rules that generalize', () => {
  test.each(['What did ISIS say about Mosul?', 'ماذا قالت إيران عن الحدود؟', 'shu 2alet russia 3an el lajne?'])(
    'a said-question about an entity the article names but never quotes (%s) gets no answer',
    (q) => {
      const r = bot.ask(q);
      expect(r.kind).toBe('no-answer');
      if (r.kind === 'no-answer') expect(r.reason).toBe('not-in-article');
    },
  );

  test('naming a quoted speaker keeps the question answerable even when a silent entity follows', () => {
    expect(answered(bot.ask('ماذا قال العبادي عن داعش؟')).speaker.id).toBe('abadi');
  });

  test('"according to X" prefers X’s own words to a report that mentions X', () => {
    const r = answered(bot.ask('بحسب الأسد، ما أهمية إنجازات الجيشين؟'));
    expect(r.paragraph).toBe(4);
    expect(r.speaker.id).toBe('assad');
  });

  test.each([
    ['when', 'When did the Syrian deputy foreign minister make his remarks?', [11]],
    ['how many', 'كم كيلو طول الحدود؟', [2]],
    ['where', 'وين التقى الفياض بالأسد؟', [2, 3]],
  ])('a "%s" question is answered by a passage holding that kind of value: %s', (_type, q, paragraphs) => {
    expect(paragraphs).toContain(answered(bot.ask(q)).paragraph);
  });

  test('inflected forms of out-of-scope words are caught (الزيارة, زيارته)', () => {
    expect(bot.ask('كم يوما استمرت زيارته إلى دمشق؟').kind).toBe('no-answer');
    expect(bot.ask('ماذا حدث في الزيارة؟').kind).toBe('no-answer');
  });

  test('an out-of-scope word whose stem the article itself uses does not block an answer (قتل)', () => {
    expect(answered(bot.ask('من الذي يحاول قتل أبنائنا بحسب العبادي؟')).paragraph).toBe(8);
  });
});

describe('found by a new user trying to break it', () => {
  test.each(['hello world', 'yes', 'python', 'قال', 'what did he say', 'ماذا قال؟'])(
    '%s names nothing the article is about: no answer, not a confident paragraph',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each([
    ['الرقة', 14],
    ['حصيبة؟', 8],
    ['605?', 2],
  ])('a lone name, place or number (%s) is still a question', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });

  test.each(['كم عدد القتلى؟', 'كم عدد الشهداء؟', 'كم عدد المصابين في الموصل؟', 'ما هي ميزانية الجيش العراقي؟'])(
    'a count or figure the article never gives (%s) is declined as not in the article',
    (q) => {
      const r = bot.ask(q);
      expect(r.kind).toBe('no-answer');
      if (r.kind === 'no-answer') expect(r.reason).toBe('not-in-article');
    },
  );

  test.each(['ماذا قال الأسد عن إيران؟', 'What did Assad say about Raqqa?', 'ماذا قال العبادي عن روسيا؟'])(
    'a speaker asked about a subject they never spoke of (%s) gets no one else’s words',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each([
    ['http://evil.example ماذا قال المقداد', 'mekdad'],
    ['[click](http://evil.example) ماذا قال المقداد', 'mekdad'],
    ['\u0000\u0001\u001b[31mRED\u001b[0m ماذا قال الأسد', 'assad'],
    ['<@123456789012345678> <:wave:123456789012345678> ماذا قال الطائي؟', 'taei'],
  ])('chat noise around a question (%j) is ignored', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test.each([
    ['الفقرة 12 (فيصل المقداد)', 12],
    ['paragraph 3', 3],
    ['الفقرة ١٤', 14],
  ])('"%s" shows that paragraph (how paragraph alternatives are labelled)', (q, paragraph) => {
    const r = answered(bot.ask(q));
    expect(r.paragraph).toBe(paragraph);
    expect(bot.corpus.text.includes(r.quote)).toBe(true);
  });

  test.each([
    'من هو وزير الداخلية العراقي؟',
    'What is the name of the Iraqi interior minister?',
    'Who is Syria’s foreign minister?',
  ])('an office-holder the article never names (%s) is not answered with his adviser or deputy', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['من هو نائب وزير الخارجية السوري؟', 'mekdad'],
    ['Who advises the Iraqi interior minister?', 'taei'],
  ])('the adviser or deputy himself (%s) is still found', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test.each(['paragraph -1', 'paragraph 3.5'])('%s is not a paragraph command', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each(['paragraph 0', 'paragraph 15'])('%s names the valid range', (q) => {
    const r = bot.ask(q);
    expect(r.kind === 'no-answer' && r.reason).toBe('no-such-paragraph');
  });

  test.each([
    ['paragraphs 13 to 20', [13, 14]],
    ['الفقرات من 12 الى 16', [12, 13, 14]],
    ['paragraphs 1 to 99999', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]],
    ['paragraphs 1.5 and 3', [3]],
  ])('%s shows the paragraphs that exist, marked as clipped to 14', (q, numbers) => {
    const r = answered(bot.ask(q));
    expect([r.paragraph, ...r.alternatives.map((a) => a.paragraph)]).toEqual(numbers);
    expect(r.clippedTo).toBe(14);
  });

  test('a list longer than the article shows each paragraph once, in the order first asked', () => {
    const r = answered(bot.ask('paragraphs 3, 1, 3, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14'));
    expect([r.paragraph, ...r.alternatives.map((a) => a.paragraph)]).toEqual([
      3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    ]);
    expect(r.clippedTo).toBeUndefined();
    expect(answered(bot.ask('paragraph 14 and 15')).clippedTo).toBe(14);
  });

  test.each(['paragraphs 3 to 5', 'paragraph 6', 'paragraphs 1 to 14'])('%s asks for no missing paragraph', (q) => {
    expect(answered(bot.ask(q)).clippedTo).toBeUndefined();
  });

  test('paragraph 3 is the whole paragraph, ending with its attribution to SANA', () => {
    expect(answered(bot.ask('paragraph 3')).quote).toBe(bot.corpus.paragraphs[2]?.text);
  });

  test.each(['مرحبا', 'hello', 'شكرا', 'who?', 'ماذا؟'])('%s (nothing to look for) gets the prompt to ask', (q) => {
    const r = bot.ask(q);
    expect(r.kind === 'no-answer' && r.reason).toBe('empty');
  });

  test.each(['ما اسم السفير العراقي في دمشق؟', 'ما اسم قائد القوة الجوية العراقية؟'])(
    'an official the article never mentions (%s) is declined',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each([
    ['إيش قال مستشار وزير الداخلية؟', 'p09-taei-statement'],
    ['What did the national security adviser stress?', 'p05-fayyadh-said'],
  ])('asked by role, "%s" gets the speaker’s words, not the sentence introducing him', (q, entryId) => {
    expect(answered(bot.ask(q)).entryId).toBe(entryId);
  });

  test.each([
    ['ماذا قال المقدد عن التنسيق', 'mekdad'],
    ['شو قال الفياص', 'fayyadh'],
  ])('a one-letter typo in a short name (%s) still finds the speaker', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test.each([
    'ماذا قال الرئيس الإيراني عن اللجنة الرباعية؟',
    'What did Russia say about the Assad-Fayyadh meeting?',
    'sho 2alet amerka 3an el liqa2?',
  ])('a said-question whose subject is never quoted (%s) gets no answer, even when a speaker is its topic', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('a lexicon word is found with the article too (الوظيفة as وظيفة)', () => {
    expect(answered(bot.ask('ما هي الوظيفة التي يشغلها فالح الفياض؟')).paragraph).toBe(2);
  });

  test('paragraph 99 is not a paragraph', () => {
    expect(bot.ask('paragraph 99').kind).toBe('no-answer');
  });
});

describe('direct quotation or reported words', () => {
  test.each([
    ['ماذا قال الأسد في الاجتماع؟', true],
    ['ما هو منصب فالح الفياض؟', false],
    ['متى أعلن العبادي ضرب داعش في سوريا؟', false],
    ['الرقة', true],
  ])('%s → direct %s (own words inside quotation marks, or the reporter’s own text)', (q, direct) => {
    expect(answered(bot.ask(q)).direct).toBe(direct);
  });
});

describe('quotes from paragraphs', () => {
  test('an answer from a long reporter paragraph quotes the clause that answers, not the whole paragraph', () => {
    const r = answered(bot.ask('أين أكبر معاقل التنظيم في سوريا؟'));
    expect(r.paragraph).toBe(14);
    expect(r.quote).toContain('الرقة');
    expect(r.quote.length).toBeLessThan((bot.corpus.paragraphs[13]?.text.length ?? 0) * 0.75);
    expect(bot.corpus.text.includes(r.quote)).toBe(true);
  });

  test.each([
    ['one, two. three؟ four', ['one,', ' two.', ' three؟', ' four']],
    ['لا فواصل هنا', ['لا فواصل هنا']],
    ['605,000 stays whole', ['605,000 stays whole']],
  ])('splitClauses(%j) keeps every mark with its clause and offsets verbatim', (text, expected) => {
    const clauses = splitClauses(text);
    expect(clauses.map((c) => c.text)).toEqual(expected);
    for (const c of clauses) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('invariants', () => {
  test('every quote and alternative shown is a verbatim substring of the article', () => {
    const questions = [
      'ماذا قال العبادي؟',
      'Mekdad quotes',
      'el asad 2al eh?',
      'who wrote the article?',
      'ما علاقة إيران؟',
      'ISIS Mosul June 2014',
    ];
    for (const q of questions) {
      const r = bot.ask(q);
      if (r.kind !== 'answer') continue;
      expect(bot.corpus.text.includes(r.quote)).toBe(true);
      for (const a of r.alternatives) expect(bot.corpus.text.includes(a.quote)).toBe(true);
      expect(r.alternatives.length).toBeLessThanOrEqual(3);
    }
  });

  test('a 2,000-character message and non-string input are answered without throwing', () => {
    expect(() => bot.ask('ماذا قال الأسد؟ '.repeat(200))).not.toThrow();
    expect(bot.ask(undefined as unknown as string).kind).toBe('no-answer');
  });

  test('answerEntry answers a curated id and rejects an unknown one', () => {
    const id = bot.corpus.entries[0]?.id ?? '';
    expect(bot.answerEntry(id)?.entryId).toBe(id);
    expect(bot.answerEntry('no-such-entry')).toBeUndefined();
  });

  test('suggest: ≤ limit questions; an empty field gives popular questions; typing narrows them', () => {
    expect(bot.suggest('', 25).length).toBeGreaterThan(0);
    expect(bot.suggest('', 25).length).toBeLessThanOrEqual(25);
    const typed = bot.suggest('ما', 25);
    expect(typed.length).toBeLessThanOrEqual(25);
    const mekdad = bot.suggest('Mekdad', 5);
    expect(mekdad.length).toBeGreaterThan(0);
    for (const s of mekdad) expect(bot.corpus.entries.find((e) => e.id === s.entryId)?.speakerId).toBe('mekdad');
  });

  test.each([
    ['ماذا قال المقد', 'mekdad'],
    ['What did Mekd', 'mekdad'],
    ['الرق', 'mahdi'],
  ])('suggest: a half-typed word (%s) already finds its speaker’s questions first', (partial, speaker) => {
    const first = bot.suggest(partial, 25)[0];
    expect(bot.corpus.entries.find((e) => e.id === first?.entryId)?.speakerId).toBe(speaker);
  });

  test('quotesBy lists a speaker’s paragraphs in order; findSpeaker reads typed names', () => {
    expect(bot.quotesBy('mekdad').map((a) => a.paragraph)).toEqual([11, 12, 13]);
    expect(bot.quotesBy('nobody')).toEqual([]);
    expect(bot.findSpeaker('Miqdad')?.id).toBe('mekdad');
    expect(bot.findSpeaker('العبادى')?.id).toBe('abadi');
  });
});

describe('how many: the counted thing must be what a number of the passage counts', () => {
  // Bug fixed: every "how many X" got the 605 km of border, the article's only count.
  test.each([
    'How many Iraqi militias are fighting in Syria?',
    'How many paragraphs does the article have?',
    'كم عدد الميليشيات العراقية التي تقاتل في سوريا؟',
    'kam 3adad el jonood el souriin 3al 7dood?',
    'How many ميليشيات عراقية are in Syria?',
  ])('%j is declined', (question) => {
    const reply = bot.ask(question);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
  });

  test.each([
    ['How long is the border?', 2],
    ['كم طول الحدود؟', 2],
    ['How many km is the shared border?', 2],
    ['How long is the Iraq-Syria border according to the article?', 2],
    ['كم دولة في اللجنة الأمنية؟', 10],
  ])('%j is answered from paragraph %d', (question, paragraph) => {
    const reply = bot.ask(question);
    expect(reply.kind === 'answer' && reply.paragraph).toBe(paragraph);
  });
});

describe('questions about the article itself', () => {
  // Bug fixed: these got "please write a question" or "off-topic" (only the stored wording worked).
  test.each([
    'What is this article about?',
    'What is the main news in the article?',
    'ما موضوع المقال؟',
    'ما الخبر الرئيسي في المقال؟',
    'عن ماذا يتحدث المقال؟',
    'Summarize the article',
    '3an shu el ma2al?',
  ])('%j is answered with the entry marked summary', (question) => {
    const reply = bot.ask(question);
    const summary = bot.corpus.entries.find((e) => e.summary);
    expect(summary).toBeDefined();
    expect(reply.kind === 'answer' && reply.entryId).toBe(summary?.id);
  });

  // Bug fixed: "what does the article say about Iran" was declined as "what did Iran say" (Iran is never quoted).
  test.each([
    ['What does the article say about Iran?', [6, 10]],
    ['ماذا يقول المقال عن ايران؟', [6, 10]],
    ['What does the article say about Afghan militias?', [6]],
    ['shu bi2oul el ma2al 3an iran?', [6, 10]],
  ])('%j is answered from the paragraphs about it', (question, paragraphs) => {
    const reply = bot.ask(question);
    expect(reply.kind === 'answer' && paragraphs.includes(reply.paragraph)).toBe(true);
  });

  test('"what did Iran say" is still declined: the article never quotes Iran', () => {
    const reply = bot.ask('What did Iran say?');
    expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
  });
});

// Bug fixed: 53 of 262 answers listed an alternative more confident than the answer itself (0.70 vs 1.0).
test('no alternative is more confident than the answer it ranks below', () => {
  const questions = bot.corpus.entries.flatMap((e) => Object.values(e.questions).flat()).slice(0, 400);
  for (const q of [...questions, "what is mekdad's title", 'ماذا قال عن التنسيق؟', 'who spoke about the border']) {
    const reply = bot.ask(q);
    if (reply.kind !== 'answer') continue;
    for (const a of reply.alternatives) expect(a.confidence).toBeLessThanOrEqual(reply.confidence);
  }
});

describe('careless spellings of names and question words', () => {
  // Bug fixed: each of these was declined as off-topic or "does not say".
  test.each([
    ['what did alabadi say', 'abadi'],
    ['what did alassad say', 'assad'],
    ['what did elassad say', 'assad'],
    ['altaei', 'taei'],
    ['ماذا قال المقدات', 'mekdad'],
    ['wat did asad sai', 'assad'],
    ['what did Fayyadh sya', 'fayyadh'],
  ])('%j → %s', (question, speaker) => {
    const reply = bot.ask(question);
    expect(reply.kind === 'answer' && reply.speaker.id).toBe(speaker);
  });
});

describe('what X said about Y, when Y is in another of X’s passages', () => {
  // Bug fixed: declined in Arabic (only the best passage was checked for the subject) while English was answered.
  test.each([
    ['ماذا قال المقداد عن الموصل؟', 'mekdad'],
    ['ماذا قال الطائي عن روسيا؟', 'taei'],
    ['ماذا قال الطائي عن إيران؟', 'taei'],
  ])('%j → a passage of %s that names the subject', (question, speaker) => {
    const reply = bot.ask(question);
    expect(reply.kind === 'answer' && reply.speaker.id).toBe(speaker);
    const subject = question.includes('الموصل') ? 'الموصل' : question.includes('روسيا') ? 'روسيا' : 'إيران';
    if (reply.kind === 'answer') expect(bot.corpus.paragraphs[reply.paragraph - 1]?.text).toContain(subject);
  });

  test('"what did al-Assad say about Iran?" is still declined: none of his words mention Iran', () => {
    const reply = bot.ask('ماذا قال الأسد عن إيران؟');
    expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
  });
});

describe('the speaker named before "about"', () => {
  // Bug fixed: al-Abadi's own message was given (0.96) as what al-Assad said about him.
  test.each(['What did Assad say about Abadi?', 'ماذا قال الأسد عن العبادي؟'])(
    '%j is declined: al-Assad’s words do not mention al-Abadi',
    (question) => {
      const reply = bot.ask(question);
      expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
    },
  );

  test('"What did Abadi say about Assad?" is al-Abadi’s message to al-Assad', () => {
    const reply = bot.ask('What did Abadi say about Assad?');
    expect(reply.kind === 'answer' && reply.speaker.id).toBe('abadi');
  });

  // Bug fixed: "what did the journalist say" quoted the byline («أسامة مهدي») and nothing else.
  test('"what did the journalist say" quotes his words, not his name; "who wrote it" gives the name', () => {
    const said = bot.ask('what did the journalist say');
    expect(said.kind === 'answer' && said.quote.trim()).not.toBe(bot.corpus.byline);
    const who = bot.ask('who wrote the article?');
    expect(who.kind === 'answer' && who.quote).toBe(bot.corpus.byline);
  });
});

// Bug fixed: "when did Iraq strike Syria?" (Arabizi) quoted the clause giving the reason, not the date.
test.each(['mta darab el 3iraq souria?', 'When did Iraq strike Syria?'])(
  '%j is answered with a clause that holds the date',
  (question) => {
    const reply = bot.ask(question);
    expect(reply.kind === 'answer' && /\d/.test(reply.quote)).toBe(true);
  },
);

// Bug fixed: "shu 2al el ra2ees el souri?" quoted the reporter's introduction of al-Assad, not his words.
test('a role spelled in words names the speaker like his name: "what did the Syrian president say" in Arabizi', () => {
  const reply = bot.ask('shu 2al el ra2ees el souri?');
  expect(reply.kind === 'answer' && reply.speaker.id).toBe('assad');
});

// Bug fixed: "when was the article published?" answered 25 February (when al-Abadi announced the strikes).
test.each(['When was the article published?', 'When was this article written?', 'متى نشر المقال؟'])(
  '%j is declined: the article gives no date of its own',
  (question) => {
    const reply = bot.ask(question);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
  },
);

test('"who wrote this piece?" still names the reporter', () => {
  const reply = bot.ask('Who wrote this piece?');
  expect(reply.kind === 'answer' && reply.quote).toBe(bot.corpus.byline);
});

describe('kinds the fifth blind set found (first run)', () => {
  test('"the news agency" names SANA as the source: "according to the agency, what did X and Y discuss" is its paragraph', () => {
    const reply = answered(bot.ask('per the Syrian news agency, what were Assad and al-Fayyadh discussing?'));
    expect(reply.speaker.id).toBe('sana');
  });

  test('a stance question (موقف, "stance", "position on") asks what the person said, not his job', () => {
    for (const q of ['شو موقف الاسد من محاربة الارهاب', "what is Assad's stance on fighting terrorism?"]) {
      const reply = answered(bot.ask(q));
      expect(reply.speaker.id).toBe('assad');
      expect(reply.paragraph).toBe(4);
    }
  });

  test('"joint", "shared" and "common" find the article\'s مشترك', () => {
    const reply = answered(bot.ask('who talked about a shared enemy?'));
    expect(reply.speaker.id).toBe('assad');
  });

  test('"sum it up in one sentence" and "باختصار شو القصة" ask for the summary', () => {
    for (const q of ['sum up this piece in one sentence', 'باختصار شو القصة']) {
      const reply = answered(bot.ask(q));
      expect(reply.paragraph).toBe(1);
    }
  });

  test('Gulf "السالفة" (the story) is a word about the article, not an unknown topic', () => {
    const reply = answered(bot.ask('وش دور ايران في السالفة'));
    expect(reply.paragraph).toBe(6);
  });
});

describe('a when-question about something whose date the article does not give', () => {
  test.each([
    'when did daesh take over raqqa?',
    'امتى رح تتحرر الرقة',
    'في أي سنة سقطت الرقة بيد التنظيم؟',
    'emta ra7 yesta3eedo el raqqa',
  ])('%s: the passage dates Mosul, not Raqqa', (q) => {
    const reply = bot.ask(q);
    expect(reply.kind).toBe('no-answer');
    if (reply.kind === 'no-answer') expect(reply.reason).toBe('not-in-article');
  });

  test.each([
    ['when did daesh take over mosul?', 14],
    ['في أي يوم كان اللقاء في دمشق؟', 2],
    ['since what year has the syrian uprising been going on?', 6],
  ])('%s: the date in the same clause is answered', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });

  test('a when-question naming a speaker asks when he spoke, whatever else his clause names', () => {
    expect(answered(bot.ask('when did al-Mekdad talk about the strikes on al-Bukamal?')).paragraph).toBe(11);
  });
});

describe('a said-question naming one speaker asks about that speaker only', () => {
  test.each(['el assad 2al enno el 3ira2 ra7 yotlob ta3zizat?', 'شنو قال الفياض على اللجنة الرباعية'])(
    '%s: nobody said it, or he did not speak of it',
    (q) => {
      const reply = bot.ask(q);
      expect(reply.kind).toBe('no-answer');
    },
  );

  test.each([
    ['did al-Taei say the battle against Daesh is one battle?', 'taei', ['assad', 'mekdad']],
    ['هل قال المقداد ان العراق سيتجاوز حدوده؟', 'mekdad', ['taei']],
    ['is it al-Fayyadh who said the enemy is common?', 'fayyadh', ['assad']],
    ['المقداد هو اللي قال ان العدو مشترك؟', 'mekdad', ['assad']],
    ['did Abadi say that Syria never felt it was dealing with a foreign army?', 'abadi', ['mekdad']],
  ])('%s: someone else said it; the answer gives his words and says they are not the named one’s', (q, asked, by) => {
    const answer = answered(bot.ask(q));
    expect(by).toContain(answer.speaker.id);
    expect(answer.askedSpeaker?.id).toBe(asked);
  });

  test.each(['did Assad mention Iran?', 'why did al-Fayyadh say the enemy is common?'])(
    '%s: a topic he never spoke of, or a why built on the swap, is declined',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('the named speaker saying it himself gets no correction', () => {
    expect(answered(bot.ask('did al-Assad say the enemy is common?')).askedSpeaker).toBeUndefined();
  });

  test.each([
    ['did al-Taei say Iraq may act beyond its borders?', 'taei'],
    ['هل قال المقداد ان الحرب على داعش دعم للعراق؟', 'mekdad'],
    ['الطائي قال العراق ممكن يطلع برا الحدود؟', 'taei'],
  ])('%s: the named speaker said it', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test('"who said …" asks who, even when what was said names a group the article never quotes', () => {
    expect(answered(bot.ask('شكون لي قال بلي الحرب على داعش حرب على عدو واحد؟')).speaker.id).toMatch(/assad|mekdad/);
  });
});

describe('found by the fresh break test (requests the bot declined)', () => {
  test('"paragraph 3 and 4": the first in full, the second as its alternative', () => {
    const reply = answered(bot.ask('paragraph 3 and 4'));
    expect(reply.paragraph).toBe(3);
    expect(reply.alternatives.map((a) => a.paragraph)).toEqual([4]);
  });

  test('"what is paragraph 6 about?" and "translate paragraph 2" are paragraph requests', () => {
    expect(answered(bot.ask('what is paragraph 6 about?')).paragraph).toBe(6);
    expect(answered(bot.ask('translate paragraph 2')).translation).toBeTruthy();
  });

  test('"الفقرة صفر" is a paragraph that does not exist, not an unanswerable question', () => {
    const reply = bot.ask('الفقرة صفر');
    expect(reply.kind === 'no-answer' && reply.reason).toBe('no-such-paragraph');
  });

  test.each(['summary', 'ملخص', 'tl;dr', 'Tell me everything about the article', 'ma howa el khabar?'])(
    '%s asks for the summary',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(1);
    },
  );

  test('a mention that is not a real snowflake (<@123>) is chat noise too', () => {
    expect(answered(bot.ask('<@123> ماذا قال الطائي؟')).confidence).toBe(
      answered(bot.ask('ماذا قال الطائي؟')).confidence,
    );
  });
});

describe('found by the fresh break test (wrong passages)', () => {
  test('a where-question quotes the clause naming the places', () => {
    const reply = answered(bot.ask('اي المدن قصفتها الطائرات العراقية؟'));
    expect(reply.paragraph).toBe(8);
    expect(reply.quote).toContain('حصيب');
  });

  test("a stance of a country the article never quotes (موقف روسيا, Iran's view) is not in the article", () => {
    for (const q of ['شو موقف روسيا', "what is Iran's view on the message?"]) {
      const reply = bot.ask(q);
      expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
    }
  });

  test('"last Monday" is the Monday of paragraph 9, not any time word', () => {
    expect(answered(bot.ask('what was said last monday?')).paragraph).toBe(9);
  });

  test('"the national security advisor" (American spelling) is al-Fayyadh, and what he said is his quote', () => {
    const reply = answered(bot.ask('what did the national security advisor say?'));
    expect(reply.speaker.id).toBe('fayyadh');
    expect(reply.paragraph).toBe(5);
  });
});

describe('typos in a role or in "say" (found by the fresh break test)', () => {
  test('"syrian presdent" is still the Syrian president, so "what did he say" gets his words, not his introduction', () => {
    const reply = answered(bot.ask('wat did da syrian presdent say'));
    expect(reply.speaker.id).toBe('assad');
    expect(reply.paragraph).toBe(4);
  });

  test('"sey" is "say": a said-question about al-Mekdad gets his words', () => {
    const reply = answered(bot.ask('what did mekdad sey'));
    expect(reply.speaker.id).toBe('mekdad');
    expect(reply.quote).not.toBe('نائب وزير الخارجية السوري فيصل المقداد');
  });
});

describe('"what did X say about Y" where Y is a word the article never uses', () => {
  test.each([
    'شو قال الاسد عن حزب الله؟',
    'what did al-Taei say about refugees?',
    'what did mekdad say about the olympics',
  ])('%s', (q) => {
    const reply = bot.ask(q);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
  });

  test('a long rambling question with "about" early on is judged by its known words', () => {
    const q =
      'ok so i was reading about this iraq syria thing and kinda lost track, the guy who advises the interior minister, did he say iraq might go past its own border?';
    expect(answered(bot.ask(q)).speaker.id).toBe('taei');
  });
});

describe('"describe" asks what was said; Arabizi "his job"', () => {
  test('"how did X describe Y" is a said-question about X', () => {
    expect(answered(bot.ask('how did assad describe the enemy?')).paragraph).toBe(4);
    expect(answered(bot.ask('كيف وصف المقداد التنسيق مع الجيش العراقي؟')).speaker.id).toBe('mekdad');
  });

  test('"shaghelto" asks his job', () => {
    expect(answered(bot.ask('el me2dad shu shaghelto?')).entryId).toBe('p11-mekdad-role');
  });
});

describe('how-many questions whose passage counts nothing', () => {
  test.each([
    'how many jets bombed al-bukamal?',
    'كم طائرة شاركت في الغارات على حصيب؟',
    'How many planes took part in the 25 February strikes?',
  ])('%s: the passage has no count (its only numbers are dates)', (q) => {
    const reply = bot.ask(q);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
  });

  test('how long something will take is answered with time, not declined for lack of a count', () => {
    expect(answered(bot.ask('كم باقي على تحرير الموصل؟')).paragraph).toBe(14);
  });

  test('the border is still 605 km', () => {
    expect(answered(bot.ask('how many kilometres is the shared border?')).paragraph).toBe(2);
  });
});

describe('kinds the sixth blind set found (first run)', () => {
  test.each([
    'why did abadi refuse to meet assad?',
    'ليش رفض الاسد الرسالة',
    "what did the prime minister's spokesman say?",
    'did the envoy stop in Tehran?',
    'شو كان موقف موسكو من الرسالة',
  ])('%s: refusals, spokesmen, Tehran and Moscow are not in the article', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('"what does it say about Russia?" asks the article, which names Russia in the committee', () => {
    expect(answered(bot.ask('what does it say about russia?')).paragraph).toBe(10);
  });

  test('"name of the X" asks who holds a role', () => {
    expect(answered(bot.ask("what's the name of the syrian deputy foreign minister?")).speaker.id).toBe('mekdad');
  });

  test('Arabizi "katab" (wrote) finds the byline', () => {
    expect(answered(bot.ask('meen katab el maqal?')).paragraph).toBe(1);
  });
});

describe('two speakers asked about together', () => {
  test('"what did Assad and Fayyadh talk about?" is SANA\'s account of their meeting', () => {
    for (const q of [
      'what did assad and fayyadh talk about?',
      'shu 7ako el assad w el fayyadh?',
      'ماذا قال الأسد والفياض؟',
    ]) {
      expect(answered(bot.ask(q)).paragraph).toBe(3);
    }
  });

  test('"what did Assad say in his meeting with Abadi\'s envoy?" is still al-Assad\'s words', () => {
    expect(answered(bot.ask('ماذا قال بشار الاسد في لقائه بمبعوث العبادي؟')).paragraph).toBe(4);
  });

  test('"warn" asks what someone said', () => {
    expect(answered(bot.ask('what did al-Fayyadh warn about?')).paragraph).toBe(5);
  });
});

test('words another speaker said far more clearly are not attributed to the one named (swapped attribution)', () => {
  const reply = bot.ask('ليش المقداد قال ان العراق رح يدافع عن حدوده من برا');
  expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
  expect(answered(bot.ask('ليش الطائي قال ان العراق رح يدافع عن حدوده من برا')).speaker.id).toBe('taei');
});

describe('"how long"', () => {
  test('"how long have they been fighting" is since when: the passage with the start is the answer', () => {
    expect(answered(bot.ask('how long have iraqi militias fought alongside the syrian regime?')).paragraph).toBe(6);
  });

  test('"how long did the meeting last/take" asks a duration the article never gives', () => {
    for (const q of ['how long did the meeting last?', 'how long did the talks in damascus take?']) {
      expect(bot.ask(q).kind).toBe('no-answer');
    }
  });

  test('"how long is the border" is still its length', () => {
    expect(answered(bot.ask('how long is the border?')).paragraph).toBe(2);
  });
});

describe('found by the final fresh break test', () => {
  test.each(['كم طول الحدود بين العراق وإيران؟', 'how many kilometres is Mosul from Baghdad?'])(
    '%s: the 605 km are not that border or distance',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('"the president" is the article\'s only president, al-Assad', () => {
    expect(answered(bot.ask('what did the president say?')).speaker.id).toBe('assad');
  });

  test('"what did Mekdad say in his interview / to reporters" is his press statement', () => {
    expect(answered(bot.ask('what did mekdad say in his interview?')).speaker.id).toBe('mekdad');
  });

  test('dialect and Arabizi meeting questions', () => {
    expect(answered(bot.ask('فين اتقابلوا؟')).paragraph).toBe(2);
    expect(answered(bot.ask('mata el ijtima3?')).paragraph).toBe(2);
  });

  test('"Hasib" (the article\'s spelling) is Husaybah', () => {
    expect(answered(bot.ask('what is hasib?')).paragraph).toBe(8);
  });

  test('a "when" joining a clause of a who-said question does not make it a when-question', () => {
    expect(
      answered(bot.ask('who said they did not feel like facing a foreign army when iraqi planes bombed al-bukamal?'))
        .speaker.id,
    ).toBe('mekdad');
  });
});

test('2,000 characters of leading padding (spaces, zero-width spaces, tatweel) do not hide the question', () => {
  for (const pad of [' ', '\u200B', '\u0640']) {
    expect(answered(bot.ask(`${pad.repeat(2100)}ماذا قال الأسد؟`)).paragraph).toBe(4);
  }
});

describe('kinds the seventh blind set found (first run)', () => {
  test.each(['who did the Syrian president meet in Damascus?', 'مين اجتمع مع الأسد؟', 'من استقبل الأسد؟'])(
    "%s asks for the other side of the meeting: the passage naming al-Fayyadh, not al-Assad's own words",
    (q) => {
      const r = answered(bot.ask(q));
      expect([2, 3]).toContain(r.paragraph);
    },
  );

  test('a visit in the dialect future (حيزور, هيزور) is still a visit the article never reports', () => {
    expect(bot.ask('امتى حيزور الأسد العراق؟').kind).toBe('no-answer');
    expect(bot.ask('العبادي هيزور دمشق امتى').kind).toBe('no-answer');
  });

  test('وزارة "ministry" is not زاره "visited him": a role question about the ministry is answered', () => {
    const r = answered(bot.ask('ما منصب المقداد في الوزارة؟'));
    expect(r.paragraph).toBe(11);
    expect(r.speaker.id).toBe('mekdad');
  });

  test('Iraqi شوكت and موعد ask when', () => {
    expect([1, 2]).toContain(answered(bot.ask('شوكت صار اللقاء؟')).paragraph);
    expect([1, 2]).toContain(answered(bot.ask('ما موعد لقاء الفياض بالأسد')).paragraph);
  });

  test('"who said" opened by من, in other words than the article\'s (نصر, يصب في مصلحة)', () => {
    const r = answered(bot.ask('من قال إن النصر في سوريا يصب في مصلحة العراق'));
    expect(r.paragraph).toBe(13);
    expect(r.speaker.id).toBe('mekdad');
  });

  test('"need" also reads "requires" (يتطلب): al-Fayyadh on what every country must give', () => {
    const r = answered(bot.ask('According to Fayyadh, what do the countries of the region need to do?'));
    expect(r.paragraph).toBe(5);
  });
});

describe('near-misses the seventh blind set found (first run)', () => {
  test.each(['When is the battle to retake Raqqa going to start?', 'متى ستبدأ معركة استعادة الرقة؟'])(
    '%s: no dated clause of the passage found names Raqqa, so its date is something else',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('a dated Raqqa-free question is still answered: "when did ISIS take Mosul?"', () => {
    expect(answered(bot.ask('when did ISIS take Mosul?')).paragraph).toBe(14);
  });

  test.each([
    'who is the interior minister al-Taei works for?',
    'ما اسم وزير الخارجية الذي يعمل المقداد نائبا له؟',
    'what is the name of the interior minister Taei advises?',
  ])('%s asks for the office-holder the adviser or deputy serves: the article never names him', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['who is the deputy foreign minister Mekdad?', 11],
    ["who is the interior minister's adviser al-Taei?", 9],
    ['من هو مستشار وزير الداخلية وهاب الطائي', 9],
  ])('%s names the one serving (the capacity is next to the office): answered', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });
});

describe('a past date for what the article says is only about to happen', () => {
  test.each(['When was Mosul finally freed?', 'متى تحررت الموصل؟', 'في أي يوم أعلن تحرير الموصل'])(
    '%s: the article says Iraqi forces are close to retaking Mosul, it gives no such date',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each(['when will Mosul be liberated?', 'امتى حتتحرر الموصل', 'Is Mosul free yet?', 'الموصل تحررت ولا لسه'])(
    '%s is answered by the clause saying it is days away (paragraph 14)',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(14);
    },
  );

  test('a past when-question with a real date is still answered: "when did ISIS take Mosul?"', () => {
    expect(answered(bot.ask('When did Daesh capture Mosul?')).quote).toContain('2014');
  });
});

test('a who-question about something else than who someone is: not the curated introduction of the one named', () => {
  const r = answered(bot.ask('who went to Damascus on behalf of Abadi?'));
  expect(r.paragraph).toBe(2);
  expect(r.quote).toContain('الفياض');
  expect(answered(bot.ask('who is Abadi?')).quote).toContain('حيدر العبادي');
});

test('a rank asked in Arabizi or English finds "the second largest city" (paragraph 14)', () => {
  expect(answered(bot.ask("what's Mosul's rank among the cities of Iraq?")).paragraph).toBe(14);
  expect(answered(bot.ask('tartib el mosul bein mudun el 3ira2 shu?')).paragraph).toBe(14);
});

test('a length given roughly in km ("حوالي ٦٠٠ كم") is answered with the article\'s 605 km', () => {
  expect(answered(bot.ask('الحدود بين سوريا والعراق حوالي ٦٠٠ كم صح؟')).quote).toContain('605');
});

describe('found by the seventh fresh break test', () => {
  test('a country mentioned only in passing is not answered by a passage without it', () => {
    expect(bot.ask('What is the length of the Iraq–Iran border?').kind).toBe('no-answer');
    const r = answered(bot.ask('is Russia part of the Iraqi-Syrian coordination?'));
    expect(r.paragraph).toBe(10);
  });

  test.each([
    'How tall is al-Mekdad?',
    'ما ديانة الطائي؟',
    'is Abadi married?',
    'Where does Assad live?',
    'أين درس العبادي؟',
  ])('%s asks something personal the article never covers', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('"length" still reads as the border: كم طول الحدود؟', () => {
    expect(answered(bot.ask('ما طول الحدود؟')).paragraph).toBe(2);
  });
});

test('no paragraph (-1, 1.5, fifteen) names the valid range; "who speaks in paragraph 5?" shows it', () => {
  for (const q of ['paragraph -1', 'paragraph 1.5', 'paragraph fifteen', 'الفقرة الخامسة عشرة']) {
    const r = bot.ask(q);
    expect(r.kind === 'no-answer' && r.reason).toBe('no-such-paragraph');
  }
  const r = answered(bot.ask('who speaks in paragraph 5?'));
  expect([r.paragraph, r.speaker.id]).toEqual([5, 'fayyadh']);
});

test('a flood of combining marks (3,000 shaddas on one letter) does not hide the question behind the length cut', () => {
  const r = answered(bot.ask(`م${'\u0651'.repeat(3000)}اذا قال الاسد`));
  expect([r.paragraph, r.speaker.id]).toEqual([4, 'assad']);
});

describe('why-questions need a passage that gives a reason', () => {
  test.each([
    'why did Baghdad stay silent about the message?',
    'ليش بغداد تجاهلت الرسالة',
    'Why did al-Assad get a message?',
  ])('%s: the passage tells what happened, not why', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['why did the Iraqi planes strike inside Syria?', [7, 8]],
    ['ليش ممكن العراق يتجاوز حدوده؟', [9]],
    ['why is the Iraqi army fighting in Mosul?', [14]],
  ])('%s is answered by the passage giving the cause', (q, paragraphs) => {
    expect(paragraphs).toContain(answered(bot.ask(q as string)).paragraph);
  });

  test('ماذا "what" is no why-word (only لماذا is)', () => {
    expect(answered(bot.ask('ماذا تجاهلت بغداد؟')).paragraph).toBe(1);
  });
});

test.each(['show the whole article', 'ما نص المقال كاملا؟', 'el ma2al kamel please'])(
  '%s asks for the whole text: paragraph 1, the rest as alternatives, all verbatim',
  (q) => {
    const r = answered(bot.ask(q));
    expect(r.paragraph).toBe(1);
    expect(r.alternatives.map((a) => a.paragraph)).toContain(14);
  },
);

test('"the full text of Assad\'s statement" is his statement, not the whole article', () => {
  expect(answered(bot.ask("what is the full text of Assad's statement?")).paragraph).toBe(4);
});

test.each([
  ['ماذا قال رئيس الوزارء العراقي', 'abadi'],
  ['what did the iraqi primeminister say', 'abadi'],
  ['ماذا قال العبدي', 'abadi'],
])('common misspellings of a role or name: %s', (q, speaker) => {
  expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
});

test('a why-question falls back to a passage nearly as good that gives the reason ("lesh … 2asaf el bokamal")', () => {
  expect([7, 8]).toContain(answered(bot.ask('lesh el 3abadi 2asaf el bokamal?')).paragraph);
});

describe('kinds the eighth blind set found (first run)', () => {
  test.each([
    ['اقتبس لي كلام المقداد بالحرف', 'mekdad'],
    ['بدي كلام الطائي', 'taei'],
  ])('%s: اقتبس "quote" and كلام "words" ask what someone said', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test('the Levantine suffix و "his" (رسالتو, منصبو) reads like ه', () => {
    expect([1, 2]).toContain(answered(bot.ask('العبادي شو كتب برسالتو')).paragraph);
    expect(answered(bot.ask('الطائي شو منصبو')).paragraph).toBe(9);
  });

  test('Maghrebi مشا "went": the receiving side never travelled', () => {
    expect(bot.ask('واش بشار الأسد مشا للعراق؟').kind).toBe('no-answer');
  });

  test('"did the strikes succeed?" finds "carried out the attack with great success" (paragraph 8)', () => {
    expect(answered(bot.ask('were the Iraqi air raids successful?')).paragraph).toBe(8);
  });
});

describe('more kinds from the eighth blind set', () => {
  test('a role question naming someone is answered by his introduction, not his words', () => {
    const r = answered(bot.ask('who is the Syrian deputy foreign minister?'));
    expect(r.quote).toContain('فيصل المقداد');
    expect(answered(bot.ask('مين الطائي وشو شغلتو')).paragraph).toBe(9);
  });

  test('"what did X say at his meeting with Y" asks X (the one after "with" keeps him company)', () => {
    const r = answered(bot.ask('شو قال الفياض باجتماعه مع الأسد؟'));
    expect(r.speaker.id).toBe('fayyadh');
  });

  test('"summary of Assad\'s words" asks for his words', () => {
    expect(answered(bot.ask('give me a summary of what Assad said')).paragraph).toBe(4);
  });

  test('Arabizi "iraqiyeen" is Iraqis, not Iranians', () => {
    expect(answered(bot.ask('emta darabo el iraqiyeen el bokamal')).paragraph).toBe(7);
  });
});

test('"what did X tell Y" quotes X: al-Fayyadh to al-Assad at the meeting', () => {
  expect(answered(bot.ask('What did al-Fayadh tell the Syrian president?')).speaker.id).toBe('fayyadh');
});

test('Arabizi "jaysh" is the army (not a typo of "laysh", why): al-Mekdad on the Iraqi army', () => {
  expect([11, 12]).toContain(answered(bot.ask('shu 2al el mekdad 3an el jaysh el 3ira2i?')).paragraph);
});

test('"the US" is a country the article never names; "tell us" is a pronoun', () => {
  expect(bot.ask('Did the U.S. comment on the Iraqi raids?').kind).toBe('no-answer');
  expect(answered(bot.ask('tell us what Mekdad said')).speaker.id).toBe('mekdad');
});

describe('over-reaching rules found by code review', () => {
  test.each([
    ['what is the whole story behind the strikes on al-Bukamal?', 8],
    ['what did the full report say about the meeting?', 3],
    ['ماذا يقول نص المقال عن إيران؟', 6],
  ])('%s asks about something in the article, not for all of it', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });

  test.each([
    ['why does Mekdad say more coordination is needed?', 12],
    ['why did Mekdad call the Iraqis brothers?', 13],
  ])('"why did X say…" is answered by his words (they are the reasoning): %s', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });

  test.each(['so tell me, why did Baghdad ignore the message?', 'Baghdad ignored the message, why?'])(
    'a why-word anywhere makes a why-question: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('"who is Assad? tell me" still asks who he is', () => {
    expect(answered(bot.ask('who is Assad? tell me')).paragraph).toBe(1);
  });

  test.each(['To what degree do Iraq and Syria cooperate?', 'Where do the Iraqi militias live in Syria?'])(
    'personal words without a person are ordinary words: %s is answered',
    (q) => {
      expect(bot.ask(q).kind).toBe('answer');
    },
  );

  test('كم followed by what is counted still asks how many, after a year', () => {
    expect(bot.ask('عام 2011 كم ميليشيا قاتلت في سوريا؟').kind).toBe('no-answer');
  });
});

describe('found by the eighth fresh break test: speaking verbs other than "say"', () => {
  test.each([
    'Did Assad mention Iran?',
    'هل ذكر الأسد إيران؟',
    'Did SANA mention the militias?',
    'هل تحدث الفياض عن الموصل؟',
  ])('%s: a verb of mentioning next to a speaker asks what he said; he never speaks of it', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('"did Abadi mention Husaybah?" is answered by his statement that names it', () => {
    expect(answered(bot.ask('Did Abadi mention Husaybah?')).paragraph).toBe(8);
  });

  test('"what does Assad think of Abadi?" asks Assad, about Abadi (he never speaks of him)', () => {
    expect(bot.ask('What does Assad think of Abadi?').kind).toBe('no-answer');
  });

  test('"which paragraph mentions Raqqa?" is no question about anyone\'s words', () => {
    expect(answered(bot.ask('which paragraph mentions Raqqa?')).paragraph).toBe(14);
  });

  test.each(['What did Abadi deny?', 'Why did Abadi resign?', 'ماذا وعد العبادي؟'])(
    '%s asks about acts the article never reports',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );
});

describe('places and people the article does not have (found by the eighth fresh break test)', () => {
  test.each([
    'What is the biggest city in Syria?',
    'ما أكبر معاقل داعش في العراق؟',
    "Which city in Iraq is ISIS's largest stronghold?",
  ])('%s: a place "in" one country answered by a place in the other is declined', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['What is the largest ISIS stronghold in Syria?', 14],
    ['Why did Abadi order airstrikes inside Syria?', 7],
  ])('%s is still answered', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });

  test.each([
    'ماذا قال نصر الله؟',
    "Is Basra Iraq's second-largest city?",
    'What did the Kurds say?',
    'Did Barzani meet Assad?',
  ])('%s names someone or somewhere not in the article', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });
});

describe('polite and chatty framing (found by the eighth fresh break test)', () => {
  test.each([
    'هل يمكنك أن تخبرني ماذا قال الأسد؟',
    'أنا طالب، ماذا قال الأسد؟',
    'ماذا قال الأسد يا بوت',
    'بغيت نعرف ماذا قال الأسد',
    'remind me what did Assad say?',
  ])('%s asks what al-Assad said', (q) => {
    expect(answered(bot.ask(q)).speaker.id).toBe('assad');
  });

  test('…while Putin (بوتين, whose stem is بوت "bot") is still someone the article does not have', () => {
    expect(bot.ask('وش قال بوتين عن اللجنة الرباعية؟').kind).toBe('no-answer');
  });
});

test.each([
  ['what did Damascus say about the air strikes?', ['sana', 'assad', 'mekdad']],
  ['ماذا قالت سوريا؟', ['sana', 'assad', 'mekdad']],
  ['what did Baghdad say?', ['abadi', 'fayyadh', 'taei']],
])("a country or its capital as the sayer is its side's speakers: %s", (q, side) => {
  expect(side).toContain(answered(bot.ask(q)).speaker.id);
});

test.each([
  ['how did Damascus respond to the Iraqi raids?'],
  ['Syria reaction to Iraq hitting Daesh'],
  ['ما ردة فعل السوريين على قصف الطيران العراقي؟'],
  ['كيف ردت سوريا على الضربة العراقية'],
])("a side's reaction is its speakers' words, not the other side's response: %s", (q) => {
  expect(['sana', 'assad', 'mekdad']).toContain(answered(bot.ask(q)).speaker.id);
});

test("Iraq's own response is still al-Abadi's (the strikes answered the Baghdad bombings)", () => {
  expect(answered(bot.ask('how did Iraq respond to the bombings in the capital?')).paragraph).toBe(7);
});

test('a question asking for a year is not answered by words holding none (the meeting is dated "Thursday")', () => {
  expect(bot.ask('in which year did al-Fayyadh meet al-Assad?').kind).toBe('no-answer');
  expect(answered(bot.ask('في أي عام سيطر داعش على الموصل؟')).quote).toContain('2014');
});

test('"what was said to Assad?" is never answered with his own words', () => {
  const r = bot.ask('what was said to al-Assad?');
  expect(r.kind === 'answer' && r.speaker.id).not.toBe('assad');
});

test.each([
  ["What is Abadi's full name?", 'حيدر العبادي'],
  ['ما الاسم الكامل للمقداد؟', 'فيصل المقداد'],
])('"full name" asks who someone is: %s', (q, name) => {
  expect(answered(bot.ask(q)).quote).toContain(name);
});

describe('a question about one speaker answered by a passage neither his nor about him (eighth break test)', () => {
  test.each([
    'Did Assad instruct the air force to hit Husaiba and Abu Kamal?',
    'Who was responsible for the recent Baghdad bombings, per Assad?',
    'Who does Assad call brothers?',
  ])('%s is declined: the article says it of someone else', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['who met Assad?', [2, 3]],
    ['ما اسم الوكالة التي نقل عنها الكاتب تفاصيل المباحثات؟', [3]],
    ['أين يتمركز داعش بشكل رئيسي في سوريا؟', [14]],
  ])(
    '%s is answered (he is mentioned; the reporter tells everything; a role misread from "main" does not count)',
    (q, paragraphs) => {
      expect(paragraphs).toContain(answered(bot.ask(q as string)).paragraph);
    },
  );
});

test('"what does the article say about the US?" is not the summary: the article never names the US', () => {
  expect(bot.ask('What does the article say about the US?').kind).toBe('no-answer');
});

test.each([
  ['مين قال انو المعركة وحدة', 'assad'],
  ['who said they fight the same enemy?', 'mekdad'],
])('"one"/"the same" and Levantine انو: %s', (q, speaker) => {
  expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
});

test.each(["what did Abadi's envoy say?", 'ماذا قال مبعوث العبادي؟', "what did al-Ta'i say"])(
  "%s finds the right speaker (the envoy, not the one who sent him; al-Ta'i with an apostrophe)",
  (q) => {
    expect(['fayyadh', 'taei']).toContain(answered(bot.ask(q)).speaker.id);
  },
);

describe('the sayer of a said-question is the one next to the verb', () => {
  test.each([
    ['شو حكى الفياض باجتماعه بالرئيس الأسد؟', 'fayyadh'],
    ['ماذا قال الأسد أثناء لقائه بالفياض', 'assad'],
    ['shu 2al el asad bi liqa2o ma3 el fayyadh', 'assad'],
    ['what did the envoy say during his meeting with assad?', 'fayyadh'],
  ])('%s → %s (the one met and the occasion are not what was said)', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test('two joined names next to the verb make no single sayer (SANA reported their talks)', () => {
    expect(answered(bot.ask('من الذي ذكر ان الاسد والفياض بحثا التعاون بين الجيشين؟')).speaker.id).toBe('sana');
  });
});

test.each([
  ['What did Mekdad affirm?', 'mekdad'],
  ['what did taei insist on', 'taei'],
  ['What did Assad confirm?', 'assad'],
])('English verbs of stating ask what was said: %s', (q, speaker) => {
  expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
});

test('"help me" asks the bot: it is not the article\'s "serves" (help Syria)', () => {
  expect(answered(bot.ask('help me understand what Assad said')).speaker.id).toBe('assad');
});

test('ورد ("is mentioned") is a word about the text, not a topic', () => {
  expect(answered(bot.ask('ماذا ورد في المقال عن حصيبة')).paragraph).toBe(8);
});

describe('near-misses by kind: counts, ranks, capitals, names, the wider world', () => {
  test.each(['how many militants does ISIS have in Mosul?', 'شكد عدد عناصر داعش بالموصل؟', 'kam 3adad sukkan baghdad'])(
    'a count the article never gives is not its rank of Mosul ("second largest"): %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('a rank asked for is answered by the rank (Mosul, second city)', () => {
    expect(answered(bot.ask('شو ترتيب الموصل بين مدن العراق؟')).paragraph).toBe(14);
  });

  test.each(['whats the capital of Syria', 'ما هي عاصمة سوريا؟'])(
    'a place asked of a country it does not lie in: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('the capital the article names (Baghdad) is answered, and the Syrian capital in a longer question too', () => {
    expect([7, 14]).toContain(answered(bot.ask('what is the capital of Iraq')).paragraph);
    expect(answered(bot.ask('Did the envoy meet Assad in the Syrian capital?')).paragraph).toBe(2);
  });

  test.each(['what are the names of the Iraqi militias in Syria?', 'شو اسماء المليشيات الأفغانية؟'])(
    'names of a group the article never names one of: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test("a group asked about without asking names is answered; a named person's name is answered", () => {
    expect(answered(bot.ask("which militias fight on Assad's side?")).paragraph).toBe(6);
    expect(answered(bot.ask('شو اسم المبعوث العراقي؟')).speaker.id).toMatch(/fayyadh|abadi/);
  });

  test.each([
    'when was the quadrilateral security committee founded?',
    'what is the news from Kyiv today',
    'what do Hamas say about Syria',
  ])('founding dates and world news the article does not cover: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });
});

test.each(['هل الرسالة كانت مكتوبة؟', 'was the message sent in writing? written?'])(
  '"written" asks the form of the message (it was oral, paragraph 1): %s',
  (q) => {
    expect(answered(bot.ask(q)).paragraph).toBe(1);
  },
);

test('why the Iranians passed through Iraq: the purpose clause (لتزويد, to supply) is a reason', () => {
  expect(answered(bot.ask('why did iranian weapons pass through iraqi territory?')).paragraph).toBe(6);
  expect(answered(bot.ask('ليش الإيرانيين يمرون من العراق')).paragraph).toBe(6);
});

test.each([
  'how did Iran supply Assad with arms?',
  'ما الذي زجت به ايران في سوريا عبر العراق',
  'what did Iran send to Syria via Iraq?',
  'shu 3emlo el iran 3abr el 3ira2',
])('supplying, sending in and passing "via" Iraq are the Iranian corridor (paragraph 6): %s', (q) => {
  expect(answered(bot.ask(q)).paragraph).toBe(6);
});

test('"via" as the corridor leaves al-Assad\'s "through the tools" to him', () => {
  expect(answered(bot.ask('what does Assad say about the tools used to divide the region')).speaker.id).toBe('assad');
});

describe('events the article never dates', () => {
  test.each(['when was the bombing in baghdad', 'امتى حصلت التفجيرات في العاصمة؟'])(
    '%s: the bombings are undated',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('the response to them is dated (25 February, paragraph 7)', () => {
    expect(answered(bot.ask('when did Abadi respond to the Baghdad bombings?')).paragraph).toBe(7);
  });
});

describe('who-questions the reporter answers without naming anyone who acts', () => {
  // Its reach is narrow: a verb the article never uses, and an answer naming no country or group ("who will lead
  // the attack on Raqqa" finds the clause on ISIS in Syria, which names both, and is still answered).
  test.each(['who will spearhead the retaking of Raqqa?', 'منو راح يترأس معركة استعادة الرقة'])(
    '%s: who leads is never said',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each([
    ['who is getting ready to retake Raqqa?', 14],
    ['منو يستعد لاستعادة الرقة؟', 14],
    ['who controls Raqqa?', 14],
  ])('%s is answered (the preparations, ISIS)', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });
});

describe('what came after the article', () => {
  test.each([
    'what happened to raqqa in the end?',
    'شو صار بالموصل بالاخير؟',
    'what happened after Mosul was retaken?',
    'was mosul liberated later',
  ])('%s: the article ends before', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('what came after something the article tells is answered (the strikes after the bombings)', () => {
    expect(answered(bot.ask('what did Iraq do after the Baghdad bombings?')).paragraph).toBe(7);
  });
});

test('a representative the article never names is not asked of the committee; dialect الطيارات (planes) is no pilot', () => {
  expect(bot.ask("who is Iran's representative on the four-way security committee?").kind).toBe('no-answer');
  expect([8, 11]).toContain(answered(bot.ask('وين ضربت الطيارات العراقية بسوريا؟')).paragraph);
});

test.each([
  ['شو معنى الرقم 605 بالمقال؟', [2]],
  ['fi tanse2 bein el jeshen wala la2?', [3, 11, 12, 13]],
  ['من قال ان اي انجاز يحققه العراق يخدم سوريا', [13]],
])(
  'words about the text (الرقم, بالمقال), Arabizi "or not" and "achieve" do not hide the question: %s',
  (q, paragraphs) => {
    expect(paragraphs).toContain(answered(bot.ask(q)).paragraph);
  },
);

describe('terms of office and trips are not dated', () => {
  test.each([
    'since when is Mekdad deputy foreign minister?',
    'متى تم تعيين الفياض مستشارا للأمن الوطني؟',
    'did Fayyadh come to Damascus by car?',
  ])('%s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test("a stay in a place is dated (the envoy in Damascus on Thursday); words said during it are the speaker's", () => {
    expect(answered(bot.ask('when was the envoy in Damascus?')).paragraph).toBe(2);
    expect(answered(bot.ask('شو قال الفياض أثناء وجوده بدمشق؟')).speaker.id).toBe('fayyadh');
    expect(answered(bot.ask('بماذا صرح الأسد أثناء استقباله مبعوث العبادي')).speaker.id).toBe('assad');
  });
});

describe('people and acts the article does not have', () => {
  test.each([
    'did Mohammed meet the Syrian president?',
    'هل قابل خالد الفياض؟',
    'did the syrian president thank iraq for the strikes?',
    'هل شكر المقداد العراق؟',
    'is Damascus an ISIS stronghold?',
    'من يسيطر على دمشق؟',
  ])('%s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['thank you bot, what did Taei say', 'taei'],
    ['شكرا، ماذا قال الأسد؟', 'assad'],
    ['who controls Raqqa?', 'mahdi'],
  ])('thanks to the bot, and control where the article tells it, are answered: %s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });
});

describe('the message was never answered', () => {
  test.each([
    'did the Syrian president reply to the Iraqi PM?',
    'شو كان جواب الأسد؟ بماذا رد على رسالة العبادي',
    'el asad radd 3ala el 3abadi?',
  ])('%s: no reply is reported', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['how did Baghdad react to the message?', 1],
    ['Syrian reaction to the Iraqi air strikes on al-Bukamal', 11],
    ['how did abadi respond to the bombings', 7],
  ])('responses the article tells are answered: %s', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });
});

test.each([
  ['how long is the iraqi syrian border, according to the report?', [2]],
  ['الحدود مع سوريا شكد طولها؟', [2]],
  ['how did Iran move arms to Assad according to the author', [6]],
  ['متى تكلم الطائي عن امكانية تجاوز العراق حدوده', [9]],
  ['الموصل بالمرتبة كم بين مدن العراق؟', [14]],
])('lengths in km, "according to the writer", possibility words and ranks: %s', (q, paragraphs) => {
  expect(paragraphs).toContain(answered(bot.ask(q)).paragraph);
});

test('a full date asked (day, month and year) is not given for the meeting, which only has a weekday', () => {
  expect(bot.ask('what was the full date of the meeting in Damascus?').kind).toBe('no-answer');
  expect(bot.ask('تاريخ اللقاء كامل باليوم والشهر والسنة؟').kind).toBe('no-answer');
  expect(answered(bot.ask('when did the meeting happen?')).paragraph).toBe(2);
});

test('"which outlet reported the talks" is SANA (outlet is no out-of-scope word)', () => {
  expect(answered(bot.ask('which media outlet reported what Assad and the envoy discussed?')).speaker.id).toBe('sana');
});

test('a city as sayer may be answered by the reporter telling what it did (Baghdad ignored the message)', () => {
  expect(answered(bot.ask('did baghdad comment publicly on the message?')).paragraph).toBe(1);
  expect(answered(bot.ask('what did Iraq say?')).speaker.id).toBe('abadi');
});

describe('when and where words were said', () => {
  test.each([
    ['What did Assad say in Damascus?', 'assad'],
    ['ماذا قال الأسد يوم الخميس؟', 'assad'],
    ['what did the syrian president say at the damascus meeting', 'assad'],
    ['ماذا قال الطائي يوم الاثنين', 'taei'],
  ])("%s: the time or place of the speaker's words is no topic", (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test.each([
    'What did Taei say in Damascus?',
    'What did Mekdad say on Thursday?',
    'ماذا قال المقداد في فبراير؟',
    'ماذا قال الطائي يوم الثلاثاء؟',
  ])('%s: no paragraph puts the speaker there', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });
});

test.each([
  ['shno gal el asad?', 'assad'],
  ['chnou 9al l mekdad?', 'mekdad'],
  ['شنو كال الطائي؟', 'taei'],
  ['mumkin shu 2al el fayyadh?', 'fayyadh'],
])('dialect spellings of "said" (gal, qal, 9al, كال) and mumkin: %s', (q, speaker) => {
  expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
});

test.each(['Who is Daesh?', 'من هو داعش؟', 'who is Baghdad?'])(
  "%s is not answered with someone's introduction",
  (q) => {
    const reply = bot.ask(q);
    expect(reply.kind === 'answer' ? reply.quote : '').not.toContain('بشار الأسد');
    expect(reply.kind === 'answer' ? reply.quote : '').not.toContain('فالح الفياض');
  },
);

test("Iran's role is answered by the corridor (ايرانيا names Iran)", () => {
  expect([6, 10]).toContain(answered(bot.ask('شو دور ايران؟')).paragraph);
});

test.each(['Was Abadi at the meeting?', 'هل حضر العبادي الاجتماع؟'])('%s: he sent the envoy and stayed home', (q) => {
  expect(bot.ask(q).kind).toBe('no-answer');
});

test('what al-Abadi said at the meeting is his message, carried by the envoy', () => {
  expect(answered(bot.ask('what did Abadi say at the meeting?')).paragraph).toBe(2);
});

test.each([
  ['what does paragraph 6 say about Iran?', 6],
  ['ماذا تقول الفقرة الثانية عن الحدود؟', 2],
  ['shu fi bel fa2ra 9 3an el 7doud', 9],
])('a paragraph request about a topic shows the paragraph: %s', (q, paragraph) => {
  expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
});

test.each([
  ['is al-Raqqa in Iraq?', 14],
  ['هل البوكمال في العراق؟', 8],
])('a yes/no question with a wrong place is answered by where the place is: %s', (q, paragraph) => {
  expect([paragraph, 11]).toContain(answered(bot.ask(q)).paragraph);
});

test.each(['did Abadi phone Assad?', 'هل اتصل العبادي بالأسد هاتفيا؟', 'متى تأسس تنظيم داعش؟'])(
  'phone calls and founding dates the article never has: %s',
  (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  },
);

test.each(['what happened on 26 February?', 'ماذا حدث في 24 فبراير؟'])(
  '%s: the article dates 25 February only',
  (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  },
);

test.each(['what did abadi announce on february 25?', 'ماذا حدث في ٢٥ فبراير'])(
  '%s is 25 February (paragraph 7)',
  (q) => {
    expect(answered(bot.ask(q)).paragraph).toBe(7);
  },
);

test('"react" to the message by al-Assad is a reply the article never reports; Baghdad\'s reaction is told', () => {
  expect(bot.ask('How did Assad react to the message?').kind).toBe('no-answer');
  expect(answered(bot.ask('how did Baghdad react to the message?')).paragraph).toBe(1);
});

test.each(['What did Assad not say?', "what didn't Mekdad mention?", 'what did the Syrian president not talk about'])(
  '%s: what someone did not say is in no quote',
  (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  },
);

test('"in May" is a month the article never has; "may I ask" is no month', () => {
  expect(bot.ask('What did Mekdad say in mid-May?').kind).toBe('no-answer');
  expect(answered(bot.ask('may I ask what Assad said?')).speaker.id).toBe('assad');
});

test('a failure nobody claims is not attributed to the one who claimed success', () => {
  expect(bot.ask('who claimed the air raids had failed?').kind).toBe('no-answer');
  expect(answered(bot.ask('were the strikes successful?')).paragraph).toBe(8);
});

describe('control is tied to Mosul and Raqqa (placed)', () => {
  test.each(['When did ISIS seize Baghdad?', 'امتى داعش احتل دمشق؟', 'who holds al-Bukamal?'])('%s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each(['when did ISIS capture Mosul?', 'متى احتل داعش الموصل', 'who controls Raqqa?'])('%s is answered', (q) => {
    expect(answered(bot.ask(q)).paragraph).toBe(14);
  });
});

test('و "and" before a country the article never has (وتركيا) is still that country; وزارة is a ministry', () => {
  expect(bot.ask('كم طول الحدود بين سوريا وتركيا؟').kind).toBe('no-answer');
  expect(answered(bot.ask('ما هو منصب المقداد في وزارة الخارجيه')).speaker.id).toBe('mekdad');
});

describe("found by the review of this stop's rules", () => {
  test.each([
    ['من هو مندوب العبادي الى دمشق؟', 'abadi'],
    ["Who was Abadi's representative at the meeting?", 'abadi'],
    ['ماذا قال المبعوث للأسد؟', 'fayyadh'],
    ['ماذا قال الرئيس للفياض؟', 'assad'],
    ['Finally, who is Fayyadh?', 'abadi'],
    ['What was Assad told by Fayyadh?', 'fayyadh'],
    ['ماذا طالب الفياض؟', 'fayyadh'],
    ["What is the exact date of Abadi's announcement?", 'abadi'],
  ])('%s is answered (speaker %s)', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test.each(['Will Raqqa eventually be retaken?', 'Will the Iraqi army march on Raqqa?', 'أين استقبل الرئيس الفياض؟'])(
    '%s is answered',
    (q) => {
      expect(bot.ask(q).kind).toBe('answer');
    },
  );
});

describe('a long message whose question is its last part', () => {
  test('the last clause opening with a question word is found', () => {
    expect(
      lastQuestionPart(
        'my friend keeps telling me the two governments never talk and I did not believe him at all, so tell me, what does the article say about the cooperation between Iraq and Syria on the border?',
      ),
    ).toBe('what does the article say about the cooperation between Iraq and Syria on the border');
    expect(lastQuestionPart('what did Assad say?')).toBeUndefined();
  });

  test('a long chatty message weakly matched as a whole is answered from its question', () => {
    const q =
      'so my teacher gave us homework about the middle east and I picked this article but honestly the english translation confuses me and my classmates argue all day, what did the Syrian deputy foreign minister say?';
    expect(answered(bot.ask(q)).speaker.id).toBe('mekdad');
  });
});

describe('eleventh blind set, first run: kinds of questions missed', () => {
  test.each([
    ['el mekdad shu akkad?', 'mekdad'],
    ['الفياض شكال؟', 'fayyadh'],
  ])('dialect verbs of saying (akkad "stressed", Iraqi شكال "what did he say"): %s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test.each([
    'ay sene darab el 3iraq da3esh?',
    'شو اساميهم للميليشيات العراقية',
    'does the reporter work for the BBC?',
    'wein ma2ar el lajne el ruba3iye?',
    'shu wasfet el kabseh?',
  ])(
    'what the article never gives (a year in Arabizi, names in dialect, an outlet, headquarters, a recipe): %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each([
    'wa2tesh ra7 el 3abadi 3ala dimashq emta',
    'abadi flew to damascus when?',
    'متى راح يلتقي العبادي بالأسد؟ سيلتقيه في دمشق؟',
    'when will al-Mekdad meet al-Abadi?',
  ])('a trip or a meeting that never happened, "when" last or in the future: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    'why didn’t Baghdad publish the message?',
    'ليه ما سافر العبادي بنفسه',
    'lesh ma 2aal el assad shi 3an el 3abadi?',
    'why did the Iraqi PM not travel to Syria?',
  ])('reasons for what was not done are never given: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each(['on which precise date in mid-April did al-Mekdad give his statement?', 'شو تاريخ اللقاء بالضبط؟'])(
    'an exact date the article gives only as a weekday or part of a month: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('"the date" past the opening words still asks when; an exact date given is answered', () => {
    expect(answered(bot.ask('what was the date al-Abadi ordered the air strikes?')).quote).toContain('25');
    expect(answered(bot.ask('what was the exact date al-Abadi ordered the air strikes?')).quote).toContain('25');
  });

  test('a why-question about what was said with a "not" inside it is still answered', () => {
    expect(answered(bot.ask('why did Mekdad say they did not feel it was a foreign army?')).speaker.id).toBe('mekdad');
  });

  test.each(['how many places did Abadi order the air force to hit?', 'كم منطقة قصفت الطائرات العراقية في سوريا؟'])(
    'a count of places is answered by the passage naming them (Husaybah and Albukamal): %s',
    (q) => {
      const reply = answered(bot.ask(q));
      expect(reply.quote).toContain('حصيب');
    },
  );

  test('a word out of scope in a long message’s chatter does not decline the question at its end', () => {
    const q =
      'so I was scrolling this on my phone during my lunch break and I got totally lost with all the names, could anyone tell me who sat down with Assad? cheers';
    expect(answered(bot.ask(q)).paragraph).toBe(2);
    expect(bot.ask('what phone number does Assad have?').kind).toBe('no-answer');
  });

  test.each(['who met al-Assad face to face?', 'مين التقى الأسد وجها لوجه؟', 'who sat down with Assad?'])(
    '"face to face" and "sat down with" ask who met him: %s',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(2);
    },
  );

  test('a said-question over two of the speaker’s paragraphs is his, though another covers it in one', () => {
    const reply = answered(bot.ask('what did al-Taei say about the borders and the cooperation with Syria?'));
    expect(reply.speaker.id).toBe('taei');
  });
});

describe('tenth break test: spellings people type', () => {
  test.each([
    ['sho al el mekdad?', 'mekdad'],
    ['el fayyad shu al?', 'fayyadh'],
    ['shgal el fayyad?', 'fayyadh'],
  ])('Arabizi قال without its qaf ("al") or Iraqi shgal is "said": %s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test.each(['متى حرر الجيش العراقي الموصل؟', 'when did the Iraqi army free Mosul?'])(
    'the liberation of Mosul in any verb form is not yet told (not the date ISIS took it): %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each(['what did the deputy minister say?', 'شو حكى نائب الوزير؟'])(
    '"the deputy minister" is al-Mekdad, not the adviser of a minister: %s',
    (q) => {
      expect(answered(bot.ask(q)).speaker.id).toBe('mekdad');
    },
  );

  test.each(['mnu ba3at el risale lal assad?', 'مين اللي بعت الرسالة؟', 'شكون صيفط الرسالة للأسد؟'])(
    'who sent the message, in dialect, is al-Abadi (paragraph 1 names him), not the envoy’s clause: %s',
    (q) => {
      const reply = answered(bot.ask(q));
      expect(reply.quote).toContain('العبادي');
    },
  );

  test.each(['who dispatched Fayyadh to Damascus?', 'مين بعت الفياض؟'])(
    'who sent al-Fayyadh is answered with al-Abadi, not with al-Fayyadh’s words: %s',
    (q) => {
      const reply = answered(bot.ask(q));
      expect(reply.speaker.id === 'abadi' || reply.quote.includes('العبادي')).toBe(true);
    },
  );

  test('the border’s length is asked in kilometres or as how much the border is', () => {
    expect(answered(bot.ask('how many kilometres long is the border?')).quote).toContain('605');
    expect(answered(bot.ask('كم تبلغ الحدود بين البلدين؟')).quote).toContain('605');
  });

  test.each(['did al-Fayyadh visit Damascus?', 'متى زار الفياض سوريا؟', 'who visited Damascus on Thursday?'])(
    'the envoy’s trip is a visit the article tells: %s',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(2);
    },
  );

  test.each(['did al-Fayyadh visit Baghdad?', 'did al-Mekdad visit Baghdad?', 'هل زار العبادي دمشق؟'])(
    'any other visit is not told: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each(['did the Syrian prime minister Abadi say anything?', 'what did the Iraqi president Abadi say?'])(
    'a title the article gives someone else, after a country’s adjective: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each(['is al-Mekdad married?', 'شو ديانة الطائي؟'])('marriage and religion are never told: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('Maghrebi "they met" (تلاقاو) asks about the meeting', () => {
    expect(answered(bot.ask('فين تلاقاو الفياض والأسد؟')).paragraph).toBe(2);
  });

  test('"al" as the article is still the article: "al assad" names him', () => {
    expect(answered(bot.ask('what did al assad say?')).speaker.id).toBe('assad');
  });

  test.each([
    ['wher did the meetign take place', 2],
    ['hwo carried the mesage?', 2],
  ])('a typo the stemmer reads apart ("meetign") or a misspelt question word: %s', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });
});

describe('twelfth blind set, first run: kinds of questions missed', () => {
  test.each([
    ['what did al-Mekdad himself say?', 'mekdad'],
    ['what did al-Assad stress for his part?', 'assad'],
    ['ماذا قال الطائي شخصيا؟', 'taei'],
  ])('"himself", "for his part", شخصيا ask nothing more of the speaker: %s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test.each([
    'since when has al-Taei held the post of adviser?',
    'which party is al-Fayyadh in? من أي حزب؟',
    'who will lead the battle for Raqqa?',
    'what did Abadi and Assad agree at their summit?',
  ])('what the article never tells (a term of office, parties, who leads, a summit): %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['according to the reporter, what is happening in Raqqa?', 14],
    ['حسب الكاتب، مع من تقاتل الميليشيات العراقية؟', 6],
  ])('"according to the writer" asks his words, not his byline: %s', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });

  test('a swapped claim asked in a long or hedged way is still answered with its speaker and the correction', () => {
    const reply = answered(bot.ask('هل صحيح ان الفياض قال ان العراق قد يتجاوز حدوده لمنع تسلل الارهابيين؟'));
    expect(reply.speaker.id).toBe('taei');
    expect(reply.askedSpeaker?.id).toBe('fayyadh');
  });

  test('one word is a topic, not a claim: "did al-Fayyadh criticize Iran?" gets no one else’s words', () => {
    expect(bot.ask('did al-Fayyadh criticize Iran during the meeting?').kind).toBe('no-answer');
  });

  test.each([
    ['el egtima3 sar b ayya madina?', 2],
    ['shu 2alo bl ejtima3 3an el jeishein?', 3],
    ['الحرس الثوري بقاله قد ايه بيحارب في سوريا؟', 6],
  ])('Arabizi "which city", the two armies (jeishein), Egyptian بقاله "for how long": %s', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });

  test('Arabizi "wlad" (our children) is al-Abadi’s statement on terrorism', () => {
    expect(answered(bot.ask('shu 2al el 3abadi 3an el irhab w wladna?')).paragraph).toBe(8);
  });

  test.each(['what did al-Abadi want from al-Assad?', 'شو بدو العبادي؟ ماذا يريد العبادي من سوريا؟'])(
    'what a speaker wants is his words (the message), not his introduction: %s',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(2);
    },
  );

  test('where a fact tied to places holds is answered by the passage naming them (control: Raqqa, Mosul)', () => {
    expect(answered(bot.ask('where does ISIS still hold territory?')).paragraph).toBe(14);
  });

  test('"four-party committee" is still the quadrilateral committee (no party out of scope)', () => {
    expect(answered(bot.ask('which countries are in the four-party committee?')).paragraph).toBe(10);
  });

  test('"even" asks nothing: what the message was about is answered', () => {
    expect([1, 2]).toContain(answered(bot.ask('so what was the message even about?')).paragraph);
  });

  test.each(['لماذا الطيران السوري قصف العراق؟', 'امتى الجيش السوري ضرب بغداد؟'])(
    'a Syrian force before a verb of striking Iraq is the striker (Iraq struck Syria): %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );
});

describe('review of the eleventh blind set’s fixes: words with a second meaning', () => {
  test.each([
    ['emta daesh akhad el mosul?', 14],
    ['لماذا لا تزال القوات العراقية تقاتل في الموصل؟', 14],
    ['why does Iraq not want to defend its borders only from inside?', 9],
    ['what was the Iraqi reaction to the message?', 1],
  ])('%s is answered (a typo is no intent; "still" and the present are no "why not")', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });

  test('the Iraqi army hitting ISIS in Mosul is the ground war, not the air strikes on Syria', () => {
    expect(bot.ask('is the Iraqi army hitting ISIS in Mosul?').kind).toBe('answer');
  });

  test('a swap onto the reporter’s background, or onto words naming the one asked about, is declined', () => {
    expect(bot.ask('did al-Abadi say Iranian militias fight in Syria?').kind).toBe('no-answer');
  });

  test('"exactly" far from "date" asks no exact date', () => {
    expect(bot.ask('what exactly did al-Assad say at that meeting, and on what date?').kind).toBe('answer');
  });
});

describe('eleventh break test', () => {
  test.each(['where did al-Abadi make his statement?', 'وين حكى المقداد هالكلام؟'])(
    'where someone spoke is told only of those at the meeting in Damascus: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each([
    ['shu ra2y el mekdad?', 'mekdad'],
    ['who does al-Fayyadh work for?', 'abadi'],
  ])('Arabizi ra2y (his view) asks his words; "work for" asks his role: %s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test.each(['what is the date of the article?', 'ما تاريخ المقال؟'])(
    'the article’s own date is not given: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('the director of SANA is never named', () => {
    expect(bot.ask('who is the director of SANA?').kind).toBe('no-answer');
    expect(bot.ask('مين مدير الوكالة السورية؟').kind).toBe('no-answer');
  });

  test('"all paragraphs" / «كل الفقرات» is the whole article', () => {
    const reply = answered(bot.ask('show me all paragraphs'));
    expect(reply.listing).toBe(true);
    expect(reply.alternatives).toHaveLength(13);
  });

  test('did al-Fayyadh travel to Damascus is the meeting there, not his words', () => {
    expect(answered(bot.ask('did al-Fayyadh travel to Damascus?')).paragraph).toBe(2);
  });

  test('where the strikes hit, "according to Abadi’s statement", is still answered', () => {
    expect(answered(bot.ask('where did the Iraqi jets strike, according to al-Abadi’s statement?')).paragraph).toBe(8);
  });

  test.each(['ان شاء الله تجاوبني، ماذا قال المقداد؟', 'God bless you, what did Mekdad say?'])(
    'blessings ask nothing: %s',
    (q) => {
      expect(answered(bot.ask(q)).speaker.id).toBe('mekdad');
    },
  );

  test.each(['who is right, Assad or the rebels?', 'شو رأيك بالعبادي؟', 'in your opinion, was the strike good?'])(
    'the bot’s own opinion is asked: it says it only quotes (%s)',
    (q) => {
      const reply = bot.ask(q);
      expect(reply.kind === 'no-answer' && reply.reason).toBe('opinion');
    },
  );

  test('what someone in the article thinks is no opinion of the bot’s', () => {
    const reply = bot.ask('what does al-Mekdad think about the Iraqi strikes?');
    expect(reply.kind === 'no-answer' && reply.reason).not.toBe('opinion');
  });

  test.each(['بسم الله الرحمن الرحيم، ماذا قال المقداد؟', 'inshallah you can tell me what Mekdad said'])(
    'religious courtesies ask nothing: %s',
    (q) => {
      expect(answered(bot.ask(q)).speaker.id).toBe('mekdad');
    },
  );

  test('a sect is never told; "prime minster" (typo) is still the prime minister', () => {
    expect(bot.ask('is al-Fayyadh Shia or Sunni?').kind).toBe('no-answer');
    expect(answered(bot.ask('who is the Iraqi prime minster?')).quote).toContain('العبادي');
  });

  test.each(['what did al-Abadi say?', 'شو قال العبادي؟'])(
    '"what did X say?" shows his own quoted words before the article’s report of them: %s',
    (q) => {
      expect(answered(bot.ask(q)).direct).toBe(true);
    },
  );
});

describe('thirteenth blind set, first run: kinds of questions missed', () => {
  test.each([
    'where was al-Mekdad born? wen mawlood el mekdad?',
    'how long did the envoy stay in Damascus?',
    'when will the next round of talks between Baghdad and Damascus be?',
    'متى اللقاء القادم بين الأسد والعبادي؟',
  ])('birthplaces, durations of a stay, the next meeting are never told: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['el 3ira2 ha yetgawez el 7dood?', 9],
    ['shu mawdoo3 el ma2al bel zabt?', 1],
  ])('Egyptian Arabizi yetgawez (will cross), "bel zabt" (exactly) asking nothing more: %s', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });
});

describe('fourteenth blind set, first run: kinds of questions missed', () => {
  // Bug fixed: "what did Abadi announce?" showed Damascus announcing his message's details, a near tie.
  test.each(['what did al-Abbadi announce?', 'شو اللي أعلنه العبادي؟'])(
    'a near tie goes to the passage of the one person named: %s',
    (q) => {
      const reply = answered(bot.ask(q));
      expect(reply.speaker.id).toBe('abadi');
      expect(reply.paragraph).toBe(7);
    },
  );
});

describe('fourteenth blind set: meetings the article does not tell', () => {
  // Bug fixed: a meeting with someone the article never names was answered with al-Fayyadh's meeting with al-Assad.
  test.each([
    'Did the envoy sit with the Syrian defence minister in Damascus?',
    'هل قعد الفياض مع وزير الداخلية؟',
    'هل اجتمع الفياض بوزير الخارجية السوري',
    'did Mekdad sit with Abadi?',
  ])('a meeting with an office-holder it never names, or between strangers, is declined: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each(['did al-Fayyadh sit down with al-Assad?', 'وين التقى الفياض بالرئيس الاسد'])(
    'the meeting it tells is still answered: %s',
    (q) => {
      expect([2, 3, 4, 5]).toContain(answered(bot.ask(q)).paragraph);
    },
  );
});

describe('fourteenth blind set: a country’s role, the topic', () => {
  // Bug fixed: "role" read as an office, so a country's role was declined ("Iran holds no office").
  test.each([
    ['What role did Russia play?', [10]],
    ['ايران شو دورها بالقصة', [6, 10]],
    ['el dawr el irani shu?', [6, 10]],
  ])('a country’s role is its part in the story: %s', (q, paragraphs) => {
    expect(paragraphs).toContain(answered(bot.ask(q)).paragraph);
  });

  test('a person’s role is still his office', () => {
    expect(answered(bot.ask('what is al-Taei’s role?')).quote).toContain('مستشار');
  });

  // Bug fixed: "the topic" alone was 'empty' or 'off-topic'.
  test.each(['شو الموضوع؟', "what's the subject?", 'shu el mawdoo3 ya bot', 'شكو بالخبر'])(
    'the topic asked alone is the article’s: %s',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(1);
    },
  );
});

describe('fourteenth blind set: near-misses the article does not tell', () => {
  // Bug fixed: each was answered with the nearest passage.
  test.each([
    'at what hour did al-Assad receive the envoy?',
    'الساعه كام وصل المبعوث',
    'shu masa7et el raqqa?',
    'كم مساحة سوريا',
    'did al-Mekdad criticise the air strikes?',
    'ليش استنكر الأسد الرسالة',
    'which party does al-Fayyadh lead?',
    'el fayyad men ayya 7ezb',
  ])('%s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each(['who sits on the four-party committee?', 'which parties met in Damascus?'])(
    'the four-party committee and the sides of a meeting are no political party: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('answer');
    },
  );
});

describe('break12: chatter around a clear question', () => {
  // Bug fixed: each was declined ("tomorrow" read as a date, "subject" as the topic, "one" as a concept).
  test.each([
    ['what did al-Taei say? we have a quiz tomorrow', 'taei'],
    ['شو حكى المقداد لأنو عنا امتحان بكرا', 'mekdad'],
    ['another question: what did al-Assad say?', 'assad'],
    ['what did al-Taei say on the matter of the borders?', 'taei'],
    ['what did al-Assad tell the envoy last Thursday?', 'assad'],
    ['شو قال الطائي الاثنين الماضي', 'taei'],
  ])('%s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });
});

describe('break12: armies are never quoted', () => {
  // Bug fixed: "what did the Syrian army say?" showed SANA's paragraph as the army's words.
  test.each(['what did the Iraqi army say about Mosul?', 'شو صرّح الجيش السوري', 'el jeish el 3ira2i shu 2al?'])(
    '%s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('"which army did X say…" asks for the army, and X said it', () => {
    expect(answered(bot.ask('which army did al-Mekdad say was no foreign army?')).speaker.id).toBe('mekdad');
  });
});

describe('break12: what the envoy gave, the coming days', () => {
  // Bug fixed: giving was no word of the message's delivery; القادمة was no word of the future.
  test.each(['what did the envoy bring al-Assad?', 'الفياض شو اعطى للرئيس السوري', 'shu 3ata el fayyad lel assad?'])(
    'what the envoy gave is the message he carried: %s',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(2);
    },
  );

  test.each(['what is expected in the upcoming days?', 'شو رح يصير بالأيام الجاية؟'])(
    'the coming days are paragraph 14’s: %s',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(14);
    },
  );
});

describe('break12: the head of a group is never named', () => {
  // Bug fixed: "who chairs the four-party committee?" was answered with the committee's members.
  test.each([
    'who is the chairman of the quadrilateral security committee?',
    'مين رئيس اللجنة الامنية الرباعية',
    'who leads the air force?',
    'قائد الجيش السوري شو اسمه',
    'the militias leader?',
  ])('%s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['من الذي حمل رسالة رئيس الحكومة العراقية إلى الأسد؟', 2],
    ['what did the Iraqi prime minister order the air force to do?', 7],
  ])('a head word in a title or before a place is no group’s head: %s', (q, paragraph) => {
    expect([paragraph, paragraph + 1]).toContain(answered(bot.ask(q)).paragraph);
  });
});

describe('break12: how many years is how long', () => {
  // Bug fixed: "how many years…" counted years against the border's 605 km and was declined.
  test.each([
    ['how many years have the Iraqi militias been fighting in Syria?', 6],
    ['كم سنة صار لداعش مسيطر على الموصل', 14],
    ['شكد صار للميليشيات العراقية بسوريا', 6],
  ])('a span of an ongoing fact is answered by when it began: %s', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });

  test.each([
    'how many days did al-Fayyadh stay in Damascus?',
    'how many years has al-Assad been in power?',
    'how long has al-Mekdad been deputy foreign minister?',
    'how many years exactly have the militias fought in Syria?',
  ])('a stay, a term of office, an exact span are never told: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });
});

describe('break12: Gulf Arabizi, pasted code', () => {
  test.each([
    ['wesh gal el mgdad 3an el ta3awon', 'mekdad'],
    ['```bash\nls -la\n``` what did al-Fayyadh say?', 'fayyadh'],
  ])('%s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });
});

describe('break12: the air force is Iraq’s', () => {
  // Bug fixed: "the Syrian air force" was answered with the Iraqi planes' strikes (in Arabic only).
  test.each(['هل ضربت الطائرات السورية مواقع داعش بالعراق', 'what did al-Mekdad say of the Syrian warplanes?'])(
    '%s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('the Iraqi air force is answered', () => {
    expect(answered(bot.ask('what did al-Mekdad say of the Iraqi warplanes?')).paragraph).toBe(11);
  });
});

describe('break12: opinions of people, others at the meeting, the message’s language', () => {
  // Bug fixed: each was answered with the nearest passage.
  test.each([
    'what is al-Mekdad’s opinion of al-Abadi?',
    'shu ra2y el mekdad fel fayyad',
    'ما رأي الطائي في الأسد',
    'was anyone else present besides the two men?',
    'مين حضر اللقاء غير الفياض',
    'بأي لغة كانت الرسالة الشفهية',
  ])('%s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['what is al-Taei’s view of the borders?', 'taei'],
    ['ما رأي الأسد في الإرهاب والتنظيمات الإرهابية', 'assad'],
  ])('an opinion of what the speaker spoke of is answered: %s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });
});

describe('break12: everything someone said', () => {
  // Bug fixed: "كل ما قاله المقداد" showed one passage of three.
  test.each(['show me everything al-Mekdad said', 'بدي كل اللي حكاه المقداد'])('%s lists all his passages', (q) => {
    const reply = answered(bot.ask(q));
    expect([reply.paragraph, ...reply.alternatives.map((a) => a.paragraph)]).toEqual([11, 12, 13]);
    expect(reply.listing).toBe(true);
  });

  test('"all" inside what was asked about is no listing', () => {
    const reply = answered(bot.ask('what did al-Mekdad say about all the coordination?'));
    expect(reply.listing).toBeUndefined();
    expect(reply.quote.length).toBeLessThan(200);
  });
});

describe('fifteenth blind set, first run: ways of asking what someone said', () => {
  // Bug fixed: each was declined, a filler word read as what was said about.
  test.each([
    ['ماذا قال المقداد من جهته؟', 'mekdad'],
    ['please sum up what al-Taei said', 'taei'],
    ['بدي اعرف شو أكد الفياض في اللقاء', 'fayyadh'],
    ['el ta2i shu 2al min jihto ya3tik el 3afye', 'taei'],
  ])('%s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test('"in what capacity" asks the speaker’s role', () => {
    expect(answered(bot.ask('بأي صفة صرح المقداد؟')).quote).toContain('نائب وزير الخارجية');
  });
});

describe('fifteenth blind set: words for striking and crossing', () => {
  // Bug fixed: اغارت (raided), Gulf "ga9af", "3raq", "laish", ألمح (hinted), عبور (crossing) were unknown or misread.
  test.each([
    ['ليش أغار الطيران العراقي على البوكمال؟', [7, 8]],
    ['laish el 3raq ga9af 7usaybah', [7, 8]],
    ['هل ألمح الطائي الى عبور الحدود؟', [9]],
    ['could Iraqi troops cross the border into Syria?', [9]],
    ['el 3raq ra7 yetla3 bara el 7dood?', [9]],
  ])('%s', (q, paragraphs) => {
    expect(paragraphs).toContain(answered(bot.ask(q)).paragraph);
  });
});

describe('the review of this stop’s rules: what they must not catch', () => {
  // Each was answered before the rules of this stop and declined (or misread) by a first version of them.
  test.each([
    ['What else did al-Assad say during the meeting?', 'assad'],
    ['Did al-Mekdad say all victories serve both countries?', 'mekdad'],
    ['my professor asked us who said the enemy is common, please help', 'assad'],
    ['Which leader received the oral message?', undefined],
    ['how many years ago did ISIS seize Mosul?', 'mahdi'],
    ['شو قعد يحكي المقداد عن العراق؟', 'mekdad'],
    ['Who supplied al-Assad with weapons?', 'mahdi'],
  ])('%s', (q, speaker) => {
    const reply = answered(bot.ask(q));
    if (speaker) expect(reply.speaker.id).toBe(speaker);
  });

  test.each([
    'everything al-Taei said at the meeting',
    'كم سنة حكم الأسد سوريا؟',
    'which political party does al-Mekdad belong to?',
  ])('still declined: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('"which party" as a side is no political party', () => {
    expect(bot.ask('Which party made the message public?').kind).toBe('answer');
  });
});

describe('fifteenth blind set: who said it, paraphrased', () => {
  // Bug fixed: يتخطى (goes past), عازمين (resolved), Maghrebi نطارد (chase) were unknown words.
  test.each([
    ['مين اللي قال ان العراق ممكن يتخطى حدوده', 'taei'],
    ['شكون اللي قال حنا عازمين نلاحقو الارهاب', 'abadi'],
  ])('%s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test('Egyptian النهارده is today, not a verb of chasing', () => {
    expect(bot.ask('فين الماتش النهارده؟').kind).toBe('no-answer');
  });
});

describe('fifteenth blind set: more near-misses', () => {
  test.each(['at what time did al-Assad receive the envoy?', 'الفياض امتى رجع للعراق؟', 'شو رأي الأسد بالطائي'])(
    '%s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );
});

describe('fifteenth blind set: Maghrebi Arabizi', () => {
  // Bug fixed: "l3ira9" (9 for ق), "jaych", "bli"/"machi" were unknown and the question was declined.
  test('chkoun gal bli… is a who-said question read in Maghrebi spellings', () => {
    expect(answered(bot.ask('chkoun li gal bli tansi9 m3a jaych l3ira9 kayn 3alani w machi 3alani')).paragraph).toBe(
      12,
    );
  });
});

describe('break12: a fact tied to places asked of another', () => {
  // Bug fixed: "who controls the border?" was answered with ISIS's hold on Raqqa.
  test.each(['who is in control of the Syrian-Iraqi border?', 'مين بيسيطر على بغداد؟'])('%s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('the places it is told of are answered', () => {
    expect(answered(bot.ask('who controls Raqqa?')).paragraph).toBe(14);
  });
});

describe('break12: a swapped claim with a place in it', () => {
  // Bug fixed: "in Mosul" after "that" was read as where the words were said, so al-Assad's own words (which never
  // name Mosul) were shown as a yes.
  test('the words are al-Mekdad’s, and the reply says they are not al-Assad’s', () => {
    const reply = answered(bot.ask('did al-Assad say that the Iraqi army fights Daesh in Mosul?'));
    expect(reply.speaker.id).toBe('mekdad');
    expect(reply.askedSpeaker?.id).toBe('assad');
  });

  test('a swap onto the reporter’s background alone stays declined', () => {
    expect(bot.ask('did al-Abadi say that Iranian militias fight in Syria?').kind).toBe('no-answer');
  });
});

describe('break13: chatter, links, words not in the lexicon', () => {
  test.each([
    ['what did al-Taei say, answer fast pls', 'taei'],
    ['ماذا قال المقداد discord.gg/xyz123', 'mekdad'],
    ['ween el ijtima3 ya bot?', 'abadi'],
  ])('%s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test.each(['who went along with the envoy? who accompanied him?', 'did al-Assad accept the proposal?'])(
    'never told: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );
});

describe('break13: ranks, days and addressees the article does not give', () => {
  // Bug fixed: each was answered with the nearest rank, date or title, at up to 100%.
  test.each([
    'what is the third biggest city in Iraq?',
    'ما هي رابع أكبر مدن العراق',
    'ثاني اكبر مدن سوريا شو هي',
    'on which day of June was Mosul seized?',
    'في اي شهر كان اللقاء بين الفياض والأسد',
    'who did al-Mekdad make his statement to?',
    'لمن تحدث الطائي؟',
  ])('%s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['الموصل ثاني ولا ثالث أكبر مدينة بالعراق؟', 14],
    ['on what day did al-Abadi announce the strikes?', 7],
    ['in which month did al-Mekdad speak?', 11],
  ])('what it gives is answered: %s', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });
});

describe('sixteenth blind set, first run: negations, involvement, places within a city, counted places', () => {
  // Bug fixed: each was declined (or went to another paragraph) though the article answers it.
  test.each([
    ['اذكر ما جاء في تصريح المقداد عن الموصل', 11, 'mekdad'],
    ['Why did the Syrians not feel the Iraqi planes were foreign?', 11, 'mekdad'],
    ['ليش السوريين ما حسوا انو الطيران العراقي غريب', 11, 'mekdad'],
    ['شو دخل روسيا بالقصة', 10, 'taei'],
    ['wen 2asafha el tayaran el 3ira2i?', 8, 'abadi'],
    ['eish el wikale elli na2alet el khabar', 3, 'sana'],
    ['how many locations did the Iraqi jets bomb?', 8, 'abadi'],
    ['كم منطقة قصفت الطائرات العراقية', 8, 'abadi'],
  ])('%s', (q, paragraph, speaker) => {
    const r = answered(bot.ask(q));
    expect(r.paragraph).toBe(paragraph);
    expect(r.speaker.id).toBe(speaker);
  });

  test('a count of places is answered with the clause naming them', () => {
    expect(answered(bot.ask('how many locations did the Iraqi jets bomb?')).quote).toContain('حصيب');
  });

  // Bug fixed: a place inside a city the question names was answered with the city's paragraph.
  test.each([
    'in what district of Baghdad did the bombings happen?',
    'التفجيرات صارت باي حي من بغداد',
    'where exactly in Mosul are the Iraqi forces fighting?',
  ])('never told: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['where is Mosul?', 14],
    ['أين تقع مدينة الموصل؟', 14],
    ['where were the Baghdad bombings?', 8],
  ])('where a city lies is still answered: %s', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });

  test.each(["why didn't Abadi go to Damascus himself?", 'لماذا لم تعلن بغداد تفاصيل الرسالة؟'])(
    'a why-not the article never negates is still declined: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each(['china', 'what did they say into the microphone'])('English words are not read as Arabizi: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });
});

describe('break14: fillers around a said-question, trips taken as given', () => {
  // Bug fixed: a closing "in short", «باختصار», «مرة أخرى» was read as the subject and the question declined.
  test.each([
    ['what did al-Mekdad say, in short?', 'mekdad'],
    ['ماذا قال الطائي بشكل مختصر', 'taei'],
    ['شو قال الفياض مرة اخرى', 'fayyadh'],
  ])('%s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  // Bug fixed: answered with the reason for the air strikes, as if al-Abadi had gone; his envoy went.
  test.each(['Why did al-Abadi fly to Damascus?', 'ليش سافر العبادي على سوريا؟', 'why did al-Mekdad travel to Iraq?'])(
    'never happened: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('a why about going beyond the borders is no trip', () => {
    expect(answered(bot.ask('why might Iraq go beyond its borders?')).paragraph).toBe(9);
  });
});

describe('break14: words for reasons, targets, governments, media and diplomats', () => {
  // Bug fixed: each was declined as off-topic or "does not say" (or given a bare title as the quote).
  test.each([
    ['what prompted the strikes inside Syria?', 7, 'abadi'],
    ['ما الدافع للضربات الجوية العراقية', 7, 'abadi'],
    ["what did Syria's state media say?", 3, 'sana'],
    ['what did the Syrian diplomat tell the press?', 11, 'mekdad'],
  ])('%s', (q, paragraph, speaker) => {
    const r = answered(bot.ask(q));
    expect(r.paragraph).toBe(paragraph);
    expect(r.speaker.id).toBe(speaker);
  });

  test.each(['what was hit by the Iraqi planes?', 'what were the targets of the air raids?'])(
    'what was struck is answered by the strikes: %s',
    (q) => {
      expect([7, 8]).toContain(answered(bot.ask(q)).paragraph);
    },
  );

  test.each([
    ["what did Iraq's government say?", 'iraq'],
    ['what did the Syrian government say about the meeting?', 'syria'],
  ])('a government is its side: %s', (q, side) => {
    const r = answered(bot.ask(q));
    const iraqi = ['abadi', 'fayyadh', 'taei'];
    expect(side === 'iraq' ? iraqi : ['sana', 'assad', 'mekdad']).toContain(r.speaker.id);
  });

  test('a said-question is not answered by a bare name and title', () => {
    const r = answered(bot.ask('ماذا قالت الحكومة العراقية؟'));
    expect(r.quote).not.toBe('رئيس الوزراء حيدر العبادي');
  });

  test('a who-question with a verb of speaking still gets the name', () => {
    expect(answered(bot.ask('منو نائب وزير الخارجية السوري اللي صرح؟')).speaker.id).toBe('mekdad');
  });
});

describe('break14: relations the article never tells, the reporter’s leanings', () => {
  // Bug fixed: answered with paragraph 1 (the message) at 0.7, the verb ignored.
  test.each(['did al-Assad congratulate al-Abadi?', 'هل اعتذر الفياض من الأسد؟', 'ما هو عنوان الخبر؟'])(
    'never told: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each(['is Osama Mahdi biased against Iraq?', 'هل الكاتب منحاز؟'])('an opinion of the reporter: %s', (q) => {
    const r = bot.ask(q);
    expect(r.kind === 'no-answer' && r.reason).toBe('opinion');
  });

  test('terrorism as a threat is still al-Fayyadh’s', () => {
    expect(answered(bot.ask('who said terrorism threatens the whole world?')).speaker.id).toBe('fayyadh');
  });
});

describe('break14: the receiver’s reaction asked alone', () => {
  // Bug fixed: "Assad received a message" (paragraph 1) was given as his reaction; the article gives none.
  test.each(['how did al-Assad react?', 'شو كان رد بشار؟', 'what was the Syrian president’s response?'])(
    'never told: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('a country’s reaction to the strikes is still al-Mekdad’s', () => {
    expect(answered(bot.ask('how did Syria react to the Iraqi strikes?')).speaker.id).toBe('mekdad');
  });
});

describe('break14: the form of the message', () => {
  // Bug fixed: «هل كانت الرسالة مكتوبة؟» got the message's topic («وهي تتعلق…») at 100%, not «رسالة شفهية».
  test.each(['هل الرسالة كانت مكتوبة؟', 'was the message oral?'])('%s', (q) => {
    expect(answered(bot.ask(q)).quote).toContain('شفهية');
  });
});

describe('seventeenth blind set, first run: choices, dialect verbs, Levantine Arabizi', () => {
  // Bug fixed: each was declined (a choice "Damascus or Baghdad" was read as a reversed message; dialect words and
  // Arabizi spellings were unknown and sank the confidence).
  test.each([
    ['مين اللي اعلن تفاصيل الرسالة، بغداد ولا دمشق؟', 1, 'mahdi'],
    ['وكالة الأنباء السورية قالت ايه عن المقابلة', 3, 'sana'],
    ['shu kan ra2y el mekdad bmawdou3 el tansee2', 11, 'mekdad'],
    ['mino 9ar7 enno el 3ira2 ra7 y3bor el 7dood', 9, 'taei'],
    ['دمشق عملت ايه بالرسالة', 1, 'mahdi'],
  ])('%s', (q, paragraph, speaker) => {
    const r = answered(bot.ask(q));
    expect(r.paragraph).toBe(paragraph);
    expect(r.speaker.id).toBe(speaker);
  });

  test('a message sent the wrong way is still declined', () => {
    expect(bot.ask('did Damascus send the message to Baghdad?').kind).toBe('no-answer');
  });
});

describe('seventeenth blind set: the article’s own words asked of', () => {
  // Bug fixed: "who said العصابات الإرهابية" went to al-Abadi's "terrorist organizations" (paragraph 2).
  test.each([
    ['مين قال "العصابات الارهابية"؟', 9, 'taei'],
    ['who said مواقع الإرهاب الداعشي', 8, 'abadi'],
  ])('%s', (q, paragraph, speaker) => {
    const r = answered(bot.ask(q));
    expect(r.paragraph).toBe(paragraph);
    expect(r.speaker.id).toBe(speaker);
  });

  test('two of the article’s words in a long paraphrase do not decide it', () => {
    const q = 'من الذي قال إن السوريين لم يشعروا بأنهم أمام جيش غريب حين قصفت الطائرات العراقية داعش؟';
    expect(answered(bot.ask(q)).speaker.id).toBe('mekdad');
  });
});

describe('the review of this stop’s rules: what they must not catch (second round)', () => {
  // Each was broken by a rule of this stop (found by a fresh reviewer on questions of its own) and is held here.
  test.each([
    ['Where did Iraqi jets strike after the explosions in Baghdad?', [8]],
    ['Who takes part in the fighting in Mosul?', [14]],
    ['What is the objective of the quadrilateral committee?', [10]],
    ['Which pro-Assad militias fight in Syria?', [6]],
    ['What happened, in a nutshell?', [1]],
    ['Why did Abadi go after ISIS?', [7, 8]],
  ])('answered: %s', (q, paragraphs) => {
    expect(paragraphs).toContain(answered(bot.ask(q)).paragraph);
  });

  test.each([
    'Why didn’t Iraq go beyond its borders?',
    'لماذا لم يتجاوز العراق الحدود؟',
    'Why didn’t the Iraqi army feel welcome?',
    'what is terrorism?',
    'ما الإرهاب؟',
    'what did social media say?',
    'How many cities are mentioned in the article?',
    'who is the head of Syrian diplomacy?',
  ])('declined: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('a government beside its country is the country’s side', () => {
    expect(['sana', 'assad', 'mekdad']).toContain(answered(bot.ask('what did the Syrian government say?')).speaker.id);
  });

  test('"head of state" is read around its "of"', () => {
    expect(answered(bot.ask('what did the Syrian head of state say?')).speaker.id).toBe('assad');
  });
});

describe('seventeenth blind set: a title with its own country', () => {
  // Bug fixed: «منو رئيس الوزراء العراقي» left "Iraqi" as a topic word and got al-Abadi's takfiri groups (paragraph 2).
  test.each(['شنو اسم رئيس الوزراء العراقي؟', 'مين رئيس وزرا العراق اللي بالمقال'])('%s', (q) => {
    const r = answered(bot.ask(q));
    expect(r.paragraph).toBe(1);
    expect(r.quote).toContain('حيدر العبادي');
  });
});

describe('seventeenth blind set: more coordination, declared or not', () => {
  // Bug fixed: went to al-Mekdad's paragraph 11 or 13 instead of his call for more coordination (paragraph 12).
  test.each([
    'المقداد شايف التنسيق مع العراق كافي؟',
    'does al-Mekdad think the coordination is enough?',
    'shu 2al el me2dad 3an el tansee2 ghair el mo3lan',
  ])('%s', (q) => {
    expect(answered(bot.ask(q)).paragraph).toBe(12);
  });
});

describe('break14: a meeting placed in the wrong city', () => {
  // Bug fixed: answered with al-Assad's words at the meeting (paragraph 4), not where it was (Damascus, paragraph 2).
  test.each(['was the meeting in Baghdad?', 'هل صار اللقاء ببغداد؟'])('%s', (q) => {
    expect(answered(bot.ask(q)).quote).toContain('دمشق');
  });

  test('when, asked of al-Abadi meeting al-Assad in Baghdad, is still declined (he never went)', () => {
    expect(bot.ask('when did al-Abadi meet al-Assad in Baghdad?').kind).toBe('no-answer');
  });
});

describe('break14: what the reporter wrote', () => {
  // Bug fixed: the quote was his byline «أسامة مهدي» alone.
  test.each(['what did the reporter write?', 'شو كتب الكاتب؟'])('%s', (q) => {
    const r = answered(bot.ask(q));
    expect(r.speaker.id).toBe('mahdi');
    expect(r.quote).not.toBe('أسامة مهدي');
  });

  test('who wrote it is still the byline', () => {
    expect(answered(bot.ask('who wrote this article?')).quote).toBe('أسامة مهدي');
  });
});

describe('break14: a quote that only introduces someone says whom', () => {
  // Bug fixed: "who is al-Fayyadh?" showed «…فالح الفياض» with "— Haider al-Abadi" under it and nothing more.
  test('who is al-Fayyadh: the words are al-Abadi’s paragraph, and they introduce al-Fayyadh', () => {
    const r = answered(bot.ask('who is al-Fayyadh?'));
    expect(r.introduces?.id).toBe('fayyadh');
    expect(r.speaker.id).not.toBe('fayyadh');
  });

  test('his own words introduce no one', () => {
    expect(answered(bot.ask('what did al-Fayyadh say?')).introduces).toBeUndefined();
  });
});

describe('break14: fighters, bases, official media, the headline', () => {
  // Bug fixed: each was declined (or the lead given for the headline).
  test.each([
    ['what foreign fighters fight alongside Assad?', 6],
    ['where is the main base of ISIS in Syria?', 14],
    ['شو قال الإعلام الرسمي السوري؟', 3],
  ])('%s', (q, paragraph) => {
    expect(answered(bot.ask(q)).paragraph).toBe(paragraph);
  });

  test.each(['what is the headline of this article?', 'شو عنوان الخبر'])('never given: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });
});

describe('break15: chatter around a said-question', () => {
  // Bug fixed: a word of chatter (read only by its skeleton, or loosely) was taken as what was said, and declined.
  test.each([
    ['urgent: ماذا قال الطائي؟', 'taei'],
    ['what did mekdad say, bruh', 'mekdad'],
    ['sorry to bother you but what did Fayyadh say', 'fayyadh'],
    ['I really need to know what Assad said', 'assad'],
    ['**bold** شو قال المقداد', 'mekdad'],
    ['ماذا قال الفياض يا صديقي العزيز؟', 'fayyadh'],
  ])('%s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test('a subject after "about" that the article lacks is still declined', () => {
    expect(bot.ask('what did Assad say about Hezbollah?').kind).toBe('no-answer');
  });
});

describe('break15: meanings, comparisons, kings, who did not say', () => {
  // Bug fixed: each was answered with a paragraph (up to 0.86) though the article says none of it.
  test.each([
    'What does takfiri mean?',
    'شو يعني داعش',
    'Who is older, Assad or al-Abadi?',
    'مين أقوى، العراق ولا سوريا؟',
    'ماذا قال المقداد عن الملك سلمان؟',
    'When was the four-party committee formed?',
    "Who didn't mention Russia?",
    'Qui a envoyé le message?',
  ])('%s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['يعني شو قال الأسد؟', 'assad'],
    ['who wanted the existing cooperation to get stronger?', 'abadi'],
  ])('filler and strengthening are no such question: %s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });
});

describe('break15: children of the article, not of a person', () => {
  // Bug fixed: "children" was out of scope everywhere, so al-Abadi's words on those who kill "our sons" were declined.
  test('who is trying to kill our children? is al-Abadi’s statement', () => {
    expect(answered(bot.ask('who said terrorists try to kill our children?')).speaker.id).toBe('abadi');
  });

  test('a named person’s children are still never told', () => {
    expect(bot.ask('how many children does al-Mekdad have?').kind).toBe('no-answer');
  });
});

describe('break15 #6: a wrong day or month in a yes/no question is corrected', () => {
  // Bug fixed: declined (the day or month is one the article never names), though the article gives the right one.
  test.each([
    ['did the envoy meet al-Assad on a Sunday?', 2, 'الخميس'],
    ['هل كان اللقاء يوم الجمعة؟', 2, 'الخميس'],
    ['did al-Taei speak on a Tuesday?', 9, 'الاثنين'],
    ['did al-Taei say it on a Tuesday?', 9, 'الاثنين'],
    ['هل أعلن العبادي الضربات في 25 مارس؟', 7, 'فبراير'],
  ])('%s', (q, paragraph, date) => {
    const r = answered(bot.ask(q));
    expect(r.paragraph).toBe(paragraph);
    expect(r.quote).toContain(date);
  });

  test.each(['what happened on Friday?', 'ماذا حدث في مارس؟'])('not a yes/no question: still declined: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });
});

describe('the second review of this stop’s rules: what they must not catch', () => {
  // Each was broken by a rule of this stop (found by a fresh reviewer on questions of its own) and is held here.
  test.each([
    ['what does al-Mekdad mean by coordination?', 'mekdad'],
    ['name of the report’s author', 'mahdi'],
    ['has security cooperation between Iraq and Syria been established?', 'taei'],
  ])('answered: %s', (q, speaker) => {
    expect(answered(bot.ask(q)).speaker.id).toBe(speaker);
  });

  test.each([
    'did the Iraqi jets strike Albukamal on a Sunday?',
    'did Iran send weapons to Assad in January?',
    'what did Faisal al-Qasim say?',
  ])('declined (nothing to correct the date with; someone else): %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('a meeting that discussed a city is not placed there', () => {
    expect(answered(bot.ask('did the meeting discuss Raqqa?')).paragraph).not.toBe(14);
  });
});

describe('Arabizi titles and terms of office', () => {
  // Bug fixed: "ra2is" was read loosely as al-Taei, and "amn watani" as two words, so a term of office was answered.
  test.each(['emta sar el assad ra2is?', 'mn emta sar el fayyad mostashar amn watani'])('never dated: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('shu 2al el ra2is el souri is al-Assad', () => {
    expect(answered(bot.ask('shu 2al el ra2is el souri?')).speaker.id).toBe('assad');
  });
});

describe('found by the sixteenth break test and the nineteenth blind set', () => {
  test.each([
    ['what did the Syrian officials say about the border?', ['assad', 'mekdad', 'sana']],
    ['ماذا قال المسؤولون السوريون؟', ['assad', 'mekdad']],
    ['what did the Iraqi side say about infiltration?', ['taei', 'abadi']],
    ['shu 2al el mas2oul el souri 3an el tansee2?', ['assad', 'mekdad', 'sana']],
  ])('"official" or "side" beside a country is that country’s speakers: %s', (q, speakers) => {
    expect(speakers).toContain(answered(bot.ask(q)).speaker.id);
  });

  test.each(['did Mekdad praise the Iraqi PM?', 'هل مدح الفياض الرئيس الأسد؟'])(
    'praise the article never tells is declined: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each(['هل المقداد على حق؟', 'el assad 3ala 7a2?'])('"is X right?" asks an opinion: %s', (q) => {
    const reply = bot.ask(q);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('opinion');
  });

  test('an Arabizi "opinion of" with a fused "bi" is someone spoken of, and "rayy" is ra2y', () => {
    expect(bot.ask('shu rayy el fayyad bil mekdad?').kind).toBe('no-answer');
  });

  test.each([
    ['is al-Taei the Syrian interior minister?', 9],
    ['هل الطائي وزير داخلية سوريا؟', 9],
    ['is Fayyadh the Syrian defence minister?', 2],
  ])('a wrong office of another country given to a named speaker is corrected by his introduction: %s', (q, p) => {
    const a = answered(bot.ask(q));
    expect(a.paragraph).toBe(p);
    expect(a.quote.length).toBeLessThan(50);
  });

  test.each(['شو ناقش الأسد والفياض؟', 'ايش ناقشوا بالاجتماع؟', 'shu na2asho?', 'إيه اللي اتناقش في اللقاء؟'])(
    'what the meeting discussed, in dialect: %s',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(3);
    },
  );

  test.each([
    ['شو حكى الفيض عن الارهاب؟', 'fayyadh'],
    ['من هو الاصد؟', 'assad'],
  ])('a name with its article one letter off keeps its speaker: %s', (q, speaker) => {
    const a = answered(bot.ask(q));
    expect([a.speaker.id, a.introduces?.id]).toContain(speaker);
  });

  test.each(['ما هو السيد؟', 'ماذا قال الفضه؟'])('common words near a name stay themselves: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('struck-out text is withdrawn', () => {
    expect(answered(bot.ask('~~what did al-Taei say~~ what did al-Mekdad say?')).speaker.id).toBe('mekdad');
  });

  test.each([
    'Was sagte Assad über die Grenze?',
    'Waarom stuurde Abadi een boodschap?',
    'Siapa utusan Irak?',
    'Abadi ne kya kaha?',
  ])('another language gets the languages notice: %s', (q) => {
    const reply = bot.ask(q);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('other-language');
  });

  test('Discord "fancy text" (mathematical bold) is read as English', () => {
    expect(answered(bot.ask('𝐰𝐡𝐨 𝐢𝐬 𝐭𝐚𝐞𝐢?')).paragraph).toBe(9);
  });

  test.each([
    ['what did the speaker in paragraph 5 say?', 5],
    ['ماذا قال المتحدث في الفقرة 11؟', 11],
  ])('"the person in paragraph N" is that paragraph: %s', (q, p) => {
    expect(answered(bot.ask(q)).paragraph).toBe(p);
  });

  test.each(['paragraph', 'الفقرات', 'show me a paragraph'])(
    'a paragraph with no number says which there are: %s',
    (q) => {
      const reply = bot.ask(q);
      expect(reply.kind === 'no-answer' && reply.reason).toBe('no-such-paragraph');
    },
  );

  test('an alternative offered in a yes/no question is no topic of its own', () => {
    expect(answered(bot.ask('did the air raids succeed or fail?')).paragraph).toBe(8);
    expect(bot.ask('did the air raids fail?').kind).toBe('no-answer');
  });

  test.each([
    'what did the Popular Mobilization Forces do?',
    'شو دور الحشد الشعبي في الموصل؟',
    'shu 2al 5amenei 3an el 7doud?',
  ])('groups and people the article never names, also in Arabizi digits: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('an office only one speaker holds, after ل, is the one spoken to', () => {
    expect(answered(bot.ask('ماذا قال الرئيس الأسد للمبعوث؟')).speaker.id).toBe('assad');
  });

  test('"what does the article say about … the Assad regime" is the article’s words, not Assad’s', () => {
    expect(answered(bot.ask('ماذا يذكر المقال عن تسليح نظام الاسد عبر العراق؟')).paragraph).toBe(6);
  });

  test.each(['منين بيتسللوا الارهابيين للعراق؟', 'mnein byetsallalo el irhabiyeen?'])(
    'where infiltration comes from: %s',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(9);
    },
  );
});

describe('more from the sixteenth break test: the occasion of words, the story, Arabizi words, the envoy', () => {
  test.each([
    ['where did al-Assad say it?', 2],
    ['متى تحدث الأسد بهذا الكلام؟', 2],
    ['وين قال الفياض هالكلام؟', 2],
  ])('where or when words were said, when the speaker’s passage holds no place or time: %s', (q, p) => {
    expect(answered(bot.ask(q)).paragraph).toBe(p);
  });

  test.each([
    ['when did al-Mekdad make that statement?', 11],
    ['متى قال الطائي هذا؟', 9],
  ])('a passage that dates itself keeps its words: %s', (q, p) => {
    expect(answered(bot.ask(q)).paragraph).toBe(p);
  });

  test.each(['ايش الحكاية بالضبط؟', 'shu el 2issa?'])('"what’s the story" is the article’s main news: %s', (q) => {
    expect(answered(bot.ask(q)).paragraph).toBe(1);
  });

  test.each([
    ['kem toul el 7doud?', 2],
    ['ayna ma3a9il da3esh?', 14],
    ['مين حجى عن الحدود؟', 9],
  ])('Arabizi and Iraqi words: %s', (q, p) => {
    expect(answered(bot.ask(q)).paragraph).toBe(p);
  });

  test.each(['is al-Taei the Iraqi envoy?', 'هل الطائي هو المبعوث؟', 'is Mekdad the envoy?'])(
    'an office another speaker holds is corrected by its holder’s introduction: %s',
    (q) => {
      const a = answered(bot.ask(q));
      expect(a.paragraph).toBe(2);
      expect(a.introduces?.id).toBe('fayyadh');
    },
  );

  test('an office the one named holds is still his', () => {
    expect(answered(bot.ask('is al-Fayyadh the envoy?')).paragraph).toBe(2);
    expect(answered(bot.ask('is Mekdad the deputy foreign minister?')).paragraph).toBe(11);
  });
});

describe('the review of the sixteenth break test’s rules: what they must not catch', () => {
  test.each([
    ['ما الحشد العسكري الذي يجري لاستعادة الرقة؟', 14],
    ['is there an international mobilization against ISIS in Raqqa?', 14],
  ])('mobilization as an ordinary word: %s', (q, p) => {
    expect(answered(bot.ask(q)).paragraph).toBe(p);
  });

  test('the Popular Mobilization Forces stay out of the article', () => {
    expect(bot.ask('ما دور الحشد الشعبي في الموصل؟').kind).toBe('no-answer');
  });

  test('Egyptian Arabizi "zei" (like) is no foreign word', () => {
    const reply = bot.ask('zei ma 2al el fayyad, el irhab khatar 3al 3alam?');
    expect(reply.kind === 'no-answer' && reply.reason).not.toBe('other-language');
  });

  test.each(['Is al-Taei meeting the Syrian interior minister?', 'هل التقى الطائي بوزير الخارجية السوري؟'])(
    'an is-question asking something else of him is no office correction: %s',
    (q) => {
      const reply = bot.ask(q);
      expect(reply.kind === 'answer' && reply.quote.length < 50).toBe(false);
    },
  );

  test('a country after ل is no one spoken to', () => {
    expect(answered(bot.ask('ماذا قال الأسد للسوريين؟')).speaker.id).toBe('assad');
  });

  test.each(['شو ارهاب؟', 'ايش تنسيق؟', 'sho tansee2?'])('a dialect "what" before a noun asks a meaning: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['أكد الطائي على حق العراق في عبور الحدود؟', 9],
    ['the length of the border is 605 km, is that right?', 2],
  ])('"حق" as "the right of", and "is that right?", are no opinion asked: %s', (q, p) => {
    expect(answered(bot.ask(q)).paragraph).toBe(p);
  });

  test.each(['is al-Mekdad right?', 'هل الطائي محق؟'])('"is X right?" is an opinion asked: %s', (q) => {
    const reply = bot.ask(q);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('opinion');
  });

  test('praise of a thing one passage tells of is answered; of one person by another, declined', () => {
    expect(answered(bot.ask('did al-Abadi hail the air raids?')).paragraph).toBe(8);
    expect(bot.ask('did al-Mekdad commend al-Fayyadh?').kind).toBe('no-answer');
    expect(answered(bot.ask('praise be to God, what did al-Taei say?')).speaker.id).toBe('taei');
  });

  test.each([
    ['did Abadi go to Damascus himself to see Assad?', 2],
    ['هل سافر العبادي شخصيا الى دمشق؟', 2],
  ])('whether someone went in person is answered by who went: %s', (q, p) => {
    expect(answered(bot.ask(q)).paragraph).toBe(p);
  });

  test.each(['when did Abadi go to Damascus himself?', 'هل زار العبادي دمشق بنفسه بعد ذلك؟'])(
    'a trip taken as given, or after the article, is still declined: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each(['what was discussed, according to the Syrian news agency?', 'حسب سانا ماذا ناقش الطرفان؟'])(
    'an agency’s attribution clause is not what it said: %s',
    (q) => {
      const a = answered(bot.ask(q));
      expect(a.paragraph).toBe(3);
      expect(a.quote).not.toBe('كما قالت وكالة الانباء السورية الرسمية');
    },
  );

  test.each(['how does Iraq intend to protect its frontier?', 'كيف سيحمي العراق حدوده؟'])(
    'protecting is defending: %s',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(9);
    },
  );
});

describe('kinds the twentieth blind set found (first run 95.0%)', () => {
  test.each([
    ['مين قال إن العراق ممكن يعدي حدوده؟', 9],
    ['meen 2al el 3ira2 y3addi el 7dood?', 9],
    ['what does al-Taei want to prevent?', 9],
  ])('crossing the border and preventing infiltration are al-Taei’s words: %s', (q, p) => {
    expect(answered(bot.ask(q)).paragraph).toBe(p);
  });

  test.each(['did the U.S. join the air strikes?', 'هل شاركت ال US في الغارات؟'])(
    '"US" in capitals is the country, which the article never names: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test('"us" in a shouted message stays a pronoun', () => {
    expect(answered(bot.ask('TELL US WHAT MEKDAD SAID')).speaker.id).toBe('mekdad');
  });

  test.each(['does the four-party committee include Turkey?', 'هل تضم اللجنة الرباعية الولايات المتحدة؟'])(
    'a member the article does not list is corrected by the list: %s',
    (q) => {
      expect(answered(bot.ask(q)).paragraph).toBe(10);
    },
  );
});

describe('dialect strikes and "which cities" (nineteenth blind set)', () => {
  test.each(['شو المدن اللي قصفوها الطيارات العراقية؟', 'ايش المدن اللي انضربت بسوريا؟'])('%s', (q) => {
    expect(answered(bot.ask(q)).paragraph).toBe(8);
  });
});

describe('who attended the meeting (found by the sixteenth break test)', () => {
  test.each(['who was present at the Damascus meeting?', 'مين حضر اللقاء بدمشق؟'])(
    'those who met, not the agency’s attribution clause: %s',
    (q) => {
      const reply = bot.ask(q);
      expect(reply.kind === 'answer' && reply.quote).not.toBe('كما قالت وكالة الانباء السورية الرسمية');
    },
  );

  test('who reported it is still the attribution', () => {
    expect(answered(bot.ask('which agency reported the talks?')).speaker.id).toBe('sana');
  });

  test.each(['who also took part in the meeting?', 'ومين حضر الاجتماع ايضا؟'])(
    'who else was there is not told: %s',
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );
});

describe('kinds the twenty-first blind set found (first run 94.0%)', () => {
  test('where someone was when he spoke: the topic after "about" is not the place asked', () => {
    expect(bot.ask('where was al-Mekdad when he gave his statement about the Iraqi planes?').kind).toBe('no-answer');
    expect(answered(bot.ask('where did the jets strike, according to Abadi?')).paragraph).toBe(8);
  });

  test('joining strikes is no membership: a country the article never names stays out', () => {
    expect(bot.ask('did the U.S. join the raids on Husaybah?').kind).toBe('no-answer');
  });

  test('"according to X" names the sayer; without it, the first name is not taken for one', () => {
    expect(answered(bot.ask('according to al-Abadi, which places did the planes hit?')).speaker.id).toBe('abadi');
    expect(answered(bot.ask('Fayyadh is the envoy of whom?')).paragraph).toBe(2);
  });

  test('"how many Syrian towns" counts the places struck', () => {
    expect(answered(bot.ask('how many Syrian sites did the Iraqi air force hit?')).paragraph).toBe(8);
  });
});

describe('kinds the twenty-second blind set found (first run 90.0%)', () => {
  test('"الوطن" (the homeland) is no "national" security adviser; the adviser is still found', () => {
    expect(bot.ask('ما رأيك في حب الوطن؟').kind).toBe('no-answer');
    expect(answered(bot.ask('من هو مستشار الأمن الوطني العراقي؟')).paragraph).toBe(2);
    expect(answered(bot.ask('who is the national security adviser?')).paragraph).toBe(2);
  });

  test('a sports league or national team is off the article (الدوري is no «دوره», his role)', () => {
    expect(bot.ask('منو ربح الدوري السوري السنة الماضية؟').kind).toBe('no-answer');
    expect(bot.ask('وين يلعب المنتخب العراقي؟').kind).toBe('no-answer');
    expect(answered(bot.ask('شو دور الفياض؟')).paragraph).toBe(2);
  });

  test('a group head asked with the group misspelt is still unnamed', () => {
    expect(bot.ask('who is the chairman of the quadrilateral comittee?').kind).toBe('no-answer');
    expect(answered(bot.ask('which countries are in the comittee?')).paragraph).toBe(10);
  });

  test('headquarters are never given', () => {
    expect(bot.ask('where is the quadrilateral committee headquartered?').kind).toBe('no-answer');
  });

  test('"day of the month" is not answered by a weekday; a date with a day number answers it', () => {
    expect(bot.ask('which day of the month did al-Fayyadh see al-Assad?').kind).toBe('no-answer');
    expect(answered(bot.ask('what day of the month did Abadi announce the air strikes?')).paragraph).toBe(7);
    expect(answered(bot.ask('what day did Fayyadh meet Assad?')).paragraph).toBe(2);
  });

  test('an undated event qualified by a clause about a dated one is still undated', () => {
    expect(bot.ask('when did the Baghdad bombings which Abadi answered with air strikes happen?').kind).toBe(
      'no-answer',
    );
    expect(answered(bot.ask('متى رد العبادي على تفجيرات بغداد؟')).paragraph).toBe(7);
  });

  test("why, in the reporter's background: the reason must be in the words shown", () => {
    expect(bot.ask('لماذا ما زال داعش يسيطر على الرقة؟').kind).toBe('no-answer');
    expect(answered(bot.ask('why are Iraqi troops fighting in Mosul?')).paragraph).toBe(14);
    expect(answered(bot.ask('why did Iraq serve as a corridor for Iran?')).paragraph).toBe(6);
  });

  test('"why may…" asks a reason (Arabizi "ma" is a word of its own); why someone did not is never told', () => {
    expect(answered(bot.ask('why may Iraq act beyond its borders?')).paragraph).toBe(9);
    expect(bot.ask('why did al-Taei not go to the meeting?').kind).toBe('no-answer');
    expect(bot.ask('لماذا العبادي لم يذهب الى دمشق؟').kind).toBe('no-answer');
  });

  test('the type or model of aircraft or weapons is never given', () => {
    expect(bot.ask('what type of jets hit Albukamal?').kind).toBe('no-answer');
    expect(bot.ask('شو نوع الصواريخ اللي استخدموها؟').kind).toBe('no-answer');
    expect(answered(bot.ask('which planes struck Albukamal?')).paragraph).toBeOneOf([8, 11]);
  });

  test('Arabizi "ra2ees el wozara" is the prime minister, of the country named', () => {
    expect(bot.ask('min ra2ees el wozara fi souria?').kind).toBe('no-answer');
    expect(answered(bot.ask('min ra2ees wozara el 3ira2?')).paragraph).toBe(1);
  });

  test('two speakers joined as one subject of a said-question get the passage on both', () => {
    for (const q of ['shu 7ako el fayyad wel asad?', 'what did Assad and al-Fayyadh talk about?']) {
      expect(answered(bot.ask(q)).paragraph).toBe(3);
    }
    expect(answered(bot.ask('according to SANA, what did the two men discuss?')).speaker.id).toBe('sana');
    expect(answered(bot.ask('what did Assad say to Fayyadh?')).paragraph).toBe(4);
  });

  test('«عن ماذا» asks what was said, with no subject; تحدث is a verb of speaking', () => {
    expect(answered(bot.ask('عن ماذا تكلم المقداد؟')).speaker.id).toBe('mekdad');
    expect(answered(bot.ask('الطائي تحدث عن ماذا؟')).speaker.id).toBe('taei');
    expect(answered(bot.ask('about what did Assad speak?')).paragraph).toBe(4);
  });

  test('a yes/no question naming a place as struck that was not is corrected by the places that were', () => {
    for (const q of ['did Iraqi warplanes strike Mosul?', 'هل قصف العراق الرقة؟']) {
      const r = answered(bot.ask(q));
      expect(r.paragraph).toBe(8);
      expect(r.quote).toContain('حصيب');
    }
    expect(bot.ask('why did Abadi bomb Raqqa?').kind).toBe('no-answer');
    expect(bot.ask('did Iran bomb Husaybah?').kind).toBe('no-answer');
  });

  test('restoring stability and outsiders are the article’s words in other terms', () => {
    expect(answered(bot.ask('who talked about restoring stability to both countries?')).paragraph).toBe(4);
    expect(answered(bot.ask('who said the Iraqi air force did not feel like outsiders?')).paragraph).toBe(11);
  });
});

describe('kinds the twenty-third blind set found (first run 90.5%)', () => {
  test('a statement closed by a tag ("right?", «صح؟», «مو») is a yes/no question: its wrong premise is corrected', () => {
    const friday = answered(bot.ask('fayyadh met assad on a friday, right?'));
    expect(friday.paragraph).toBe(2);
    expect(friday.quote).toContain('الخميس');
    expect(answered(bot.ask('التقى الفياض بالاسد ببغداد صح؟')).quote).toContain('دمشق');
  });

  test('Arabic and Arabizi "qabal" (met) is meeting', () => {
    expect(answered(bot.ask('wen 2abalo el fayyad el asad?')).paragraph).toBe(2);
    expect(answered(bot.ask('مين قابل الاسد؟')).paragraph).toBe(2);
  });

  test('an English country adjective before an Arabic office is its country', () => {
    expect(bot.ask('what did the syrian رئيس الوزراء say?').kind).toBe('no-answer');
  });

  test('membership said as "on the committee" or «اللجنة فيها» is corrected by the members', () => {
    expect(answered(bot.ask('is Turkey on the committee?')).paragraph).toBe(10);
  });

  test('the reaction of one the article never quotes is not told; Baghdad’s is', () => {
    expect(bot.ask('how did Daesh react to the air strikes?').kind).toBe('no-answer');
    expect(answered(bot.ask('كيف ردت بغداد على الرسالة؟')).paragraph).toBe(1);
    expect(answered(bot.ask('were the strikes a response to the Baghdad bombings?')).paragraph).toBe(7);
  });

  test('dialect "inside" (داخلة, جوا), strike verbs, «تفعل» as no topic, threat and humanity', () => {
    expect(answered(bot.ask('ايش الدول اللي داخلة في اللجنة؟')).paragraph).toBe(10);
    expect(answered(bot.ask('ليش العراق يقصف داعش بسوريا؟')).paragraph).toBeOneOf([7, 8]);
    expect(answered(bot.ask('ماذا يريد الفياض من دول العالم ان تفعل؟')).paragraph).toBe(5);
    expect(answered(bot.ask('من الذي قال ان الارهاب خطر على البشرية؟')).paragraph).toBe(5);
  });

  test('"during" («أثناء») is no Monday', () => {
    expect(answered(bot.ask('بماذا صرح الأسد أثناء اللقاء؟')).paragraph).toBe(4);
  });

  test('countries are counted by naming them: the committee’s, not ISIS’s foes', () => {
    expect(answered(bot.ask('el lajne fiya kam dawle?')).paragraph).toBe(10);
    expect(answered(bot.ask('كم دولة باللجنة الامنية؟')).paragraph).toBe(10);
    expect(bot.ask('كم دولة تقاتل داعش؟').kind).toBe('no-answer');
  });

  test('joining the committee is membership; targeted and Arabizi sites are the strikes', () => {
    expect(answered(bot.ask('did Iran join the quadrilateral committee?')).paragraph).toBe(10);
    expect(answered(bot.ask('ما المواقع التي استهدفها الطيران العراقي؟')).paragraph).toBe(8);
    expect(answered(bot.ask('kam maw2e3 2asaf el tayaran?')).paragraph).toBe(8);
  });

  test('a paragraph list reaching past the end is clipped to the article', () => {
    expect(answered(bot.ask('paragraphs 12, 13 and 20')).clippedTo).toBe(14);
  });
});

// Bug fixed (break19): the 2,000-character cut came before NFKC, so 2,000 × U+FDFA («ﷺ») was read as 36,000 characters.
describe('the question limit holds after NFKC expansion', () => {
  test('withinQuestionLimit cuts the expanded form; ordinary text is left as typed', () => {
    expect(withinQuestionLimit('ﷺ'.repeat(6000)).length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(withinQuestionLimit('ماذا قال الأسد؟')).toBe('ماذا قال الأسد؟');
    expect(withinQuestionLimit(`${'a'.repeat(MAX_QUESTION_CHARS - 1)}😀`)).toBe('a'.repeat(MAX_QUESTION_CHARS - 1));
  });

  test('a flood of expanding characters is declined like any other noise', () => {
    expect(bot.ask('ﷺ'.repeat(6000)).kind).toBe('no-answer');
    expect(answered(bot.ask(`ماذا قال الأسد؟${' '.repeat(3000)}`)).paragraph).toBe(4);
  });
});

// Bug fixed (break19): "drop table" was answered with the meeting's time (ضرب by its skeleton, "stable" by spelling).
test('words that only look like the article’s, with no question word, are no question; a typo in one still is', () => {
  expect(bot.ask('drop table').kind).toBe('no-answer');
  expect(bot.ask('DROP TABLE questions;--').kind).toBe('no-answer');
  expect(answered(bot.ask('where was the meetign')).paragraph).toBe(2);
  expect(answered(bot.ask('ماذا قال الفياظ')).paragraph).toBe(5);
});

describe('more kinds of the twenty-third blind set and the nineteenth break test', () => {
  test('the meeting has no duration or count in the article («خد قد ايه», "how long did it last")', () => {
    expect(bot.ask('اللقاء خد قد ايه؟').kind).toBe('no-answer');
    expect(bot.ask('how many hours did the meeting take?').kind).toBe('no-answer');
    expect(answered(bot.ask('when was the meeting?')).paragraph).toBe(2);
  });

  test('Arabizi 8 is غ ("8arat": raids), and "wala la" closes a yes/no question', () => {
    expect(answered(bot.ask('el 8arat 3al bukamal nej7at wala la?')).paragraph).toBe(8);
  });
});

test('"when" of the meeting is the passage dating it, not "the coming days"; Arabizi "3ala2a" asks involvement', () => {
  expect(answered(bot.ask('on what day of the week was the meeting in Damascus held?')).paragraph).toBe(2);
  expect(answered(bot.ask('russia shu 3ala2eta bel 5abar?')).paragraph).toBe(10);
});

// Kind found by the twenty-fourth blind set: "real" and "model" only look like the article's words.
test('a question about the bot itself is off-topic; "are you sure…" about the article is still answered', () => {
  for (const q of ['are you a bot or a real person', 'what model are you running on lol', 'انت بوت ولا انسان']) {
    const reply = bot.ask(q);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('off-topic');
  }
  expect(answered(bot.ask('are you sure Assad said that the enemy is common?')).paragraph).toBe(4);
});

describe('kinds the twenty-fourth blind set found (first run 91.0%)', () => {
  test('«رئيس الحكومة» (head of government) is the prime minister', () => {
    expect(answered(bot.ask('شو قال رئيس الحكومة العراقية بالرسالة؟')).speaker.id).toBe('abadi');
  });

  test('"according to" a title (state media) names its holder as the source, not the next name', () => {
    expect(answered(bot.ask('according to Syrian state media, what did the two men discuss?')).speaker.id).toBe('sana');
    expect(answered(bot.ask('according to Assad, what did the Iraqi envoy bring?')).paragraph).toBeOneOf([2, 4]);
  });

  test('Iraqi «كال» and Levantine «بيتكلم» are said-verbs; «عودة» is a return, as «إعادة»', () => {
    expect(answered(bot.ask('شنو كال المقداد عن الموصل؟')).paragraph).toBe(11);
    expect(answered(bot.ask('الطائي بيتكلم عن شو؟')).speaker.id).toBe('taei');
    expect(answered(bot.ask('من تحدث عن عودة الاستقرار الى البلدين؟')).paragraph).toBe(4);
  });
});

// Bug fixed (break20): "which city did ISIS seize in 2014?" was declined: the year and "city" were read as other
// things the control of Mosul and Raqqa is not tied to.
test('the city ISIS seized, asked with its year, is Mosul; control of the border is still not told', () => {
  expect(answered(bot.ask('which city did Daesh take over in 2014?')).paragraph).toBe(14);
  expect(answered(bot.ask('اي مدينة سيطر عليها داعش سنة 2014؟')).paragraph).toBe(14);
  expect(bot.ask('who controls the border?').kind).toBe('no-answer');
});

// Bug fixed (break20): "what countries does the article name?" answered with the author's name at 0.70.
test('which countries or people the article names is a list no passage gives', () => {
  for (const q of ['What countries does the article name?', 'who does the story mention?']) {
    expect(bot.ask(q).kind).toBe('no-answer');
  }
  expect(answered(bot.ask('who wrote the article?')).paragraph).toBe(1);
});
