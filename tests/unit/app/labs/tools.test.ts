import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOnPath, labsDoctorLine, labTools } from '../../../../src/app/labs/tools.js';

describe('lab tools', () => {
  it('finds an executable on PATH, not a plain file or a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-path-'));
    writeFileSync(join(dir, 'virsh'), '#!/bin/sh\n');
    chmodSync(join(dir, 'virsh'), 0o755);
    writeFileSync(join(dir, 'qemu-img'), 'not executable');
    expect(findOnPath('virsh', `/nonexistent:${dir}`)).toBe(join(dir, 'virsh'));
    expect(findOnPath('qemu-img', dir)).toBeNull();
    expect(findOnPath('tmp', '/')).toBeNull();
  });

  it("doctor's line names the versions found, or what to install", () => {
    expect(
      labsDoctorLine([
        { name: 'virsh', version: '9.0.0' },
        { name: 'qemu-img', version: '7.2.22' },
      ]),
    ).toBe('labs: can run (virsh 9.0.0, qemu-img 7.2.22)');
    expect(
      labsDoctorLine([
        { name: 'virsh', version: null },
        { name: 'qemu-img', version: '7.2.22' },
      ]),
    ).toBe(
      'labs: graded as typed commands: virsh not installed (found qemu-img 7.2.22); optional: apt-get install libvirt-clients qemu-utils',
    );
  });

  it('reads the versions of the installed tools', () => {
    for (const t of labTools())
      if (findOnPath(t.name) !== null) expect(t.version, t.name).toMatch(/^\d+\.\d+(\.\d+)?$/);
      else expect(t.version).toBeNull();
  });
});
