// In a real terminal: x asks the exam's size, a left exam shows on home as paused, and the
// resume prompt names it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cliEnv } from './cli.js';
import { killAllTerminals, onTypedQuestion, Tmux } from './tmux.js';

afterEach(killAllTerminals);

let term: Tmux | null = null;
afterEach(() => term?.kill());

describe.each([
  [80, 24],
  [40, 12],
])('at %ix%i', (columns, rows) => {
  it('x asks size and time; q leaves the exam; home shows it paused; x offers to resume it by name', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-paused-e2e-')), 'data');
    term = new Tmux();
    term.start(`node ${CLI}`, cliEnv(home), columns, rows);
    await term.waitFor('All decks');
    await term.press('x');
    await term.waitFor('Mock exam · All decks');
    await term.press('5', 'Tab', '1', '5', 'Enter');
    await term.waitFor(/Question 1\/5\s+⏱ 1[45]:\d\d left/);
    // The overview takes q whatever the question's kind.
    await term.press(onTypedQuestion(term.screen()) ? 'Escape' : 'o');
    await term.waitFor('○ unanswered');
    await term.press('q');
    const screen = await term.waitFor('Exam paused');
    expect(screen.replace(/\s+/g, ' ')).toMatch(
      /Exam paused: 0\/5 answered, 1[45]:\d\d left (· )?x to resume/,
    );
    await term.press('x');
    await term.waitFor('Unfinished exam');
    expect(term.screen()).toContain('5 questions · 15 min · all decks');
    await term.press('q');
    await term.waitFor('All decks');
    await term.press('q');
    await term.waitFor('[exit 0]');
  });
});
