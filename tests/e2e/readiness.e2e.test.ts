// Readiness and calibration through the built CLI: `stats`, `stats --json`, and the home
// screen in a real terminal, names from the shipped blueprint.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cliEnv } from './cli.js';
import { killAllTerminals, Tmux } from './tmux.js';

afterEach(killAllTerminals);

const home = () => join(mkdtempSync(join(tmpdir(), 'hr-ready-e2e-')), 'data');

function run(dir: string, ...args: string[]) {
  const r = spawnSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(dir) },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('readiness and calibration, end to end', () => {
  it('stats --json: the expected score for the next study day, per objective by name, and calibration', () => {
    const r = run(home(), 'stats', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Record<string, unknown>;
    // The fixture deck: six exam questions, nothing studied, so only guesses count.
    expect(s.readiness).toEqual({
      percent: 24,
      questions: 6,
      at: '2026-03-03T04:00:00.000Z',
      basis: 'next-day',
      examDate: null,
      objectives: [
        {
          tag: 'lpic3-351.4',
          name: 'Libvirt virtual machine management',
          percent: 24,
          questions: 6,
        },
      ],
    });
    expect(s.calibration).toEqual({
      exams: 0,
      meanGap: null,
      meanAbsGap: null,
      largestGap: null,
      questions: 0,
      logLoss: null,
    });
  });

  it('stats: the same in words', () => {
    const r = run(home(), 'stats');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Readiness      24% of 6 exam questions expected right\n               tomorrow; by objective',
    );
    // Every line fits an 80-column terminal.
    for (const line of r.out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(r.out).toMatch(/ {2}24% {2}lpic3-351\.4 +Libvirt virtual machine management \(6\)/);
  });

  it('the home screen names the objective, and ? explains the figure', async () => {
    const term = new Tmux();
    term.start(`node ${CLI}`, cliEnv(home()));
    await term.waitFor('Ready tomorrow 24% · 351.4 Libvirt virtual machine management 24%');
    await term.press('?');
    await term.waitFor('Ready: the exam score to expect tomorrow');
    term.kill();
  });
});
