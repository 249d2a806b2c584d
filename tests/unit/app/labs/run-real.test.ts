// The runner with the real virsh (libvirt test driver) and qemu-img. Skipped, with the
// reason printed, only where they are not installed (CI installs them).
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLab } from '../../../../src/app/labs/run-lab.js';
import { findOnPath } from '../../../../src/app/labs/tools.js';
import type { LabSpec } from '../../../../src/core/lab-spec.js';

const haveVirsh = findOnPath('virsh') !== null;
const haveQemuImg = findOnPath('qemu-img') !== null;
if (!haveVirsh)
  console.warn('SKIPPED virsh lab runs: virsh is not installed (apt-get install libvirt-clients)');
if (!haveQemuImg)
  console.warn('SKIPPED qemu-img lab runs: qemu-img is not installed (apt-get install qemu-utils)');

const deckFile = resolve('tests/fixtures/deck.yaml');

const netAutostart: LabSpec = {
  task: 'Make the default network start at boot.',
  env: 'virsh-test',
  setup: [],
  answer: 'virsh net-autostart default',
  accept: [],
  check: { run: 'virsh net-info default', expect: '^Autostart:\\s+yes$' },
};

describe.skipIf(!haveVirsh)('virsh-test labs', () => {
  it('passes the reference answer and the other valid forms', async () => {
    for (const line of [
      'virsh net-autostart default',
      'virsh net-autostart --network default',
      'virsh -c test:///default net-autostart default',
      "virsh --connect=test:///default -q net-autostart 'default'",
    ]) {
      const r = await runLab(netAutostart, deckFile, line);
      expect(r.passed, line).toBe(true);
      expect(r.refused).toBeUndefined();
      expect(r.checkOutput).toMatch(/^Name:\s+default$/m);
    }
    const r = await runLab(netAutostart, deckFile, 'virsh net-autostart default');
    expect(r.commandOutput).toBe('Network default marked as autostarted');
  });

  it('fails a wrong command, showing its error and the check', async () => {
    const r = await runLab(netAutostart, deckFile, 'virsh net-start default');
    expect(r.passed).toBe(false);
    expect(r.commandOutput).toMatch(/^error: Failed to start network default/);
    expect(r.checkOutput).toMatch(/^Autostart:\s+no$/m);
  });

  it('fails a command virsh rejects, and says the check did not run', async () => {
    const r = await runLab(netAutostart, deckFile, 'virsh net-autostart --bogus default');
    expect(r.passed).toBe(false);
    expect(r.commandOutput).toMatch(/doesn't support option --bogus/);
    expect(r.checkOutput).toBe('(the check did not run: virsh rejected the command line)');
  });

  it('passes quoting through to virsh intact', async () => {
    const spec: LabSpec = {
      ...netAutostart,
      check: { run: 'virsh desc test', expect: '^it\'s a "web" server; really$' },
    };
    const r = await runLab(
      spec,
      deckFile,
      `virsh desc test --new-desc "it's a \\"web\\" server; really"`,
    );
    expect(r.checkOutput).toBe('it\'s a "web" server; really');
    expect(r.passed).toBe(true);
  });

  it('uses a node XML next to the deck', async () => {
    const spec: LabSpec = {
      ...netAutostart,
      node: 'labs/one-stopped-domain.xml',
      check: { run: 'virsh domstate web1', expect: '^running$' },
    };
    expect((await runLab(spec, deckFile, 'virsh start web1')).passed).toBe(true);
    expect((await runLab(spec, deckFile, 'virsh -c test:///default start web1')).passed).toBe(true);
    const wrong = await runLab(spec, deckFile, 'virsh autostart web1');
    expect(wrong.passed).toBe(false);
    expect(wrong.checkOutput).toBe('shut off');
    const gone = await runLab({ ...spec, node: 'labs/missing.xml' }, deckFile, 'virsh start web1');
    expect(gone.refused).toMatch(/node file labs\/missing\.xml is missing/);
  });

  it('leaves nothing behind', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hr-lab-root-'));
    await runLab(netAutostart, deckFile, 'virsh net-autostart default', { tmpRoot: root });
    expect(readdirSync(root)).toEqual([]);
  });
});

const overlay: LabSpec = {
  task: 'Create top.qcow2 on top of base.qcow2.',
  env: 'qemu-img',
  setup: ['qemu-img create -f qcow2 base.qcow2 16M', 'ls'],
  answer: 'qemu-img create -f qcow2 -b base.qcow2 -F qcow2 top.qcow2',
  accept: [],
  check: { run: 'qemu-img info top.qcow2', expect: '^backing file: base\\.qcow2$' },
};

describe.skipIf(!haveQemuImg)('qemu-img labs', () => {
  it('runs setup, the command and the check in one fresh directory', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hr-lab-root-'));
    const r = await runLab(overlay, deckFile, overlay.answer, { tmpRoot: root });
    expect(r.passed).toBe(true);
    expect(r.commandOutput).toMatch(/^Formatting 'top\.qcow2', fmt=qcow2/);
    expect(r.checkOutput).toMatch(/^image: top\.qcow2$/m);
    expect(readdirSync(root)).toEqual([]);
  });

  it('fails an image without the backing file, and a check that exits non-zero', async () => {
    const plain = await runLab(overlay, deckFile, 'qemu-img create -f qcow2 top.qcow2 16M');
    expect(plain.passed).toBe(false);
    const none = await runLab(overlay, deckFile, 'qemu-img info base.qcow2');
    expect(none.passed).toBe(false);
    expect(none.checkOutput).toMatch(/Could not open 'top\.qcow2'/);
  });

  it('lets setup and check use the read-only helpers', async () => {
    const spec: LabSpec = {
      ...overlay,
      check: { run: 'sha256sum top.qcow2', expect: '^[0-9a-f]{64}  top\\.qcow2$' },
    };
    expect((await runLab(spec, deckFile, overlay.answer)).passed).toBe(true);
  });
});
