import { beforeAll, describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { buildCorpus, loadCorpus } from '../../src/core/corpus.ts';
import { Featurizer } from '../../src/core/features.ts';
import { normalize } from '../../src/core/normalize.ts';
import { DirectionPremises } from '../../src/core/premises.ts';
import type { Answerer, Corpus } from '../../src/core/types.ts';

let corpus: Corpus;
let premises: DirectionPremises;
let bot: Answerer;
beforeAll(() => {
  corpus = loadCorpus();
  premises = new DirectionPremises(corpus, new Featurizer(corpus.speakers, corpus.concepts));
  bot = createAnswerer(corpus);
});

const reverses = (q: string): boolean => premises.reverses(normalize(q));

/** The curated questions of the Q&A set for which `flags` is true (each premise rule must flag none). */
const curatedQuestionsWhere = (flags: (q: string) => boolean): string[] =>
  corpus.entries.flatMap((e) =>
    Object.values(e.questions)
      .flat()
      .filter((q): q is string => typeof q === 'string' && flags(q)),
  );

describe('questions that turn the message around are declined', () => {
  test.each([
    'What did the message Assad sent to al-Abadi say?',
    'why did bashar send his envoy to baghdad',
    "What was in al-Assad's message to the Iraqi prime minister?",
    'did al-Abadi get a message from Assad?',
    'لماذا بعث الرئيس السوري رسالة الى العبادي',
    'شو كان برسالة الاسد للعبادي',
    'هل تلقى العبادي رسالة من الأسد؟',
    'leish ba3at el assad mab3ooth 3al 3ira2?',
    'Assad sent Abadi a letter, what did it say?',
  ])('%s', (q) => {
    expect(reverses(q)).toBe(true);
    const reply = bot.ask(q);
    expect(reply.kind).toBe('no-answer');
    if (reply.kind === 'no-answer') expect(reply.reason).toBe('not-in-article');
  });
});

describe('a place after "in"/"on" following a strike is where it struck', () => {
  test.each([
    'why did al-Abadi order air strikes in Raqqa?',
    'who ordered the raids on Daesh positions in Damascus?',
    'ليش أمر العبادي بغارات على الرقة',
  ])('a place the strikes never hit: %s', (q) => {
    expect(reverses(q)).toBe(true);
  });

  test.each([
    'why did al-Abadi order air strikes in Syria?',
    'who ordered the raids on Daesh positions in Husaybah?',
    'why did Iraq strike Syria after the attack in Baghdad?',
    'what did Mekdad say about the bombing in Albukamal?',
  ])('a place they hit, or a cause told after "after": %s', (q) => {
    expect(reverses(q)).toBe(false);
  });
});

describe('questions that keep the direction, or give nobody a role in it, are answered as before', () => {
  test.each([
    'What did Abadi send to Assad?',
    "What was in al-Abadi's message to al-Assad?",
    'ما الرسالة التي تلقاها الأسد من العبادي؟',
    'رسالة العبادي للاسد شو فيها',
    'who did abadi send to damascus?',
    'How did Assad respond to Abadi’s message?',
    'What did Assad say about the message?',
    'ماذا قال الأسد للفياض؟',
    'what did mekdad say about support for iraq',
  ])('%s', (q) => {
    expect(reverses(q)).toBe(false);
  });

  test('no curated question of the Q&A set is read as reversed', () => {
    expect(curatedQuestionsWhere((q) => reverses(q))).toEqual([]);
  });
});

describe('direction data', () => {
  test('a direction naming an unknown speaker or concept is a seed error', () => {
    const raw = {
      article: 'أ: نص.\n\nفقرة ثانية.',
      speakers: [{ id: 'a', nameAr: 'أ', nameEn: 'A', roleAr: 'ر', roleEn: 'r', variants: ['A'] }],
      paragraphs: [
        { paragraph: 1, speaker: 'a', note: 'n', quotes: [], translation: 't' },
        { paragraph: 2, speaker: 'a', note: 'n', quotes: [], translation: 't' },
      ],
      qa: [],
      concepts: [{ id: 'message', terms: ['رسالة'], direction: { from: ['a'], to: ['nobody'] } }],
    };
    expect(() => buildCorpus(raw)).toThrow(/direction names unknown speaker or concept "nobody"/);
  });
});

describe('two people the article never brings together', () => {
  test.each([
    'When did al-Mekdad meet al-Abadi?',
    'what did abadi tell mekdad?',
    'هل اجتمع الطائي مع الأسد؟',
    'ماذا قال المقداد للفياض؟',
  ])('%s', (q) => {
    expect(premises.pairsStrangers(normalize(q))).toBe(true);
    const reply = bot.ask(q);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
  });

  test.each(['when did fayyadh meet assad?', 'متى التقى الفياض بالأسد', 'what did assad tell fayyadh?'])(
    '%s: they met',
    (q) => {
      expect(premises.pairsStrangers(normalize(q))).toBe(false);
    },
  );

  test('no curated question pairs strangers', () => {
    expect(curatedQuestionsWhere((q) => premises.pairsStrangers(normalize(q)))).toEqual([]);
  });

  test('"what did Assad say to Abadi?" is declined: al-Assad spoke to the envoy, al-Abadi was not there', () => {
    expect(premises.addressee(normalize('ماذا قال الأسد للعبادي؟'))).toBe('abadi');
    expect(bot.ask('ماذا قال الأسد للعبادي؟').kind).toBe('no-answer');
    expect(bot.ask('What did Assad tell Abadi?').kind).toBe('no-answer');
  });

  test("…while what al-Assad said to al-Fayyadh, who came, is answered with al-Assad's words", () => {
    const reply = bot.ask('شو قال الأسد للفياض؟');
    expect(reply.kind === 'answer' && reply.speaker.id).toBe('assad');
  });
});

describe('who travelled', () => {
  test.each([
    'did assad visit baghdad?',
    'هل زار الرئيس السوري بغداد؟',
    'did the syrian president travel to iraq?',
    'واش الأسد مشى لبغداد؟',
  ])('%s: the receiving side never went anywhere', (q) => {
    expect(premises.movesStayer(normalize(q))).toBe(true);
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    'did fayyadh go to damascus?',
    'who went to Damascus?',
    'did al-Abadi go to Damascus himself?',
    'al-Taei said Iraq could go beyond its borders?',
  ])('%s: the envoy went, the sender is left to the matcher, and "Iraq could go" has no traveller', (q) => {
    expect(premises.movesStayer(normalize(q))).toBe(false);
  });

  test('no curated question moves a stayer', () => {
    expect(curatedQuestionsWhere((q) => premises.movesStayer(normalize(q)))).toEqual([]);
  });
});

test("a meeting needs the sender's side to have travelled: al-Abadi never met al-Assad, his envoy did", () => {
  expect(premises.pairsStrangers(normalize('متى التقى العبادي بالأسد؟'))).toBe(true);
  expect(premises.pairsStrangers(normalize('when did al-Fayyadh meet al-Assad?'))).toBe(false);
  expect(premises.pairsStrangers(normalize('what did Abadi say to Assad?'))).toBe(false);
});

test('"did Fayyadh speak to Mekdad?": speaking to someone is an exchange too', () => {
  expect(premises.pairsStrangers(normalize('did fayyadh speak to mekdad?'))).toBe(true);
});

describe('found by the seventh blind set', () => {
  test('the one sent is the traveller, not the recipient: "who sent al-Fayyadh to Damascus?" turns nothing around', () => {
    expect(reverses('who sent al-Fayyadh to Damascus?')).toBe(false);
    expect(reverses('Who sent Assad a message?')).toBe(false);
    expect(reverses('why did Assad send Fayyadh to Baghdad?')).toBe(true);
  });

  test('dialect عال ("to the") marks the recipient like ل: عالشام is where the message went', () => {
    expect(reverses('مين حمل الرسالة عالشام')).toBe(false);
    expect(reverses('ليش الاسد بعت رسالة عالعراق')).toBe(true);
  });

  test('Arabizi "risalet X" is the message: its reversal is read', () => {
    expect(reverses('sho kan bi risalet el assad la el abadi')).toBe(true);
    expect(reverses('sho kan bi risalet el abadi lal assad')).toBe(false);
  });

  test('"Abadi\'s envoy" met al-Assad (the envoy is the party), al-Abadi himself did not', () => {
    expect(premises.pairsStrangers(normalize("when did Abadi's envoy meet Assad?"))).toBe(false);
    expect(premises.pairsStrangers(normalize('متى التقى مبعوث العبادي بالاسد'))).toBe(false);
    expect(premises.pairsStrangers(normalize('when did Abadi meet Assad?'))).toBe(true);
  });

  test('none of these changes flags a curated question', () => {
    expect(curatedQuestionsWhere(reverses)).toEqual([]);
    expect(curatedQuestionsWhere((q) => premises.pairsStrangers(normalize(q)))).toEqual([]);
  });
});

describe('words said to someone, in Arabic with ل (found by the seventh break test)', () => {
  test.each(['ماذا قال العبادي للمقداد؟', 'شو قال الأسد للطائي', 'ماذا قال المقداد لوهاب الطائي؟'])(
    '%s: the one spoken to is a speaker the sayer never addressed',
    (q) => {
      expect(premises.pairsStrangers(normalize(q))).toBe(true);
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each([
    'ماذا قالت دمشق لبغداد؟',
    'what did Damascus tell Baghdad?',
    'what did Syria say to Iraq?',
    'شو قالت سوريا للعراق',
  ])('%s: words from the receiving side to the sending side turn the message around', (q) => {
    expect(reverses(q)).toBe(true);
  });

  test.each([
    'what did Baghdad tell Damascus?',
    'How does Mekdad describe the war in relation to Iraq?',
    'ماذا قال المقداد بالنسبة للعراق',
    'Quote from Asad',
  ])('%s keeps the direction or says nothing of it', (q) => {
    expect(reverses(q)).toBe(false);
  });
});

describe("the strikes have a direction too: Iraq (on al-Abadi's order) struck inside Syria", () => {
  test.each([
    'Did the Syrian air force bomb Iraq?',
    'هل قصف الطيران السوري العراق؟',
    'did Syrian jets hit Husaybah?',
    'Did Russia bomb Albukamal?',
    'هل قصفت روسيا البوكمال؟',
    'Did Assad order the air strikes?',
    'هل أمر المقداد بضرب داعش؟',
    'Did Iran send the message?',
  ])('%s is declined', (q) => {
    expect(reverses(q)).toBe(true);
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    'Did the Iraqi air force bomb Syria?',
    'Did Abadi order air strikes?',
    'هل قصف العراق البوكمال',
    'Did ISIS bomb Baghdad?',
    'من قصف بغداد؟',
    'ما صلة الأهداف التي قصفها العراق بالهجمات في بغداد؟',
    'Was the Iraqi air raid a success according to Abadi?',
    'كيف نظرت سوريا إلى القصف العراقي في البوكمال؟',
    'Did Iran send weapons to Assad through Iraq?',
  ])('%s keeps the direction (or names no end of it) and is not declined as reversed', (q) => {
    expect(reverses(q)).toBe(false);
  });
});

describe('who was at the meeting (found by the seventh fresh break test)', () => {
  test.each(['Was Mekdad at the meeting?', 'هل حضر الطائي الاجتماع؟', 'What did al-Taei say during the meeting?'])(
    "%s puts someone at the envoy's meeting who was on neither side of it",
    (q) => {
      expect(premises.placesAtMeeting(normalize(q))).toBe(true);
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each([
    'what did Assad say at the meeting?',
    'What did SANA say about the meeting?',
    'ماذا قالت سانا عن اللقاء',
    'when did Fayyadh meet Assad?',
  ])('%s is about the meeting or someone who was there', (q) => {
    expect(premises.placesAtMeeting(normalize(q))).toBe(false);
  });

  test('no curated question is flagged', () => {
    expect(curatedQuestionsWhere((q) => premises.placesAtMeeting(normalize(q)))).toEqual([]);
  });
});

describe('strikes in the passive, or named as a noun, give the place no role of attacker (found by code review)', () => {
  test.each([
    'Was Syria bombed?',
    'Was Syria hit by Iraqi jets?',
    'why were targets in Syria bombed?',
    'What did Mekdad say about the Syria strikes?',
    'ماذا قال المقداد عن قصف سوريا؟',
    'متى تم قصف سوريا؟',
    'هل قصفت سوريا؟',
    'متى أمر العبادي بضرب داعش في سوريا؟',
  ])('%s is not reversed', (q) => {
    expect(reverses(q)).toBe(false);
  });

  test.each(['لماذا قصف الطيران السوري منطقة حصيبة', 'هل قصفت روسيا البوكمال؟', 'هل أمر الأسد بضرب داعش؟'])(
    '%s still is',
    (q) => {
      expect(reverses(q)).toBe(true);
    },
  );
});

test.each(['What did al-Taei say at the security committee meeting?', 'What did Taei think of the meeting?'])(
  "%s does not put al-Taei at the envoy's meeting",
  (q) => {
    expect(premises.placesAtMeeting(normalize(q))).toBe(false);
  },
);

test.each([
  'What did Assad ask Abadi?',
  'هل أبلغ الأسد العبادي بأن العدو مشترك؟',
  'ماذا أخبر الطائي الأسد؟',
  'what did Mekdad inform Abadi of?',
])(
  '%s: other verbs of addressing name the one spoken to; these two never spoke (found by the eighth break test)',
  (q) => {
    expect(premises.pairsStrangers(normalize(q))).toBe(true);
  },
);

describe('places the strikes never reached (found by the eighth break test)', () => {
  test.each([
    'Did Iraqi jets bomb Damascus?',
    'Did Iraqi jets bomb Mosul?',
    'Why did Abadi bomb Raqqa?',
    'هل قصف العراق الرقة؟',
  ])('%s names a place as struck that never was', (q) => {
    expect(reverses(q)).toBe(true);
    expect(premises.reversal(normalize(q))).toBe('place');
  });

  test.each(['did Iran send the message?', 'did Russia bomb Albukamal?'])(
    '%s is a fault of party, not of place',
    (q) => {
      expect(premises.reversal(normalize(q))).toBe('party');
    },
  );

  test.each(['Did ISIS bomb Baghdad?', 'who bombed Baghdad?', 'هل قصف العراق البوكمال', 'did Iraq strike Husaybah?'])(
    '%s names a place the article has bombed',
    (q) => {
      expect(reverses(q)).toBe(false);
    },
  );
});

describe('a trip taken as given by a when-question', () => {
  test.each(['متى سافر العبادي إلى سوريا؟', 'when did abadi fly to damascus'])('%s: al-Abadi never went', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test('the envoy, who went, is answered; a yes/no question on al-Abadi is left to the passage on his envoy', () => {
    expect(bot.ask('when did al-Fayyadh travel to Damascus?').kind).toBe('answer');
    expect(bot.ask('did Abadi go to Damascus?').kind).toBe('answer');
  });
});

test.each(['هل ضرب الطيران السوري مواقع التنظيم في البوكمال؟', 'متى قصفت ايران مواقع داعش داخل حصيبة'])(
  '%s: the striker comes before "sites of ISIS in <place>", and is not Iraq',
  (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  },
);

test('the Iraqi air force striking ISIS sites in Husaybah is answered', () => {
  expect(bot.ask('متى قصف الطيران العراقي مواقع داعش في حصيبه؟').kind).toBe('answer');
});

describe('found by the ninth break test', () => {
  test.each(['أين قصفت الطائرات السورية؟', 'وين ضربت الطيارات السورية؟', "What is Syria's second largest city?"])(
    "%s: a false premise (Iraqi planes; Mosul is Iraq's)",
    (q) => {
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each([
    ['وين ضربت الطيارات العراقية؟', 8],
    ["what is Iraq's second largest city?", 14],
    ["Is it true that Iraq's PM ordered the strikes because of bombings in Baghdad?", 8],
  ])('%s is answered', (q, paragraph) => {
    const reply = bot.ask(q);
    expect(reply.kind === 'answer' && [paragraph, 7].includes(reply.paragraph)).toBe(true);
  });
});
