// The runner's safety: hostile input never starts a process, a process that never exits is
// killed, output is capped, and the sandbox directory goes away whatever happens.
import { spawn as nodeSpawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SpawnFn } from '../../../../src/app/labs/process.js';
import { runLab } from '../../../../src/app/labs/run-lab.js';
import type { LabSpec } from '../../../../src/core/lab-spec.js';

const virshLab: LabSpec = {
  task: 'Make the default network start at boot.',
  env: 'virsh-test',
  setup: [],
  answer: 'virsh net-autostart default',
  accept: [],
  check: { run: 'virsh net-info default', expect: 'Autostart:\\s+yes' },
};
const qemuLab: LabSpec = {
  task: 'Create a qcow2 image on top of base.qcow2.',
  env: 'qemu-img',
  setup: ['qemu-img create -f qcow2 base.qcow2 1M'],
  answer: 'qemu-img create -f qcow2 -b base.qcow2 -F qcow2 top.qcow2',
  accept: [],
  check: { run: 'qemu-img info top.qcow2', expect: 'backing file: base\\.qcow2' },
};

/** A spawn that records what it was asked and then runs `script` with node instead. */
function fakeSpawn(
  script: string,
  calls: { file: string; args: readonly string[]; cwd?: string }[] = [],
) {
  const spawn: SpawnFn = (file, args, opts) => {
    calls.push({ file, args, cwd: opts.cwd?.toString() });
    return nodeSpawn(process.execPath, ['-e', script], opts);
  };
  return { spawn, calls };
}

const installed = () => '/usr/bin/fake';
const freshRoot = () => mkdtempSync(join(tmpdir(), 'hr-lab-root-'));

describe('hostile input is refused before anything runs', () => {
  const cases: [LabSpec, string, RegExp][] = [
    [virshLab, 'virsh list; rm -rf ~', /shell operator ';'/],
    [virshLab, '; rm -rf ~', /shell operator ';'/],
    [virshLab, 'virsh list $(touch /tmp/x)', /shell expansion/],
    [virshLab, 'virsh list `touch /tmp/x`', /shell expansion/],
    [virshLab, 'virsh -c qemu:///system list', /only to test:\/\/\/default/],
    [virshLab, 'rm -rf ~', /'rm' is not run here/],
    [virshLab, 'virsh save test /tmp/x.save', /absolute path/],
    [virshLab, `virsh desc test ${'A'.repeat(1024 * 1024)}`, /over 4096 bytes/],
    [qemuLab, 'qemu-img create -f qcow2 ../x.qcow2 1M', /'\.\.'/],
    [qemuLab, 'qemu-img info /etc/passwd', /absolute path/],
    [qemuLab, 'qemu-img create -f qcow2 -o backing_file=/etc/passwd top.qcow2', /absolute path/],
    [qemuLab, 'qemu-img info ~/.ssh/id_rsa', /home directory/],
    [qemuLab, 'qemu-img info nbd:localhost:10809', /protocol/],
    [qemuLab, 'qemu-img info json:{"file.filename":"/etc/passwd"}', /protocol|absolute/],
    [qemuLab, 'qemu-img info *.qcow2', /wildcard/],
    [qemuLab, 'cat base.qcow2', /'cat' is not run here/],
  ];
  it.each(cases)('%#: %s', async (spec, line, why) => {
    const { spawn, calls } = fakeSpawn('');
    const root = freshRoot();
    const r = await runLab(spec, '/nowhere/deck.yaml', line, {
      spawn,
      find: installed,
      tmpRoot: root,
    });
    expect(r.passed).toBe(false);
    expect(r.refused).toMatch(why);
    expect(r.refused).not.toContain('\n');
    expect(calls).toEqual([]);
    expect(readdirSync(root)).toEqual([]);
  });

  it('and with the real tools nothing is created outside the sandbox', async () => {
    const root = freshRoot();
    const canary = join(root, 'x');
    for (const line of [
      `virsh list $(touch ${canary})`,
      `virsh list \`touch ${canary}\``,
      `virsh list; touch ${canary}`,
      `qemu-img create -f raw ${canary} 1M`,
      `qemu-img create -f raw ../x 1M`,
    ]) {
      const spec = line.startsWith('qemu') ? qemuLab : virshLab;
      const r = await runLab(spec, '/nowhere/deck.yaml', line, { tmpRoot: root });
      expect(r.refused, line).toBeDefined();
    }
    expect(existsSync(canary)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('limits', () => {
  it('kills a command that never exits, and still removes the sandbox', async () => {
    const root = freshRoot();
    const pids: number[] = [];
    const spawn: SpawnFn = (_file, _args, opts) => {
      const child = nodeSpawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], opts);
      if (child.pid) pids.push(child.pid);
      return child;
    };
    const started = Date.now();
    // virsh-test runs one process (command and check together): that one never exits.
    const r = await runLab(virshLab, '/nowhere/deck.yaml', virshLab.answer, {
      spawn,
      find: installed,
      timeoutMs: 500,
      tmpRoot: root,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.timedOut).toBe(true);
    expect(r.passed).toBe(false);
    expect(r.commandOutput).toContain('ran past the time limit');
    expect(r.checkOutput).toMatch(/the check did not run: the command was stopped/);
    expect(pids).toHaveLength(1);
    expect(() => process.kill(pids[0]!, 0)).toThrow();
    expect(readdirSync(root)).toEqual([]);
  });

  it('cuts output at the cap and says so', async () => {
    const { spawn } = fakeSpawn(
      "process.stdout.write('x'.repeat(200000)); process.stderr.write('y'.repeat(200000))",
    );
    const r = await runLab(qemuLab, '/nowhere/deck.yaml', qemuLab.answer, {
      spawn,
      find: installed,
    });
    expect(r.truncated).toBe(true);
    expect(r.commandOutput.length).toBeLessThan(64 * 1024 + 100);
    expect(r.commandOutput).toMatch(/\[output cut at 64 KB\]$/);
  });

  it('runs argv without a shell, in a fresh dir, with a reduced environment', async () => {
    const root = freshRoot();
    const seen: {
      cwd?: string;
      env?: NodeJS.ProcessEnv;
      shell?: unknown;
      args: readonly string[];
    }[] = [];
    const spawn: SpawnFn = (file, args, opts) => {
      seen.push({
        cwd: opts.cwd?.toString(),
        env: opts.env,
        shell: opts.shell,
        args: [file, ...args],
      });
      return nodeSpawn(process.execPath, ['-e', ''], opts);
    };
    await runLab(virshLab, '/nowhere/deck.yaml', "virsh desc test 'a b'", {
      spawn,
      find: installed,
      tmpRoot: root,
    });
    expect(seen).toHaveLength(1);
    const [call] = seen;
    expect(call!.shell).toBe(false);
    expect(call!.args.slice(0, 3)).toEqual(['virsh', '-c', 'test:///default']);
    expect(call!.args[3]).toMatch(
      /^'desc' 'test' 'a b' ; echo hyperrecall-[0-9a-f]{16} ; echo --err hyperrecall-[0-9a-f]{16} ; 'net-info' 'default'$/,
    );
    expect(call!.cwd!.startsWith(join(root, 'hyperrecall-lab-'))).toBe(true);
    expect(Object.keys(call!.env!).sort()).toEqual([
      'HOME',
      'LANG',
      'LC_ALL',
      'LIBVIRT_DEFAULT_URI',
      'PATH',
      'TMPDIR',
      'XDG_CACHE_HOME',
      'XDG_CONFIG_HOME',
      'XDG_DATA_HOME',
      'XDG_RUNTIME_DIR',
      'XDG_STATE_HOME',
    ]);
    expect(call!.env!.HOME).toBe(call!.cwd);
    expect(readdirSync(root)).toEqual([]);
  });

  it('removes the sandbox when a program cannot start', async () => {
    const root = freshRoot();
    const spawn: SpawnFn = (_f, args, opts) => nodeSpawn('/nonexistent/program', [...args], opts);
    const r = await runLab(qemuLab, '/nowhere/deck.yaml', qemuLab.answer, {
      spawn,
      find: installed,
      tmpRoot: root,
    });
    expect(r.passed).toBe(false);
    expect(r.refused).toMatch(/setup failed .*could not start qemu-img/);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('without the tools', () => {
  it('grades the command as typed text and says how to install them', async () => {
    const { spawn, calls } = fakeSpawn('');
    const none = { spawn, find: () => null };
    const right = await runLab(virshLab, '/d.yaml', "virsh  net-autostart 'default'", none);
    expect(right.passed).toBe(true);
    expect(right.fallback).toBe(
      'virsh is not installed here: this lab was graded as a typed answer. Install: apt-get install libvirt-clients qemu-utils',
    );
    expect((await runLab(virshLab, '/d.yaml', 'virsh net-start default', none)).passed).toBe(false);
    expect((await runLab(virshLab, '/d.yaml', 'virsh list; reboot', none)).refused).toMatch(
      /operator/,
    );
    expect(calls).toEqual([]);
  });
});
