// A lab card on the study screen: the task, the typed command, "Running…" while the lab
// port works, then the verdict, both outputs (sanitized, clipped) and the suggested grade,
// which 1-4 override as on typed cards. At 80x24 and 40x12.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LabRunner } from '../../src/app/labs/lab-port.js';
import { findOnPath } from '../../src/app/labs/tools.js';
import type { LabRun } from '../../src/core/lab-spec.js';
import type { Card } from '../../src/core/model.js';
import type { LabPort } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { ENTER, openFixture, renderApp } from './harness.js';

const LAB_DECK = join(import.meta.dirname, '../fixtures/lab-deck');
const TASK = 'Make the default network start when the host boots.';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

/** A lab port whose runs the test finishes by hand, to see the "Running…" state. */
function heldPort() {
  const calls: { key: string; line: string; done: (r: LabRun) => void }[] = [];
  const port: LabPort = {
    run: (card: Card, line: string) =>
      new Promise<LabRun>((done) => {
        calls.push({ key: card.key, line, done });
      }),
  };
  return { port, calls };
}

async function setup(labs: LabPort | undefined, columns = 80, rows = 24) {
  const f = await openFixture(LAB_DECK);
  store = f.store;
  const ui = await renderApp(
    f.collection,
    { name: 'study', scope: { decks: ['lab-ui'], tag: null } },
    { columns, rows, ...(labs ? { labs } : {}) },
  );
  return { ...ui, store: f.store };
}

const lastRecord = (s: Store) => s.readAllRecords().at(-1);

describe('lab card on the study screen', () => {
  it('80x24: runs the command, shows Running…, then both outputs; Enter takes Good', async () => {
    const { port, calls } = heldPort();
    const ui = await setup(port);
    await ui.waitFor(TASK);
    expect(ui.frame()).toContain('Lab: type the command');
    expect(ui.frame()).toContain('type the command');
    await ui.burst('virsh net-autostart default');
    await ui.press(ENTER);
    await ui.waitFor('Running…');
    expect(calls.map((c) => [c.key, c.line])).toEqual([
      ['lab-ui/net-autostart', 'virsh net-autostart default'],
    ]);
    // Keys typed while it runs change nothing.
    await ui.press('x');
    expect(ui.frame()).toContain('> virsh net-autostart default');
    calls[0]!.done({
      passed: true,
      commandOutput: 'Network default marked as autostarted',
      checkOutput: 'Name:           default\nAutostart:      yes',
    });
    await ui.waitFor('✓ Check passed');
    const f = ui.frame();
    expect(f).toContain('Network default marked as autostarted');
    expect(f).toContain('Check: virsh net-info default');
    expect(f).toContain('Autostart:      yes');
    expect(f).toContain('Enter: Good');
    expect(f).not.toContain('Reference:');
    await ui.press(ENTER);
    await ui.waitFor('Create top.qcow2');
    expect(lastRecord(ui.store)).toMatchObject({
      key: 'lab-ui/net-autostart',
      rating: 3,
      correct: true,
    });
  });

  it('40x12: a failed check suggests Again, output is clipped, 3 overrides', async () => {
    const { port, calls } = heldPort();
    const ui = await setup(port, 40, 12);
    await ui.waitFor('Make the default');
    await ui.burst('virsh net-start default');
    await ui.press(ENTER);
    await ui.waitFor('Running…');
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
    calls[0]!.done({
      passed: false,
      commandOutput: lines,
      checkOutput: 'Autostart:      no\u001b[2J',
    });
    await ui.waitFor('Check failed');
    const f = ui.frame();
    for (const row of f.split('\n')) expect(row.length).toBeLessThanOrEqual(40);
    expect(f.split('\n').length).toBeLessThanOrEqual(12);
    expect(f).toMatch(/Enter: Again|Again/);
    // The rest of the card scrolls into view; the long output was clipped.
    for (let i = 0; i < 12; i++) await ui.press('\u001B[6~');
    const all = ui.frames.join('\n');
    expect(all).toMatch(/more lines \(clipped\)/);
    expect(all).not.toContain('line 30');
    expect(all).toContain('Reference: virsh');
    expect(all).not.toContain('\u001b[2J');
    await ui.press('3');
    await ui.waitFor('Create top.qcow2');
    expect(lastRecord(ui.store)).toMatchObject({
      key: 'lab-ui/net-autostart',
      rating: 3,
      correct: false,
    });
  });

  it('refuses a hostile command with a one-line reason, graded Again', async () => {
    const ui = await setup(new LabRunner());
    await ui.waitFor(TASK);
    await ui.burst('virsh list; rm -rf ~');
    await ui.press(ENTER);
    await ui.waitFor('Not run');
    expect(ui.frame()).toContain("✗ Not run: shell operator ';' is not run");
    expect(ui.frame()).toContain('Enter: Again');
    await ui.press(ENTER);
    await ui.waitFor('Create top.qcow2');
    expect(lastRecord(ui.store)).toMatchObject({ rating: 1, correct: false });
  });

  it('without a lab runner, grades the command as typed and says so', async () => {
    const ui = await setup(undefined);
    await ui.waitFor(TASK);
    await ui.burst('virsh net-autostart default');
    await ui.press(ENTER);
    await ui.waitFor('✓ Correct');
    expect(ui.frame()).toContain('graded as a typed answer');
  });

  it.skipIf(findOnPath('virsh') === null || findOnPath('qemu-img') === null)(
    'with the real tools: a valid alternative form passes, a wrong one fails',
    async () => {
      const ui = await setup(new LabRunner());
      await ui.waitFor(TASK);
      await ui.burst('virsh net-autostart --network default');
      await ui.press(ENTER);
      await ui.waitFor('✓ Check passed');
      expect(ui.frame()).toMatch(/Autostart:\s+yes/);
      await ui.press(ENTER);
      await ui.waitFor('Create top.qcow2');
      await ui.burst('qemu-img create -f qcow2 top.qcow2 16M');
      await ui.press(ENTER);
      await ui.waitFor('✗ Check failed');
      expect(ui.frame()).toContain("Formatting 'top.qcow2'");
    },
  );
});
