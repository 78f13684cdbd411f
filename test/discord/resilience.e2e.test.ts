/**
 * Errors and reconnects end to end (cases 14 and 18): nothing a handler or Discord does may crash the bot, an
 * interaction is acknowledged at most once, and the gateway resumes after RECONNECT or a dropped connection.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NOTICES } from '../../src/discord/render.ts';
import {
  callbackOf,
  EPHEMERAL,
  field,
  flagsOf,
  type Harness,
  realAnswerer,
  startHarness,
  wrapAnswerer,
} from './harness.ts';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

let h: Harness;
beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const answerer = wrapAnswerer(realAnswerer(), (q, real) => {
    if (q === 'boom') throw new Error('answerer exploded');
    return real.ask(q);
  });
  h = await startHarness({ answerer });
});
afterAll(async () => {
  await h?.close();
  process.off('unhandledRejection', onUnhandled);
});

const callbackRoute = /^\/interactions\/\d+\/[^/]+\/callback$/;
const settle = () => new Promise((r) => setTimeout(r, 100));

/** Asks "ماذا قال الأسد؟" and checks it is answered (the bot is still alive and well). */
async function stillAnswers(): Promise<void> {
  const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' });
  const cb = await callbackOf(h.fake, token);
  expect(cb.status).toBe(204);
  expect(field((cb.body as { data: Record<string, unknown> }).data, 'Paragraph')).toBe('4');
}

describe('handler errors', () => {
  test('a throwing handler → ephemeral apology (reply) and an error log line, then business as usual', async () => {
    const { token } = h.fake.slash('ask', { question: 'boom' });
    const cb = await callbackOf(h.fake, token);
    const data = (cb.body as { data: Record<string, unknown> }).data;
    expect(data.content).toBe(NOTICES.apology);
    expect(flagsOf(data) & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.allowed_mentions).toMatchObject({ parse: [] });
    expect(h.logs.find((l) => l.msg === 'interaction handler failed')).toMatchObject({
      level: 50,
      where: '/ask',
      err: { message: 'answerer exploded' },
    });
    await stillAnswers();
  });

  test('a throwing handler after a deferral → the apology is a follow-up', async () => {
    const { token } = h.fake.slash('ask', { question: 'boom' }, { createdAt: Date.now() - 2000 });
    const followUp = await h.fake.waitForRequest((r) => r.method === 'POST' && r.route.endsWith(`/${token}`));
    expect(h.fake.requestsFor(token).map((r) => r.method)).toEqual(['POST', 'POST']);
    expect((followUp.body as { content: string }).content).toBe(NOTICES.apology);
    expect(flagsOf(followUp.body as Record<string, unknown>) & EPHEMERAL).toBe(EPHEMERAL);
  });

  test('a 500 on the reply (after the REST retries) → apology attempted once, logged', async () => {
    h.fake.fail({ method: 'POST', route: callbackRoute, status: 500, times: 4 });
    const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' });
    await h.fake.waitForRequest((r) => r.route.includes(token) && r.status === 204);
    const calls = h.fake.requestsFor(token);
    expect(calls.map((r) => r.status)).toEqual([500, 500, 500, 500, 204]);
    expect((calls[4]?.body as { data?: { content?: string } } | undefined)?.data?.content).toBe(NOTICES.apology);
    expect(
      h.logs.some((l) => l.msg === 'interaction handler failed' && (l.err as { status?: number }).status === 500),
    ).toBe(true);
  });
});

describe('dead interactions never get a second acknowledgement (case 14)', () => {
  test.each([
    [10062, 404, 'Unknown interaction'],
    [40060, 400, 'Interaction has already been acknowledged.'],
  ])('%i on the reply is logged; no retry, no apology, no crash', async (code, status, message) => {
    h.fake.fail({ method: 'POST', route: callbackRoute, status, code, message });
    const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' });
    await h.fake.waitForRequest((r) => r.route.includes(token));
    await settle();
    expect(h.fake.requestsFor(token)).toHaveLength(1);
    expect(
      h.logs.some((l) => l.msg === 'interaction handler failed' && (l.err as { code?: number }).code === code),
    ).toBe(true);
    await stillAnswers();
  });

  test('an interaction already past the 3-second deadline: the deferral gets 10062, logged, nothing else', async () => {
    const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' }, { createdAt: Date.now() - 3500 });
    await h.fake.waitForRequest((r) => r.route.includes(token));
    await settle();
    expect(h.fake.requestsFor(token).map((r) => `${(r.body as { type: number }).type} ${r.status}`)).toEqual(['5 404']);
    await stillAnswers();
  });

  test('an autocomplete whose response fails is logged and not retried', async () => {
    h.fake.fail({ method: 'POST', route: callbackRoute, status: 404, code: 10062 });
    const { token } = h.fake.autocomplete('ask', 'question', 'ما');
    await h.fake.waitForRequest((r) => r.route.includes(token));
    await settle();
    expect(h.fake.requestsFor(token)).toHaveLength(1);
    expect(h.logs.some((l) => l.msg === 'autocomplete failed')).toBe(true);
  });

  test('no stray acknowledgement anywhere: every interaction got at most one successful callback', () => {
    const ok = h.fake.requests.filter((r) => callbackRoute.test(r.route) && r.status < 300);
    const tokens = ok.map((r) => r.route.split('/')[3]);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(h.fake.requests.filter((r) => (r.body as { code?: number })?.code === 40060)).toHaveLength(0);
  });
});

describe('gateway', () => {
  test('op 7 RECONNECT → the client resumes on resume_gateway_url and still answers', async () => {
    const resumes = h.fake.resumes;
    h.fake.requestReconnect();
    await h.fake.waitForResumes(resumes + 1);
    expect(h.fake.connections.at(-1)?.path).toBe('/resume');
    expect(h.fake.connections.at(-1)?.received[0]).toBe(6);
    expect(h.fake.identifies).toBe(1);
    await stillAnswers();
  });

  test('the server closing the connection (4000) → resume, and the bot still answers', async () => {
    const resumes = h.fake.resumes;
    h.fake.closeGateway(4000);
    await h.fake.waitForResumes(resumes + 1);
    await stillAnswers();
  });

  test('events dispatched while disconnected are replayed on resume and answered', async () => {
    const resumes = h.fake.resumes;
    h.fake.closeGateway(4000);
    await new Promise((r) => setTimeout(r, 50));
    const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' });
    await h.fake.waitForResumes(resumes + 1);
    const cb = await callbackOf(h.fake, token);
    expect(cb.status).toBe(204);
  });

  test('no unhandled rejection happened in any of the above', () => {
    expect(unhandled).toEqual([]);
    expect(h.rawLogs()).not.toContain('super-secret-test-token');
  });
});
