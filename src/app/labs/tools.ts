// Whether the programs labs run are installed, and which versions: labs fall back to
// typed grading without them, and `doctor` says what to install.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const LAB_INSTALL_HINT = 'apt-get install libvirt-clients qemu-utils';

/** The executable `name` on PATH, or null. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not here: the next directory.
    }
  }
  return null;
}

export interface LabTool {
  name: 'virsh' | 'qemu-img';
  /** The version `--version` reports, or null when the program is not found. */
  version: string | null;
}

/** Each lab program with its version; runs `--version` (for doctor, not the study path). */
export function labTools(): LabTool[] {
  return (['virsh', 'qemu-img'] as const).map((name) => {
    if (!findOnPath(name)) return { name, version: null };
    try {
      const out = execFileSync(name, ['--version'], {
        encoding: 'utf8',
        timeout: 5000,
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { PATH: process.env.PATH ?? '', LANG: 'C' },
      });
      // `9.0.0` from virsh, `qemu-img version 7.2.22 (Debian …)` from qemu-img.
      const first = out.split('\n')[0]?.trim() ?? '';
      return { name, version: /\d+\.\d+(\.\d+)?/.exec(first)?.[0] ?? (first || 'unknown version') };
    } catch {
      return { name, version: null };
    }
  });
}

/** doctor's line about labs: what runs them, or what to install. Never a problem. */
export function labsDoctorLine(tools: readonly LabTool[] = labTools()): string {
  const missing = tools.filter((t) => t.version === null).map((t) => t.name);
  const found = tools
    .filter((t) => t.version !== null)
    .map((t) => `${t.name} ${t.version}`)
    .join(', ');
  if (missing.length === 0) return `labs: can run (${found})`;
  return `labs: graded as typed commands: ${missing.join(' and ')} not installed${found ? ` (found ${found})` : ''}; optional: ${LAB_INSTALL_HINT}`;
}
