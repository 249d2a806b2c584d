import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cliEnv, ROOT } from './cli.js';
import { killAllTerminals, onTypedQuestion, Tmux } from './tmux.js';

// A test that times out never reaches its own cleanup: no terminal is left running.
afterEach(killAllTerminals);

const env = (home: string) => cliEnv(home);

let term: Tmux | null = null;
afterEach(() => term?.kill());

describe('a five-question exam in a real terminal', () => {
  it('quits and resumes, submits, and stores the result and the exam answers', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-exam-e2e-')), 'data');
    term = new Tmux();
    term.start(`node ${CLI} exam --questions 5 --minutes 15`, env(home));
    await term.waitFor(/Question 1\/5\s+⏱ 1[45]:\d\d left/);
    // Answer the first question (type if it is a typed one), flag it, then quit mid-exam.
    // A typed question takes letters as text: its keys are reached from the overview (Esc).
    if (onTypedQuestion(term.screen())) await term.press('x', 'Escape', 'f', 'q');
    else await term.press('a', 'f', 'q');
    await term.waitFor('All decks');
    await term.press('q');
    await term.waitFor('[exit 0]');
    term.kill();

    term = new Tmux();
    term.start(`node ${CLI} exam --questions 5`, env(home));
    await term.waitFor(/Unfinished exam/);
    expect(term.screen()).toMatch(/1\/5 answered · 1 flagged/);
    await term.press('r');
    await term.waitFor(/Question 1\/5 ⚑ flagged/);
    // A typed question takes letters as text: Esc opens the overview there.
    await term.press(onTypedQuestion(term.screen()) ? 'Escape' : 'o');
    await term.waitFor('Overview');
    await term.press('s');
    await term.waitFor('4 unanswered · 1 flagged · 1 answered');
    await term.press('y');
    const results = await term.waitFor(/PASSED · \d\/5/);
    expect(results).toMatch(/By deck/);
    await term.press('q');
    await term.waitFor('All decks');
    await term.press('q');
    await term.waitFor('[exit 0]');

    const log = readFileSync(join(home, 'reviews-e2e.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            mode?: string;
            summary?: { questions: number; scorePercent: number };
          },
      );
    // Only the answered question is logged: the four left blank change nothing.
    expect(log.filter((r) => r.type === 'review' && r.mode === 'exam')).toHaveLength(1);
    const exam = log.find((r) => r.type === 'exam');
    expect(exam?.summary?.questions).toBe(5);
    const stats = JSON.parse(
      execFileSync('node', [CLI, 'stats', '--json'], {
        env: { ...process.env, ...env(home) },
        encoding: 'utf8',
      }),
    ) as { exams: { questions: number; scorePercent: number; passed: boolean }[]; reviews: number };
    expect(stats.exams).toHaveLength(1);
    expect(stats.exams[0]).toMatchObject({ questions: 5, passed: false });
    // The answer was a measurement (a card never studied stays new): no review counted.
    expect(stats.reviews).toBe(0);
  });
});

describe('an exam submitted with no answers', () => {
  it('defect 9: leaves status --json byte for byte as it was', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-exam-e2e-')), 'data');
    // The fixture deck to study (its cards are known), and the shipped decks beside it, so
    // the exam has its 50 questions.
    const both = { ...env(home), HYPERRECALL_DECKS: join(ROOT, 'decks') };
    const status = () =>
      execFileSync('node', [CLI, 'status', '--json'], {
        env: { ...process.env, ...both },
        encoding: 'utf8',
      });
    term = new Tmux();
    term.start(`node ${CLI} study sample`, both);
    await term.waitFor('Flashcard');
    await term.press('Space', '3');
    await term.waitFor('Multiple choice');
    await term.press('a', 'Enter', 'Enter');
    await term.waitFor('choose two');
    await term.press('a', 'b', 'Enter', '1');
    await term.waitFor('Fill the gap');
    await term.press('q');
    await term.waitFor(/Cards studied\s+3/);
    await term.press('q');
    await term.waitFor('[exit 0]');
    term.kill();
    const before = status();
    expect(JSON.parse(before)).toMatchObject({ learning: 3, reviewedToday: 3 });

    term = new Tmux();
    term.start(`node ${CLI} exam --questions 50 --minutes 60`, both);
    await term.waitFor(/Question 1\/50/);
    // A typed question takes letters as text: Esc opens the overview there.
    await term.press(onTypedQuestion(term.screen()) ? 'Escape' : 'o');
    await term.waitFor('Overview');
    await term.press('s');
    await term.waitFor('50 unanswered · 0 flagged · 0 answered');
    await term.press('y');
    await term.waitFor('NOT PASSED · 0/50');
    expect(term.screen()).toContain('The schedule is unchanged.');
    await term.press('q');
    await term.waitFor('All decks');
    await term.press('q');
    await term.waitFor('[exit 0]');

    expect(status()).toBe(before);
    const stats = JSON.parse(
      execFileSync('node', [CLI, 'stats', '--json'], {
        env: { ...process.env, ...both },
        encoding: 'utf8',
      }),
    ) as { exams: { questions: number; correct: number }[] };
    expect(stats.exams).toEqual([expect.objectContaining({ questions: 50, correct: 0 })]);
  });
});
