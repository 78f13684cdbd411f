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
