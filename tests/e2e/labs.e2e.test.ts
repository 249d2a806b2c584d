// Lab cards in the built CLI, in a real terminal, with the real virsh and qemu-img: a valid
// alternative form passes, a wrong command fails (and the grade is overridden), a hostile
// one is refused and creates nothing. Skipped, with the reason printed, without the tools.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findOnPath } from '../../src/app/labs/tools.js';
import { CLI, cliEnv, ROOT } from './cli.js';
import { killAllTerminals, Tmux } from './tmux.js';

afterEach(killAllTerminals);

const tools = findOnPath('virsh') !== null && findOnPath('qemu-img') !== null;
if (!tools)
  console.warn(
    'SKIPPED lab e2e runs: virsh or qemu-img not installed (apt-get install libvirt-clients qemu-utils)',
  );

const env = (home: string) => ({
  ...cliEnv(home),
  HYPERRECALL_BUILTIN_DECKS: join(ROOT, 'tests/fixtures/lab-deck'),
});

const newHome = () => join(mkdtempSync(join(tmpdir(), 'hr-e2e-lab-')), 'data');

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`until(${check.toString()}) timed out`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function reviews(home: string): { key: string; rating: number; correct?: boolean }[] {
  const file = join(home, 'reviews-e2e.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((r) => r.type === 'review');
}

describe('lab cards in the built CLI', () => {
  it('doctor says whether labs can run, and still exits 0', () => {
    const out = execFileSync('node', [CLI, 'doctor'], {
      env: { ...process.env, ...env(newHome()) },
      encoding: 'utf8',
    });
    expect(out).toMatch(
      tools
        ? /^labs: can run \(virsh \d+\.\d+\.\d+, qemu-img \d+\.\d+/m
        : /^labs: graded as typed commands/m,
    );
    expect(out.trim().endsWith('ok')).toBe(true);
  });

  it.skipIf(!tools)(
    '80x24: an alternative form passes, a wrong command fails and 3 overrides',
    async () => {
      const home = newHome();
      const term = new Tmux();
      term.start(`node ${CLI} study`, env(home));
      await term.waitFor('Make the default network start when the host boots.');
      term.keys('virsh net-autostart --network default');
      await term.waitFor('> virsh net-autostart --network default');
      await term.press('Enter');
      await term.waitFor('✓ Check passed', 15_000);
      const passed = term.screen();
      expect(passed).toContain('Network default marked as autostarted');
      expect(passed).toMatch(/Autostart:\s+yes/);
      expect(passed).toContain('Enter: Good');
      await term.press('Enter');
      await term.waitFor('Create top.qcow2');
      term.keys('qemu-img create -f qcow2 top.qcow2 16M');
      await term.waitFor('> qemu-img create');
      await term.press('Enter');
      await term.waitFor('✗ Check failed', 15_000);
      expect(term.screen()).toContain("Formatting 'top.qcow2'");
      await term.press('3');
      // Learning cards come back within the learn-ahead window: the log tells when it is done.
      await until(() => reviews(home).length === 2);
      term.kill();
      expect(reviews(home).map((r) => [r.key, r.rating, r.correct])).toEqual([
        ['lab-ui/net-autostart', 3, true],
        ['lab-ui/overlay', 3, false],
      ]);
    },
  );

  it.skipIf(!tools)(
    '40x12: a hostile command is refused, graded Again, and creates nothing',
    async () => {
      const home = newHome();
      const canary = join(mkdtempSync(join(tmpdir(), 'hr-e2e-canary-')), 'x');
      const term = new Tmux();
      term.start(`node ${CLI} study`, env(home), 40, 12);
      await term.waitFor('Make the default');
      term.keys(`virsh list; touch ${canary}`);
      await term.waitFor('touch');
      await term.press('Enter');
      await term.waitFor('Not run', 15_000);
      expect(term.screen()).toContain("shell operator ';'");
      await term.press('Enter');
      await term.waitFor('Create top.qcow2');
      await until(() => reviews(home).length === 1);
      term.kill();
      expect(existsSync(canary)).toBe(false);
      expect(reviews(home).map((r) => [r.key, r.rating, r.correct])).toEqual([
        ['lab-ui/net-autostart', 1, false],
      ]);
    },
  );
});
