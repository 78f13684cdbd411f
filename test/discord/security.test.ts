/**
 * Security basics that are easy to lose in a refactor (SECURITY.md): secrets stay out of git, only entry points read
 * the environment, and user text is never evaluated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { FATAL_GATEWAY_HINTS, scrubSecrets } from '../../src/discord/errors.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every .ts file under `dir`, relative to the repository root. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('secrets', () => {
  test('.env is ignored by git; .env.example is not, and ships no token', () => {
    const ignored = read('.gitignore')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored).toContain('.env');
    expect(ignored.some((l) => l === '.env.example' || l === '.env*' || l === '*.example')).toBe(false);
    expect(read('.env.example')).toMatch(/^DISCORD_TOKEN=$/m);
  });

  test('only entry points (the files npm scripts run, and the shard script) read the environment, and src/main.ts is one', () => {
    const scripts = Object.values((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
    const entryPoints = new Set(scripts.flatMap((s) => s.match(/[\w./-]+\.ts\b/g) ?? []));
    // With SHARDS set, the shard manager (src/discord/sharding.ts) forks this entry point once per shard.
    entryPoints.add('src/discord/shard.ts');
    const readers = [...sources('src'), ...sources('scripts')].filter((f) =>
      /process\.env\b/.test(read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')),
    );
    expect(readers).toContain('src/main.ts');
    for (const f of readers) expect(entryPoints, `${f} reads process.env`).toContain(f);
  });
});

// Bug fixed (break20): only the exact full token was scrubbed from error text; its secret part alone or a lower-cased
// copy went through.
describe('scrubSecrets', () => {
  const token = 'MTE5NzQ2MDQ1NjE3OTE0ODg2MA.GhT4aB.xYz0123456789abcdefghijKLMNopq';
  test.each([
    ['the whole token', `401: ${token}`],
    ['the token lower-cased', `401: ${token.toLowerCase()}`],
    ['its secret part alone', 'bad signature xYz0123456789abcdefghijKLMNopq in header'],
  ])('%s is redacted', (_name, text) => {
    const out = scrubSecrets(text, [token]);
    expect(out).toContain('[redacted]');
    expect(out.toLowerCase()).not.toContain('xyz0123456789abcdefghijklmnopq');
  });

  test('text without the secret, or with regex characters in it, is left as it was', () => {
    expect(scrubSecrets('GET /gateway/bot failed (a+b)', ['a.b*c'])).toBe('GET /gateway/bot failed (a+b)');
  });
});

describe('no evaluation of input', () => {
  test.each([...sources('src'), ...sources('scripts')])('%s has no eval, new Function, vm or child process', (f) => {
    const code = read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]|node:vm|['"]vm['"]/);
    expect(code).not.toMatch(/node:child_process|['"]child_process['"]/);
  });
});

describe('fatal gateway closes name their fix', () => {
  // Bug fixed (break test 17): 4011 named the problem (sharding required) but not the setting that solves it.
  test.each([
    [4004, 'DISCORD_TOKEN'],
    [4011, 'SHARDS=auto'],
    [4014, 'Privileged Gateway Intents'],
  ])('close %i → %s', (code, fix) => {
    expect(FATAL_GATEWAY_HINTS[code]).toContain(fix);
  });
});
