// `config ... --deck ID`: a deck's own new-per-day and reviews-per-day, kept in the store
// beside the global settings and shown by `config list`.
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
    dataDir: join(mkdtempSync(join(tmpdir(), 'hr-config-')), 'data'),
    device: 'cfg',
    deckDirs: [join(ROOT, 'tests/fixtures/decks')],
    shippedDeckDir: null,
    now: () => T0,
    color: false,
    env: {},
    version: 'test',
  };
}

/** Runs one config command and returns what it printed. */
async function config(ctx: Context, action: string, args: string[], deck?: string) {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  try {
    const code = await run(ctx, action, args, deck === undefined ? {} : { deck });
    return { code, out: out.join('') };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('config --deck', () => {
  it('sets, shows and resets a deck limit without touching the global one', async () => {
    const ctx = context();
    expect((await config(ctx, 'set', ['new-per-day', '10'], 'sample')).out).toBe(
      'new-per-day --deck sample = 10\n',
    );
    expect((await config(ctx, 'get', ['new-per-day'], 'sample')).out).toBe('10\n');
    expect((await config(ctx, 'get', ['new-per-day'])).out).toBe('20\n');
    expect((await config(ctx, 'get', ['reviews-per-day'], 'sample')).out).toBe('200\n');
    expect((await config(ctx, 'list', [], 'sample')).out).toBe(
      'new-per-day 10\nreviews-per-day 200 (global)\n',
    );
    expect((await config(ctx, 'list', [])).out).toMatch(
      /^new-per-day --deck sample +10 +# this deck's own limit$/m,
    );
    expect((await config(ctx, 'reset', ['new-per-day'], 'sample')).out).toBe(
      'new-per-day --deck sample: follows the global setting\n',
    );
    expect((await config(ctx, 'get', ['new-per-day'], 'sample')).out).toBe('20\n');
    expect((await config(ctx, 'list', [])).out).not.toContain('--deck');
  });

  it('refuses other settings, bad values and unknown decks with one-line usage errors', async () => {
    const ctx = context();
    await expect(config(ctx, 'set', ['fuzz', 'false'], 'sample')).rejects.toThrow(
      /--deck works with new-per-day and reviews-per-day only/,
    );
    await expect(config(ctx, 'set', ['new-per-day', '-3'], 'sample')).rejects.toThrow(
      /invalid value '-3' for new-per-day/,
    );
    await expect(config(ctx, 'set', ['new-per-day', '3'], 'nosuchdeck')).rejects.toThrow(
      UsageError,
    );
    expect((await config(ctx, 'get', ['new-per-day'], 'sample')).out).toBe('20\n');
  });

  it('takes a unique prefix of the deck id, as every deck argument does', async () => {
    const ctx = context();
    expect((await config(ctx, 'set', ['reviews-per-day', '50'], 'sam')).out).toBe(
      'reviews-per-day --deck sample = 50\n',
    );
  });
});
