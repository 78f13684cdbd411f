import { expect, test } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';

test('answers `limit` messages per window, then one notice, then silence until the window frees up', () => {
  let now = 0;
  const cooldown = new Cooldown({ limit: 3, windowMs: 1000, now: () => now });
  const verdicts = Array.from({ length: 6 }, () => cooldown.take('u1'));
  expect(verdicts).toEqual(['answer', 'answer', 'answer', 'notice', 'drop', 'drop']);
  expect(cooldown.take('u2')).toBe('answer'); // other users are not affected
  now = 1000;
  expect(cooldown.take('u1')).toBe('answer');
  expect([cooldown.take('u1'), cooldown.take('u1'), cooldown.take('u1')]).toEqual(['answer', 'answer', 'notice']);
});

test('rejects nonsense settings', () => {
  expect(() => new Cooldown({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
  expect(() => new Cooldown({ limit: 1, windowMs: 0 })).toThrow(RangeError);
});

test('retryAfterMs says when the oldest answered question leaves the window', () => {
  let now = 0;
  const cooldown = new Cooldown({ limit: 2, windowMs: 1000, now: () => now });
  expect(cooldown.retryAfterMs('u')).toBe(0);
  cooldown.take('u');
  now = 300;
  cooldown.take('u');
  expect(cooldown.retryAfterMs('u')).toBe(700);
  now = 1000;
  expect(cooldown.retryAfterMs('u')).toBe(0);
});

test('memory stays bounded: users idle for a whole window are forgotten as new ones arrive', () => {
  let now = 0;
  const cooldown = new Cooldown({ limit: 5, windowMs: 1000, now: () => now });
  for (let i = 0; i < 20_000; i++) {
    if (i % 1000 === 0) now += 1000;
    cooldown.take(`u${i}`);
  }
  expect(cooldown.size).toBeLessThanOrEqual(10_000);
});
