/**
 * Rendering without Discord: text helpers, limits (case 16), bidi (case 22), echo safety (cases 5, 15), button ids.
 */
import { describe, expect, test } from 'vitest';
import type { Answer, NoAnswer, Speaker } from '../../src/core/types.ts';
import { type ButtonAction, CUSTOM_ID_MAX, decodeButton, encodeButton } from '../../src/discord/customIds.ts';
import { fitEmbeds, payloadProblems } from '../../src/discord/limits.ts';
import {
  renderAllQuotes,
  renderNoAnswer,
  renderReply,
  renderSpeakers,
  toInteractionReply,
} from '../../src/discord/render.ts';
import {
  FSI,
  fitIsolated,
  isolateLtrRuns,
  isolatesBalanced,
  MAX_MARKS_PER_BASE,
  PDI,
  sanitizeUserText,
  splitText,
  stripBidiControls,
  truncateAtWord,
} from '../../src/discord/text.ts';
import { realAnswerer } from './harness.ts';

const speaker = {
  id: 'mekdad',
  nameAr: 'فيصل المقداد',
  nameEn: 'Faisal al-Mekdad',
  role: 'Syrian Deputy Foreign Minister',
  roleAr: 'نائب وزير الخارجية السوري',
};

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    quote: 'نحتاج الى مزيد من التنسيق، هذا صحيح',
    speaker,
    paragraph: 13,
    source: 'qa',
    confidence: 0.9,
    translation: 'We need more coordination, that is true',
    entryId: 'p13-more-coordination',
    alternatives: [],
    script: 'arabic',
    ...overrides,
  };
}

/** The JSON body discord.js would send for a rendered message. */
function bodyOf(m: ReturnType<typeof renderReply>[number]) {
  const options = toInteractionReply(m);
  return {
    content: options.content,
    embeds: m.embeds.map((e) => e.toJSON()),
    components: m.components.map((c) => c.toJSON()),
    allowed_mentions: options.allowedMentions,
  };
}

const BYLINE = 'أسامة مهدي';

describe('limits (case 16)', () => {
  test('a 20,000-character quote is split over several messages, losslessly, at sentence ends', () => {
    const quote = 'وقال ان حربنا على الارهاب في سوريا ضد داعش ايضا هو دعم للعراق. '.repeat(320).trim();
    const messages = renderReply(answer({ quote }), { byline: BYLINE, question: 'ماذا قال المقداد؟' });
    expect(messages.length).toBeGreaterThan(1);
    const pieces: string[] = [];
    for (const m of messages) {
      const body = bodyOf(m);
      expect(payloadProblems(body)).toEqual([]);
      for (const e of body.embeds) {
        if (e.description) pieces.push(e.description);
      }
    }
    expect(pieces.join('')).toBe(quote);
    for (const p of pieces.slice(0, -1)) expect(p.trimEnd().endsWith('.')).toBe(true);
  });

  test('fitEmbeds keeps ≤ 25 fields and ≤ 6000 characters per embed', () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({ name: `Field ${i}`, value: 'كلمة '.repeat(300) }));
    const embeds = fitEmbeds({ title: 'T', description: 'd', fields, footer: 'f' });
    for (const e of embeds) expect(payloadProblems({ embeds: [e], allowed_mentions: { parse: [] } })).toEqual([]);
    expect(embeds.flatMap((e) => e.fields ?? []).length).toBeGreaterThanOrEqual(60);
  });

  test('a footer of the maximum length still leaves every embed within 6000 (description chunks shrink)', () => {
    const embeds = fitEmbeds({ title: 'T'.repeat(256), description: 'كلمة '.repeat(818), footer: 'f '.repeat(1024) });
    for (const e of embeds) expect(payloadProblems({ embeds: [e], allowed_mentions: { parse: [] } })).toEqual([]);
    expect(embeds.map((e) => e.description ?? '').join('')).toBe('كلمة '.repeat(818));
  });

  test('blank titles, field names and values never reach Discord as blank (it refuses them), nor empty embeds', () => {
    const embeds = fitEmbeds({ title: '   ', description: ' \n ', fields: [{ name: ' ', value: '\t' }] });
    expect(embeds).toHaveLength(1);
    expect(embeds[0]?.title).toBeUndefined();
    expect(payloadProblems({ embeds, allowed_mentions: { parse: [] } })).toEqual([]);
    expect(payloadProblems({ embeds: [{ color: 1 }], allowed_mentions: { parse: [] } })).toContain('embed 0 is empty');
    expect(payloadProblems({ allowed_mentions: { parse: [] } })).toContain('empty message');
  });

  test('all of a speaker’s quotes fit, each split at sentence boundaries', () => {
    const s: Speaker = {
      id: 'mekdad',
      nameAr: speaker.nameAr,
      nameEn: speaker.nameEn,
      roleAr: speaker.roleAr,
      roleEn: speaker.role,
      variants: [],
    };
    const long = 'هذا هو التنسيق الذي يجب ان نقوم به كلانا. '.repeat(60);
    const quotes = [11, 12, 13].map((paragraph) => answer({ paragraph, quote: long }));
    const messages = renderAllQuotes(s, quotes, BYLINE);
    for (const m of messages) expect(payloadProblems(bodyOf(m))).toEqual([]);
  });

  test('a 6000-character question is echoed cut, escaped and within the title limit', () => {
    const [m] = renderReply(answer(), { byline: BYLINE, question: `**${'سؤال '.repeat(1500)}**` });
    const title = m?.embeds[0]?.toJSON().title ?? '';
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.startsWith('\\*\\*')).toBe(true);
  });
});

// Bug fixed (break10 #16): /ask "show the whole article" sent paragraph 1 and an "Other matches" button reaching
// paragraphs 2 to 4; paragraphs 5 to 14 could not be reached at all.
describe('several paragraphs asked for (the whole article, a range)', () => {
  const answerer = realAnswerer();
  const { paragraphs } = answerer.corpus;
  const render = (question: string) => {
    const reply = answerer.ask(question);
    return renderReply(reply, { byline: BYLINE, question, feedback: { surface: 'slash' } }).map(bodyOf);
  };
  /** The text of each paragraph as the embeds show it (a long one may span embeds), by the "Paragraph" field. */
  const shown = (bodies: ReturnType<typeof render>) => {
    const byParagraph = new Map<string, string>();
    let current = '';
    for (const e of bodies.flatMap((b) => b.embeds)) {
      current = e.fields?.find((f) => f.name === 'Paragraph')?.value ?? current;
      byParagraph.set(current, (byParagraph.get(current) ?? '') + (e.description ?? ''));
    }
    return byParagraph;
  };

  test.each(['show the whole article', 'اعرض المقال كاملا'])(
    '%j: every paragraph whole, in order, over messages within Discord limits, with no buttons',
    (question) => {
      const bodies = render(question);
      expect(bodies.length).toBeGreaterThan(1);
      for (const body of bodies) {
        expect(payloadProblems(body)).toEqual([]);
        expect(body.embeds.length).toBeLessThanOrEqual(10);
        expect(body.components).toEqual([]);
        for (const e of body.embeds) expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
      }
      const byParagraph = shown(bodies);
      expect([...byParagraph.keys()]).toEqual(paragraphs.map((p) => String(p.number)));
      for (const p of paragraphs) expect(byParagraph.get(String(p.number))).toBe(p.text);
      expect(bodies[0]?.embeds[0]?.title).toBe(question);
    },
  );

  test('an English question gets each paragraph with its translation, still within the limits', () => {
    const bodies = render('show the whole article');
    const translations = bodies
      .flatMap((b) => b.embeds)
      .flatMap((e) => e.fields ?? [])
      .filter((f) => f.name === 'Translation (ours)');
    expect(translations).toHaveLength(14);
    for (const body of bodies) expect(payloadProblems(body)).toEqual([]);
  });

  test('"paragraphs 3 to 5" fits one message: paragraphs 3, 4 and 5 whole', () => {
    const bodies = render('paragraphs 3 to 5');
    expect(bodies).toHaveLength(1);
    const byParagraph = shown(bodies);
    expect([...byParagraph.entries()]).toEqual([3, 4, 5].map((n) => [String(n), paragraphs[n - 1]?.text]));
  });

  // Bug fixed: "paragraphs 13 to 20" showed 13 and 14 as if they were the whole request.
  test.each([
    ['paragraphs 13 to 20', [13, 14]],
    ['paragraphs 0 to 2', [1, 2]],
    ['paragraph 14 to 30', [14]],
  ])('%s shows the paragraphs that exist and a field saying the others do not', (question, numbers) => {
    const bodies = render(question);
    expect([...shown(bodies).keys()]).toEqual(numbers.map(String));
    const notes = bodies
      .flatMap((b) => b.embeds)
      .flatMap((e) => e.fields ?? [])
      .filter((f) => f.name === 'Not in the article');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.value).toContain('14 paragraphs');
    for (const body of bodies) expect(payloadProblems(body)).toEqual([]);
  });

  test('"paragraphs 3 to 5", all of which exist, has no such field', () => {
    const fields = render('paragraphs 3 to 5')
      .flatMap((b) => b.embeds)
      .flatMap((e) => e.fields ?? []);
    expect(fields.map((f) => f.name)).not.toContain('Not in the article');
  });
});

describe('answer embed', () => {
  test('the quote is byte-identical in the description; speaker, paragraph and confidence are fields', () => {
    const a = answer();
    const [m] = renderReply(a, { byline: BYLINE, question: 'q' });
    const e = m?.embeds[0]?.toJSON();
    expect(e?.description).toBe(a.quote);
    expect(e?.fields?.find((f) => f.name === 'Speaker')?.value).toContain('Faisal al-Mekdad');
    expect(e?.fields?.find((f) => f.name === 'Paragraph')?.value).toBe('13');
    expect(e?.fields?.find((f) => f.name === 'Confidence')?.value).toBe('90%');
  });

  test.each([
    ['latin', true],
    ['mixed', true],
    ['arabic', false],
    ['none', false],
  ] as const)('when the question script is %s the translation shown is %s', (script, shown) => {
    const [m] = renderReply(answer({ script }), { byline: BYLINE });
    const names = m?.embeds[0]?.toJSON().fields?.map((f) => f.name) ?? [];
    expect(names.includes('Translation (ours)')).toBe(shown);
  });

  test('every composed line is bidi-safe: isolates balanced, LTR runs isolated next to Arabic (case 22)', () => {
    const a = answer({ confidence: 0.3, alternatives: [alt('p12-x', 12, 'What did Mekdad say about Iraq?')] });
    const [m] = renderReply(a, { byline: BYLINE, question: 'ماذا قال Mekdad عن 2014؟' });
    const e = m?.embeds[0]?.toJSON();
    const composed = [e?.title ?? '', e?.footer?.text ?? '', ...(e?.fields ?? []).map((f) => f.value)];
    for (const line of composed.flatMap((t) => t.split('\n'))) {
      expect(isolatesBalanced(line)).toBe(true);
      if (/[\u0600-\u06FF]/.test(line)) {
        // Outside isolates, no Latin letter or ASCII digit remains.
        expect(line.replace(/\u2068[^\u2069]*\u2069/g, '')).not.toMatch(/[A-Za-z0-9]/);
      }
    }
  });

  test('reported words say they are not a direct quotation; a paragraph translation says it is the whole paragraph', () => {
    const [message] = renderReply(answer({ direct: false, translationScope: 'paragraph', script: 'latin' }), {
      byline: 'أسامة مهدي',
    });
    const fields = message?.embeds[0]?.toJSON().fields ?? [];
    expect(fields.find((f) => f.name === 'Speaker')?.value).toContain('not a direct quotation');
    expect(fields.find((f) => f.name === 'Translation (ours)')?.value).toContain('whole paragraph 13');
    const [direct] = renderReply(answer({ direct: true, script: 'latin' }), { byline: 'أسامة مهدي' });
    const directFields = direct?.embeds[0]?.toJSON().fields ?? [];
    expect(directFields.find((f) => f.name === 'Speaker')?.value).not.toContain('not a direct quotation');
    expect(directFields.find((f) => f.name === 'Translation (ours)')?.value).not.toContain('whole paragraph');
  });

  test('words the question gave to someone else say whose they are not; other answers carry no such line', () => {
    const asked = { id: 'abadi', nameAr: 'حيدر العبادي', nameEn: 'Haider al-Abadi', role: 'PM', roleAr: 'رئيس' };
    const speakerField = (a: Answer) =>
      renderReply(a, { byline: 'أسامة مهدي' })[0]
        ?.embeds[0]?.toJSON()
        .fields?.find((f) => f.name === 'Speaker')?.value;
    expect(speakerField(answer({ askedSpeaker: asked }))).toContain('Not Haider al-Abadi');
    expect(speakerField(answer())).not.toContain('Not ');
  });

  test('words that only introduce another speaker say whom they name', () => {
    const introduces = {
      id: 'fayyadh',
      nameAr: 'فالح الفياض',
      nameEn: 'Falih al-Fayyadh',
      role: 'envoy',
      roleAr: 'مبعوث',
    };
    const speakerField = (a: Answer) =>
      renderReply(a, { byline: 'أسامة مهدي' })[0]
        ?.embeds[0]?.toJSON()
        .fields?.find((f) => f.name === 'Speaker')?.value;
    expect(speakerField(answer({ introduces }))).toContain('These words name Falih al-Fayyadh');
    expect(speakerField(answer())).not.toContain('These words name');
  });

  test('a long mixed Arabic/Latin paragraph translation is cut within the field limit without breaking isolates', () => {
    // Found by the property test: isolating the translation, then cutting it at 1,024 characters, split an FSI…PDI pair.
    const translation = 'أسامة مهديوفي Usama Mahdi '.repeat(250);
    const quote = 'نحتاج الى مزيد من التنسيق، هذا صحيح. '.repeat(120);
    for (const m of renderReply(answer({ quote, translation, translationScope: 'paragraph', script: 'latin' }), {
      byline: 'أسامة مهدي',
    })) {
      expect(payloadProblems(bodyOf(m))).toEqual([]);
      for (const f of m.embeds.flatMap((x) => x.toJSON().fields ?? [])) expect(isolatesBalanced(f.value)).toBe(true);
    }
  });

  test('a very long mixed-direction byline or speaker name is cut before isolating (found by the property test)', () => {
    const long = 'أسامة ̀ حقيقيا Baghdad ignored it? '.repeat(120);
    const hostile = { ...speaker, nameAr: long, nameEn: long };
    for (const m of renderReply(answer({ speaker: hostile }), { byline: long })) {
      expect(payloadProblems(bodyOf(m))).toEqual([]);
      for (const e of m.embeds.map((x) => x.toJSON())) {
        for (const text of [e.title, e.footer?.text, ...(e.fields ?? []).map((f) => f.value)]) {
          expect(isolatesBalanced(text ?? '')).toBe(true);
        }
      }
    }
  });

  test('low confidence adds "Did you mean" buttons; ids decode and fit in 100 characters', () => {
    const a = answer({
      confidence: 0.3,
      alternatives: [alt('p12-war-on-isis', 12, 'ماذا قال المقداد عن الحرب؟'), alt(undefined, 11, 'x'.repeat(200))],
    });
    const [m] = renderReply(a, { byline: BYLINE });
    const buttons = m?.components.flatMap((r) => r.toJSON().components) ?? [];
    const ids = buttons.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(ids).toContain('alt:a:p12-war-on-isis');
    expect(ids).toContain('alt:a:p11');
    expect(ids).toContain('alts:a:p12-war-on-isis,p11');
    expect(ids).toContain('more:mekdad');
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
      expect(decodeButton(id)).toBeDefined();
    }
    for (const b of buttons) expect(('label' in b ? b.label : '')?.length ?? 0).toBeLessThanOrEqual(80);
  });

  test('confident answers offer no "Did you mean"', () => {
    const [m] = renderReply(answer({ alternatives: [alt('p12-x', 12, 'q')] }), { byline: BYLINE });
    const ids = m?.components.flatMap((r) => r.toJSON().components).map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(ids).toEqual(['alts:a:p12-x', 'more:mekdad']);
  });
});

describe('no answer', () => {
  const none: NoAnswer = {
    kind: 'no-answer',
    reason: 'not-in-article',
    message: 'The article does not say. / المقال لا يذكر ذلك.',
    suggestions: ['ماذا قال الأسد؟', 'What did Mekdad say?'],
    script: 'arabic',
  };

  test('is ephemeral, says the article does not say, echoes the question safely and lists suggestions', () => {
    const m = renderNoAnswer(none, { question: '@everyone **ما حالة الطقس** <@&123456789012345678>' });
    expect(m.ephemeral).toBe(true);
    const json = JSON.stringify(m.embeds.map((e) => e.toJSON()));
    expect(json).toContain('The article does not say');
    expect(json).toContain('ماذا قال الأسد؟');
    expect(json).not.toMatch(/@everyone|<@&/);
    expect(json).toContain('\\\\*\\\\*');
  });

  test('an empty question gets a prompt, not "you asked"', () => {
    const m = renderNoAnswer({ ...none, reason: 'empty' }, { question: '   ' });
    const e = m.embeds[0]?.toJSON();
    expect(e?.title).toContain('Please write a question');
    expect(e?.fields?.map((f) => f.name)).not.toContain('You asked');
  });
});

describe('custom ids', () => {
  test('round-trip every kind', () => {
    const actions: ButtonAction[] = [
      { kind: 'alt', script: 'latin', ref: 'p04-assad-said' },
      { kind: 'alts', script: 'mixed', refs: ['p1', 'p2', 'e-3'] },
      { kind: 'more', speakerId: 'assad' },
      { kind: 'quote', speakerId: 'mekdad', page: 2 },
    ];
    for (const action of actions) {
      const id = encodeButton(action);
      expect(id).toBeDefined();
      expect(decodeButton(id ?? '')).toEqual(action);
    }
  });

  test.each(['', 'alt:', 'alt:x:p1', 'quote:mekdad:-1', 'more:a b', 'alts:a:1,2,3,4', 'x'.repeat(101), 'more:x:y'])(
    'rejects %j',
    (id) => {
      expect(decodeButton(id)).toBeUndefined();
    },
  );

  test.each([
    ['quote:abadi:0', 0],
    ['quote:abadi:1', 1],
    ['quote:abadi:10', 10],
    ['quote:abadi:9999', 9999],
  ])('when a page is written without leading zeros (%j), we get page %i', (id, page) => {
    expect(decodeButton(id)).toEqual({ kind: 'quote', speakerId: 'abadi', page });
  });

  test.each(['quote:abadi:00', 'quote:abadi:01', 'quote:abadi:007', 'quote:abadi:0010'])(
    'when a page has a leading zero (%j), the id is refused: each page has one id',
    (id) => {
      expect(decodeButton(id)).toBeUndefined();
    },
  );

  test('a pick whose message id is zero-padded is refused, as the encoder never writes one', () => {
    const messageId = '12345678901234567';
    expect(decodeButton(`pick:${messageId}:p4:none`)).toEqual({ kind: 'pick', messageId, ref: 'p4', picked: 'none' });
    expect(decodeButton(`pick:0${messageId}:p4:none`)).toBeUndefined();
    expect(encodeButton({ kind: 'pick', messageId: `0${messageId}`, ref: 'p4', picked: 'none' })).toBeUndefined();
  });

  test('a vote question id is read only in its canonical base-36 form', () => {
    expect(decodeButton('vote:u:s:a:p4')).toMatchObject({ kind: 'vote', questionId: 10 });
    expect(decodeButton('vote:u:s:0:p4')).toMatchObject({ kind: 'vote', ref: 'p4' });
    for (const id of ['vote:u:s:0a:p4', 'vote:u:s:00:p4', 'vote:u:s:A:p4']) expect(decodeButton(id)).toBeUndefined();
  });

  test('drops refs that would overflow 100 characters, never produces a longer id', () => {
    const refs = ['a'.repeat(60), 'b'.repeat(30), 'c'.repeat(30)];
    const id = encodeButton({ kind: 'alts', script: 'arabic', refs });
    expect(id).toBe(`alts:a:${'a'.repeat(60)},${'b'.repeat(30)}`);
  });
});

test('speakers list from the real corpus fits the limits', () => {
  const [m] = renderSpeakers(realAnswerer().corpus.speakers);
  expect(m && payloadProblems(bodyOf(m))).toEqual([]);
});

function alt(entryId: string | undefined, paragraph: number, label: string) {
  return {
    quote: 'quote',
    speaker,
    paragraph,
    source: entryId ? ('qa' as const) : ('article' as const),
    confidence: 0.3,
    label,
    ...(entryId && { entryId }),
  };
}

describe('isolateLtrRuns (case 22: mixed-direction lines)', () => {
  test.each([
    ['فالح الفياض · Falih al-Fayyadh', `فالح الفياض · ${FSI}Falih al-Fayyadh${PDI}`],
    ['الفقرة 11', `الفقرة ${FSI}11${PDI}`],
    ['الثقة 87%', `الثقة ${FSI}87%${PDI}`],
    ["قال al-Abadi's envoy اليوم", `قال ${FSI}al-Abadi's envoy${PDI} اليوم`],
    ['Paragraph 4', 'Paragraph 4'],
    ['بشار الأسد', 'بشار الأسد'],
  ])('when the line is %j we get %j', (input, expected) => {
    expect(isolateLtrRuns(input)).toBe(expected);
  });

  test('works line by line: a Latin-only line stays untouched next to an Arabic one', () => {
    expect(isolateLtrRuns('Bashar al-Assad\nبشار Assad')).toBe(`Bashar al-Assad\nبشار ${FSI}Assad${PDI}`);
  });

  test('isolates are always balanced', () => {
    for (const s of ['a ب c ج 1 2', 'ب (x) ج', 'ب x)', 'ب (x', 'ب 1,2,3 ج']) {
      expect(isolatesBalanced(isolateLtrRuns(s))).toBe(true);
    }
    expect(isolatesBalanced(`${FSI}x`)).toBe(false);
    expect(isolatesBalanced(`${PDI}x${FSI}`)).toBe(false);
  });
});

describe('sanitizeUserText (cases 5 and 15)', () => {
  test('defuses @everyone, @here, user, role and channel mentions', () => {
    const out = sanitizeUserText('@everyone @here <@123456789012345678> <@&123456789012345678> <#123456789012345678>');
    expect(out).not.toMatch(/@everyone|@here|<@\d|<@&|<#/);
  });

  // Bug fixed (break20): tag characters (U+E0000 block) and U+180E were echoed in the title, relaying hidden text.
  test('drops invisible characters that carry no rendering, keeping emoji joiners', () => {
    const hidden = [0xe0049, 0xe0047, 0xe004e, 0x180e, 0x2062].map((c) => String.fromCodePoint(c)).join('');
    expect(sanitizeUserText(`ماذا قال الأسد؟ ${hidden}`)).toBe('ماذا قال الأسد؟');
    expect(sanitizeUserText('👨\u200D👩\u200D👧')).toBe('👨\u200D👩\u200D👧');
  });

  test('escapes markdown', () => {
    expect(sanitizeUserText('**bold** _x_ `code` ||spoiler||')).toBe(
      '\\*\\*bold\\*\\* \\_x\\_ \\`code\\` \\|\\|spoiler\\|\\|',
    );
  });

  test('drops every Bidi_Control code point and folds whitespace', () => {
    const controls = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(sanitizeUserText(`\u200Fمن هو وهاب${controls} \n الطائي؟\u200F`)).toBe('من هو وهاب الطائي؟');
  });

  test.each([
    ['[a](https://x.example) [b](https://y.example)', /(?<!\\)\[[^\]]*\]\(/],
    ['see https://evil.example/a_b', /:\/\//],
    ['# heading', /^#/],
    ['-# small print', /^-#/],
    ['> quoted', /^>/],
    ['- item', /^- /],
    ['1. first', /^1\. /],
  ])('echoes %j without the markdown or link taking effect', (input, live) => {
    const out = sanitizeUserText(input);
    expect(out).not.toMatch(live);
    expect(out.replace(/[\\\u200b]/g, '')).toBe(input); // only escapes and zero-width spaces were added
  });

  test('stays within its bound even when escaping doubles the length', () => {
    const out = sanitizeUserText('*'.repeat(500), 100);
    expect(out.length).toBeLessThanOrEqual(100);
  });

  // Bug fixed: 3,000 × U+0651 after «الأسد؟» made that one "word" too long, so the title was cut to «ماذا قال…».
  test('a flood of combining marks is cut to two per letter before truncating, so the visible words stay', () => {
    const flood = `ماذا قال الأسد؟${'\u0651'.repeat(3000)}`;
    expect(sanitizeUserText(flood)).toBe('ماذا قال الأسد؟\u0651\u0651');
    expect(sanitizeUserText(`a${'\u0301'.repeat(50)}b c`)).toBe('a\u0301\u0301b c');
  });

  test('real diacritics are kept: shadda with a vowel, and a mark on every letter', () => {
    for (const text of ['مُحَمَّدٌ قالَ', 'الشَّدَّةُ', 'café naïve', '1\uFE0F\u20E3']) {
      expect(sanitizeUserText(text)).toBe(text);
    }
    expect(MAX_MARKS_PER_BASE).toBe(2);
  });

  test('the /ask embed title of the flooded question keeps «الأسد؟»', () => {
    const flood = `ماذا قال الأسد؟${'\u0651'.repeat(3000)}`;
    const [m] = renderReply(answer(), { byline: BYLINE, question: flood });
    const title = m?.embeds[0]?.toJSON().title ?? '';
    expect(title).toContain('الأسد؟');
    expect(title).not.toContain('…');
    const noAnswer: NoAnswer = {
      kind: 'no-answer',
      reason: 'not-in-article',
      message: 'The article does not say.',
      suggestions: [],
      script: 'arabic',
    };
    const none = renderNoAnswer(noAnswer, { question: flood });
    expect(JSON.stringify(none.embeds.map((e) => e.toJSON()))).toContain('الأسد؟');
  });
});

describe('truncateAtWord', () => {
  test('cuts at a word boundary and marks the cut', () => {
    expect(truncateAtWord('ماذا قال الأسد في الاجتماع', 15)).toBe('ماذا قال الأسد…');
  });
  test('leaves short text alone', () => {
    expect(truncateAtWord('short', 10)).toBe('short');
  });
  test('a single overlong word is cut (nothing else fits)', () => {
    expect(truncateAtWord('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
  test('never splits a surrogate pair', () => {
    const out = truncateAtWord('😀'.repeat(10), 6);
    expect(out).toBe('😀😀…');
  });
});

describe('splitText (case 16: long answers)', () => {
  const sentence = 'هذا هو التنسيق الذي يجب ان نقوم به كلانا. ';
  const long = sentence.repeat(200);

  test('is lossless and within the bound', () => {
    const chunks = splitText(long, 1024);
    expect(chunks.join('')).toBe(long);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(1024);
  });

  test('prefers sentence ends', () => {
    for (const c of splitText(long, 1024).slice(0, -1)) expect(c.trimEnd().endsWith('.')).toBe(true);
  });

  test('never cuts a word when there is a space to cut at', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `كلمة${i}`).join(' ');
    const chunks = splitText(words, 300);
    expect(chunks.join('')).toBe(words);
    for (const [i, c] of chunks.entries()) {
      if (i < chunks.length - 1) expect(c).toMatch(/\s$/);
    }
  });

  test('Arabic question marks end sentences too', () => {
    const text = `${'أ'.repeat(400)}؟ ${'ب'.repeat(400)}؟ ${'ج'.repeat(400)}`;
    const chunks = splitText(text, 900);
    expect(chunks[0]).toBe(`${'أ'.repeat(400)}؟ ${'ب'.repeat(400)}؟ `);
  });

  test('short text is one chunk; empty text is one empty chunk', () => {
    expect(splitText('abc', 10)).toEqual(['abc']);
    expect(splitText('', 10)).toEqual(['']);
  });
});

test('stripBidiControls keeps everything else', () => {
  expect(stripBidiControls('a\u200Eb\u061Cc')).toBe('abc');
});

describe('bidi isolation survives every cut (case 22)', () => {
  const mixed = Array.from({ length: 120 }, (_, i) => `كلمة word${i}`).join(' ');

  test('a long mixed question: title ≤ 256, isolates balanced', () => {
    const [m] = renderReply(answer(), { byline: BYLINE, question: mixed });
    const title = m?.embeds[0]?.toJSON().title ?? '';
    expect(title.length).toBeLessThanOrEqual(256);
    expect(isolatesBalanced(title)).toBe(true);
  });

  test('long mixed "Did you mean" labels: ≤ 80, isolates balanced', () => {
    const a = answer({ confidence: 0.2, alternatives: [alt('p12-x', 12, mixed)] });
    const [m] = renderReply(a, { byline: BYLINE });
    for (const b of m?.components.flatMap((r) => r.toJSON().components) ?? []) {
      const label = 'label' in b ? (b.label ?? '') : '';
      expect(label.length).toBeLessThanOrEqual(80);
      expect(isolatesBalanced(label)).toBe(true);
    }
  });

  test('fitIsolated never returns more than asked', () => {
    for (const max of [1, 2, 5, 17, 100]) {
      const out = fitIsolated(max, (b) => truncateAtWord(mixed, b));
      expect(out.length).toBeLessThanOrEqual(max);
      expect(isolatesBalanced(out)).toBe(true);
    }
  });
});

test('a lone surrogate in a question is echoed as U+FFFD, never as half a character (found by the eighth break test)', () => {
  expect(sanitizeUserText('what did \uD800 say')).toBe('what did \uFFFD say');
  expect(sanitizeUserText('assad 😀 ok')).toContain('😀');
});
