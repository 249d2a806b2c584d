// Lab questions in a mock exam: typed like a typed question, run when the exam is
// submitted (with the progress shown), and scored by whether their check passed.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LabRunner } from '../../src/app/labs/lab-port.js';
import { findOnPath } from '../../src/app/labs/tools.js';
import type { LabRun } from '../../src/core/lab-spec.js';
import type { LabPort } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { EXAM_OPTIONS } from '../../src/ui/App.js';
import { ENTER, openFixture, renderApp } from './harness.js';

const LAB_DECK = join(import.meta.dirname, '../fixtures/lab-deck');
const start = {
  name: 'examStart' as const,
  options: { ...EXAM_OPTIONS, scope: { decks: ['lab-ui'], tag: null }, questions: 2, minutes: 20 },
};

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

async function setup(labs: LabPort, columns = 80, rows = 24) {
  const f = await openFixture(LAB_DECK);
  store = f.store;
  const ui = await renderApp(f.collection, start, { exams: f.exams, labs, columns, rows });
  await ui.waitFor(/Question 1\/2/);
  return { ...ui, ...f };
}

/** Types the answer for whichever lab question is on screen. */
async function answer(
  ui: Awaited<ReturnType<typeof setup>>,
  answers: { network: string; image: string },
) {
  const line = ui.frame().includes('default network') ? answers.network : answers.image;
  await ui.burst(line);
  await ui.press(ENTER);
}

describe('lab questions in an exam', () => {
  it('are typed, run at submission with progress shown, and scored by their check', async () => {
    const calls: { line: string; done: (r: LabRun) => void }[] = [];
    const port: LabPort = {
      run: (_card, line) => new Promise((done) => calls.push({ line, done })),
    };
    const ui = await setup(port);
    expect(ui.frame()).toContain('(lab: type the command)');
    await answer(ui, { network: 'virsh net-autostart default', image: 'qemu-img info base.qcow2' });
    await ui.waitFor(/Question 2\/2/);
    await answer(ui, { network: 'virsh net-autostart default', image: 'qemu-img info base.qcow2' });
    expect(calls).toEqual([]);
    // Enter on the last question opens the overview, where s submits.
    await ui.waitFor('Overview · 2 answered');
    await ui.press('s', 'y');
    await ui.waitFor('Running lab answer 1 of 2…');
    calls[0]!.done({
      passed: calls[0]!.line.startsWith('virsh'),
      commandOutput: '',
      checkOutput: '',
    });
    await ui.waitFor('Running lab answer 2 of 2…');
    calls[1]!.done({
      passed: calls[1]!.line.startsWith('virsh'),
      commandOutput: '',
      checkOutput: '',
    });
    await ui.waitFor('NOT PASSED · 1/2 · 50%');
    expect(calls.map((c) => c.line).sort()).toEqual([
      'qemu-img info base.qcow2',
      'virsh net-autostart default',
    ]);
    const exam = ui.store.readAllRecords().find((r) => r.type === 'exam');
    expect(exam).toBeDefined();
    const reviews = ui.store.readAllRecords().filter((r) => r.type === 'review');
    expect(reviews.map((r) => [r.key, r.type === 'review' && r.correct]).sort()).toEqual([
      ['lab-ui/net-autostart', true],
      ['lab-ui/overlay', false],
    ]);
  });

  it.skipIf(findOnPath('virsh') === null || findOnPath('qemu-img') === null)(
    'with the real tools at 40x12: both right answers pass',
    async () => {
      const ui = await setup(new LabRunner(), 40, 12);
      const right = {
        network: 'virsh net-autostart --network default',
        image: 'qemu-img create -f qcow2 -b base.qcow2 -F qcow2 top.qcow2',
      };
      await answer(ui, right);
      await ui.waitFor(/Question 2\/2/);
      await answer(ui, right);
      await ui.waitFor('Overview');
      await ui.press('s', 'y');
      await ui.waitFor('PASSED · 2/2 · 100%', 20_000);
    },
    30_000,
  );
});
