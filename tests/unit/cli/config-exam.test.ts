// `config set exam-questions|exam-minutes`: the size and time a mock exam takes when neither
// `x` nor `exam` is told otherwise, kept in the store and shown by `config list`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../src/cli/commands/config.js';
import { type Context, UsageError } from '../../../src/cli/context.js';

const ROOT = join(import.meta.dirname, '../../..');
const T0 = Date.parse('2026-03-02T10:00:00Z');

function context(): Context {
  return {
    root: ROOT,
    dataDir: join(mkdtempSync(join(tmpdir(), 'hr-config-exam-')), 'data'),
    device: 'cfg',
    deckDirs: [join(ROOT, 'tests/fixtures/decks')],
    shippedDeckDir: null,
    now: () => T0,
    color: false,
    env: {},
    version: 'test',
  };
}

/** Runs one config command (each opens and closes the store) and returns what it printed. */
async function config(ctx: Context, action: string, args: string[]) {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  try {
    return { code: await run(ctx, action, args), out: out.join('') };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('config exam-questions and exam-minutes', () => {
  it('default to 60 and 90 and are listed with their range', async () => {
    const ctx = context();
    expect((await config(ctx, 'get', ['exam-questions'])).out).toBe('60\n');
    expect((await config(ctx, 'get', ['exam-minutes'])).out).toBe('90\n');
    const list = (await config(ctx, 'list', [])).out;
    expect(list).toMatch(/^exam-questions +60 +# questions in a mock exam .*1 to 500$/m);
    expect(list).toMatch(/^exam-minutes +90 +# minutes for a mock exam .*1 to 600$/m);
  });

  it('set, get and reset round-trip through the store', async () => {
    const ctx = context();
    expect(await config(ctx, 'set', ['exam-questions', '20'])).toEqual({
      code: 0,
      out: 'exam-questions = 20\n',
    });
    expect((await config(ctx, 'set', ['exam-minutes', '45'])).out).toBe('exam-minutes = 45\n');
    expect((await config(ctx, 'get', ['exam-questions'])).out).toBe('20\n');
    expect((await config(ctx, 'get', ['exam-minutes'])).out).toBe('45\n');
    expect((await config(ctx, 'reset', ['exam-questions'])).out).toBe('exam-questions = 60\n');
    expect((await config(ctx, 'get', ['exam-minutes'])).out).toBe('45\n');
  });

  it.each([
    ['exam-questions', '0'],
    ['exam-questions', '501'],
    ['exam-minutes', '1.5'],
    ['exam-minutes', 'soon'],
  ])('refuses %s %s with a one-line usage error and keeps the old value', async (key, raw) => {
    const ctx = context();
    const err = await config(ctx, 'set', [key, raw]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(
      new RegExp(`^invalid value '${raw}' for ${key}: .*1 to \\d+$`),
    );
    expect((await config(ctx, 'get', [key])).out).toBe(key === 'exam-questions' ? '60\n' : '90\n');
  });
});
