/**
 * What the Discord benchmarks send: a token the fake Discord accepts (never a real one) and a mix of questions
 * (answered, declined, hostile).
 */

/** Shaped like a bot token so config validation accepts it; the fake Discord on 127.0.0.1 is the only peer. */
export const BENCH_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.bench.not-a-real-token';

/** Arabic, English, Arabizi, an off-topic question and a mention-injection attempt, cycled through. */
export const BENCH_QUESTIONS: readonly string[] = Object.freeze([
  'ماذا قال الأسد؟',
  'What did Mekdad say about coordination?',
  'ماذا قال الطائي؟',
  'كم طول الحدود بين البلدين؟',
  'ما حالة الطقس غدا في دمشق؟',
  'shu 2al el 3abadi?',
  '@everyone **ماذا قال الفياض؟**',
]);
