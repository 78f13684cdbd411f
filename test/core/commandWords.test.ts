import { describe, expect, test } from 'vitest';
import { asksForParagraph, asksForSpeakers, commandKey, commandOf } from '../../src/core/commandWords.ts';

describe('asksForSpeakers (found by the eighth break test: only "speakers" worked)', () => {
  test.each([
    'speakers',
    'Who are the speakers?',
    'list the speakers',
    'من المتحدثون في المقال؟',
    'المتحدثين',
    'من هم المتحدثون؟',
  ])('%s asks for the list', (text) => {
    expect(asksForSpeakers(text)).toBe(true);
  });

  test.each(['who is Assad?', 'what did the speakers say about Mosul?', 'ماذا قال المتحدث؟', ''])(
    '%j does not',
    (text) => {
      expect(asksForSpeakers(text)).toBe(false);
    },
  );
});

// Bug fixed: commands were compared lowercased only, so «مساعده» (ه for ة), "/help", "!help", "exit!" and
// "list speakers" were asked as questions while «مساعدة», "help" and "exit" were commands.
describe('commandOf: commands are folded as questions are', () => {
  test.each([
    ['help', 'help'],
    ['مساعدة', 'help'],
    ['مساعده', 'help'],
    ['مساعدة؟', 'help'],
    ['/help', 'help'],
    ['!help', 'help'],
    ['HELP!', 'help'],
    ['?', 'help'],
    ['exit', 'exit'],
    ['exit!', 'exit'],
    ['/exit', 'exit'],
    ['Quit.', 'exit'],
    ['خروج', 'exit'],
    // break14 #17: asked as questions ("The article does not answer that…").
    ['exit please', 'exit'],
    ['Quit the chat.', 'exit'],
    ['bye bye', 'exit'],
    ['مع السلامة', 'exit'],
    ['speakers', 'speakers'],
    ['/speakers', 'speakers'],
    ['list speakers', 'speakers'],
    ['show speakers', 'speakers'],
    ['List speakers!', 'speakers'],
    // break15 #10, #11: answered from one paragraph, or "Who do you mean?".
    ['Who is quoted in this article?', 'speakers'],
    ['what did everyone say', 'speakers'],
    ['مين الناس اللي حكوا بالمقال؟', 'speakers'],
  ] as const)('%j is the %s command', (text, command) => {
    expect(commandOf(text)).toBe(command);
  });

  test.each(['help me: what did al-Mekdad say?', 'exit the article?', 'what did the speakers say?', '??', '', '!'])(
    '%j is no command',
    (text) => {
      expect(commandOf(text)).toBeUndefined();
    },
  );
});

describe('commandKey', () => {
  test.each([
    ['مساعده', 'مساعدة'],
    ['/Help', 'help'],
    ['exit!', 'exit'],
    ['  list   speakers ', 'list speakers'],
    ['👍🏽', '👍'],
    ['٢', '2'],
  ])('%j is compared as %j', (typed, as) => {
    expect(commandKey(typed)).toBe(commandKey(as));
  });

  test('signs and punctuation-only words are kept: "+1" and "-1" stay apart, "?" stays "?"', () => {
    expect(commandKey('+1')).toBe('+1');
    expect(commandKey('-1')).toBe('-1');
    expect(commandKey('?')).toBe('?');
  });
});

// Bug fixed: `good`/`bad` after "paragraph 4" recorded a 👎 that the report turned into "add an entry quoting the
// clause": a paragraph shown on request is the article itself.
describe('asksForParagraph', () => {
  test.each(['paragraph 4', 'show paragraph 3', 'الفقرة ١٢', 'the last paragraph', 'paragraph 15', 'p6'])(
    '%j asks to be shown a paragraph',
    (text) => {
      expect(asksForParagraph(text, 14)).toBe(true);
    },
  );

  test.each(['ماذا قال الأسد؟', 'what did assad say in the meeting?', 'help'])('%j does not', (text) => {
    expect(asksForParagraph(text, 14)).toBe(false);
  });
});
