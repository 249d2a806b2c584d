// `config set exam-questions 20` and `exam-minutes 25`: `exam` without --questions/--minutes
// draws 20 questions for 25 minutes, and the flags still win over the settings.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cliEnv, ROOT } from './cli.js';
import { killAllTerminals, onTypedQuestion, Tmux } from './tmux.js';

afterEach(killAllTerminals);

let term: Tmux | null = null;
afterEach(() => term?.kill());

describe('exam takes its size and time from config', () => {
  it('config set exam-questions 20 makes exam draw 20 questions', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-exam-settings-')), 'data');
    // The shipped decks beside the fixture: enough questions for 20 and more.
    const env = { ...cliEnv(home), HYPERRECALL_DECKS: join(ROOT, 'decks') };
    const config = (...args: string[]) =>
      execFileSync('node', [CLI, 'config', ...args], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
    expect(config('set', 'exam-questions', '20')).toBe('exam-questions = 20\n');
    expect(config('set', 'exam-minutes', '25')).toBe('exam-minutes = 25\n');
    expect(config('get', 'exam-questions')).toBe('20\n');

    term = new Tmux();
    term.start(`node ${CLI} exam`, env);
    await term.waitFor(/Question 1\/20\s+⏱ 2[45]:\d\d left/);
    await term.press(onTypedQuestion(term.screen()) ? 'Escape' : 'o');
    await term.waitFor('Overview');
    await term.press('q');
    await term.waitFor('All decks');
    await term.press('q');
    await term.waitFor('[exit 0]');
    term.kill();

    // The flags still win; the paused exam is offered first, naming what a new one drops.
    term = new Tmux();
    term.start(`node ${CLI} exam --questions 5 --minutes 10`, env);
    await term.waitFor(/Unfinished exam/);
    await term.press('d');
    await term.waitFor(/Question 1\/5\s+⏱ (10:00|9:\d\d) left/);
  });
});
