// The built CLI's messages for a newcomer's slips: a mistyped command, a closed pipe, a
// broken deck file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv } from './cli.js';

const home = () => join(mkdtempSync(join(tmpdir(), 'hr-msg-')), 'data');

function run(h: string, ...args: string[]) {
  const r = spawnSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(h) },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('messages', () => {
  it('an unknown command names the word and the closest command, exit 2', () => {
    const r = run(home(), 'stauts');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      "hyperrecall: unknown command 'stauts' (did you mean status?). Run hyperrecall --help for the commands.\n",
    );
    const far = run(home(), '--no-color', 'frobnicate');
    expect(far.code).toBe(2);
    expect(far.err).toMatch(/^hyperrecall: unknown command 'frobnicate'\. Run hyperrecall --help/);
  });

  it('stops quietly when the reader of its output goes away (decks | head)', () => {
    const h = home();
    // `true` exits without reading, so every write after it is EPIPE; bash reports the
    // CLI's own exit status through PIPESTATUS.
    for (const args of ['decks --json', 'decks', 'stats --json', 'lint']) {
      const r = spawnSync(
        'bash',
        ['-c', `node ${JSON.stringify(CLI)} ${args} | true; echo "cli=\${PIPESTATUS[0]}"`],
        { env: { ...process.env, ...cliEnv(h) }, encoding: 'utf8' },
      );
      expect(r.stderr, args).not.toMatch(/EPIPE|Error|at /);
      expect(r.stdout, args).toMatch(/^cli=[01]\n$/);
    }
  });

  it('decks exits 1 and names each broken deck file at file:line:col', () => {
    const h = home();
    const mine = join(h, 'decks');
    mkdirSync(mine, { recursive: true });
    writeFileSync(
      join(mine, 'broken.yaml'),
      'id: broken\ntitle: B\ncards:\n  - {id: a, type: basic, front: F}\n',
    );
    const r = run(h, 'decks');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^sample\b/m);
    expect(r.err).toMatch(/broken\.yaml:4:5 error: missing field 'back'/);
    expect(r.err).toMatch(/1 deck file\(s\) have errors.*hyperrecall lint .*broken\.yaml/);
    const json = run(h, 'decks', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toBeInstanceOf(Array);
    expect(run(home(), 'decks').code).toBe(0);
  });
});
